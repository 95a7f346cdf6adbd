using System.Collections.Immutable;
using ClovaCodegen.Analyzers.Hosts;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Analyzers.Rules;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers;

/// <summary>
/// The rules CLOVA001–CLOVA012 and the hosts that run them. The compiler finds the hosts by their
/// <c>[DiagnosticAnalyzer]</c> attribute (see <see cref="ClovaRuleHost"/> for why hosts); code that drives analyzers
/// itself (tests, benchmarks) takes them, or the rules one by one, from here.
/// </summary>
public static class ClovaRules
{
    /// <summary>One instance of every rule, in rule-ID order. Each runs alone as an analyzer, in a host of its own.</summary>
    public static ImmutableArray<ClovaRule> CreateAll() => ImmutableArray.Create<ClovaRule>(
        new UnsupportedFieldAnalyzer(),
        new EmbeddingEncodingAnalyzer(),
        new BaseUrlAnalyzer(),
        new UnknownModelAnalyzer(),
        new NativeFieldNameAnalyzer(),
        new ValueRangeAnalyzer(),
        new HardcodedApiKeyAnalyzer(),
        new MissingMaxTokensAnalyzer(),
        new DroppedOptionAnalyzer(),
        new MessageRoleAnalyzer(),
        new ModelCapabilityAnalyzer(),
        new DuplicateToolNameAnalyzer());

    /// <summary>The analyzers the compiler loads: every rule, each in the host of its default severity.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> CreateHosts() => ImmutableArray.Create<DiagnosticAnalyzer>(new WarningRuleHost(), new InfoRuleHost());
}
