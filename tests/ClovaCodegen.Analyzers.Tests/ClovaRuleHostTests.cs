using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests;

/// <summary>
/// The hosts run the rules as the rules run alone: the same diagnostics, and a rule that throws keeps no other rule from
/// the operation (which rules are started, and where, is <see cref="SwitchedOffRuleTests"/>' subject).
/// </summary>
public class ClovaRuleHostTests
{
    [Fact]
    public async Task The_hosts_report_what_the_rules_report_each_alone()
    {
        var compilation = SwitchedOffRuleTests.MistakesOfEveryRule();

        var hosted = await AnalyzerHarness.AnalyzeAsync(compilation, analyzers: ClovaRules.CreateHosts());
        var alone = await AnalyzerHarness.AnalyzeAsync(compilation, analyzers: ClovaRules.CreateAll());

        Assert.Equal(ClovaRules.CreateAll().Select(r => r.Descriptor.Id), hosted.Select(d => d.Id).Distinct().OrderBy(id => id));
        Assert.Equal(alone.Select(Describe).OrderBy(d => d), hosted.Select(Describe).OrderBy(d => d));
    }

    [Fact]
    public async Task A_rule_that_throws_keeps_no_other_rule_from_the_operation_and_is_named()
    {
        var compilation = SwitchedOffRuleTests.MistakesOfEveryRule();
        var exceptions = new List<Exception>();

        var withThrowing = await AnalyzerHarness.AnalyzeAsync(compilation, analyzers: new[] { new Host(new[] { new ThrowingRule() }.Concat(ClovaRules.CreateAll())) }, exceptions: exceptions);
        var without = await AnalyzerHarness.AnalyzeAsync(compilation, analyzers: new[] { new Host(ClovaRules.CreateAll()) });

        Assert.NotEmpty(without);
        Assert.Equal(without.Select(Describe).OrderBy(d => d), withThrowing.Where(d => d.Id != "AD0001").Select(Describe).OrderBy(d => d));
        Assert.NotEmpty(exceptions);
        Assert.All(exceptions, e => Assert.Contains("TEST001 (ThrowingRule) threw NotImplementedException: a rule's bug", e.Message));
    }

    private static string Describe(Diagnostic diagnostic) => $"{diagnostic.Id} {diagnostic.Location.SourceTree?.FilePath}{diagnostic.Location.GetLineSpan().Span} {diagnostic.Severity} {diagnostic.GetMessage()}";

#pragma warning disable RS1001, RS1012, RS1025, RS1026, RS2008 // never loaded by a compiler: a test's host and rule
    private sealed class Host : ClovaRuleHost
    {
        public Host(IEnumerable<ClovaRule> rules)
            : base(rules)
        {
        }
    }

    /// <summary>A rule whose every action throws, on the kinds every rule is called back on.</summary>
    private sealed class ThrowingRule : ClovaRule
    {
        public ThrowingRule()
            : base(new DiagnosticDescriptor("TEST001", "throws", "throws", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true))
        {
        }

        internal override void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types) =>
            context.RegisterOperationAction(_ => throw new NotImplementedException("a rule's bug"), OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment, OperationKind.Literal);
    }
#pragma warning restore RS1001, RS1012, RS1025, RS1026, RS2008
}
