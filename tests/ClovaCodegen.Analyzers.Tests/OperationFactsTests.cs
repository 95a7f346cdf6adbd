using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests;

/// <summary>
/// What several rules ask about the same operation (a raw body) is worked out once per compilation (<see cref="OperationFacts"/>): the rules run in two hosts (and alone in tests and benchmarks), so the answers are shared
/// only if they are remembered per operation, and that only works if the compiler hands every analyzer the same operation objects.
/// </summary>
public class OperationFactsTests
{
    private const string Source = """
        using System.Collections.Generic;
        using OpenAI.Chat;

        var options = new ChatCompletionOptions();
        options.EndUserId = "user";
        var body = new Dictionary<string, object> { ["model"] = "HCX-005", ["messages"] = new object[0], ["logprobs"] = true };
        System.Console.WriteLine(body.Count + options.EndUserId);
        """;

    [Fact]
    public void A_raw_body_is_worked_out_once_per_compilation_whoever_asks()
    {
        var compilation = AnalyzerHarness.Compile(Source);
        var facts = CompilationFacts.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)!;
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var operations = model.GetOperation(tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().First().Parent!)!
            .DescendantsAndSelf().ToList();
        var creation = operations.OfType<IObjectCreationOperation>().Single(o => o.Type?.Name == "Dictionary");
        var write = operations.OfType<ISimpleAssignmentOperation>().Single(a => a.Target is IPropertyReferenceOperation { Property.Name: "EndUserId" });

        // Asked twice, as two rules (two analyzers, each outside the other's callback) ask: the same answer object.
        var body = RequestWrites.RawBody(creation, facts.Spec, facts.Types, CancellationToken.None);
        Assert.NotNull(body);
        Assert.Same(body, RequestWrites.RawBody(creation, facts.Spec, facts.Types, CancellationToken.None));
        Assert.NotNull(RequestWrites.BoundMember(write, facts.Spec, facts.Types));
    }

    [Fact]
    public async Task The_compiler_hands_every_analyzer_the_same_operation_objects()
    {
        var first = new CreationRecorder();
        var second = new CreationRecorder();
        var withAnalyzers = AnalyzerHarness.Compile(Source).WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(first, second));

        await withAnalyzers.GetAnalyzerDiagnosticsAsync();

        Assert.NotEmpty(first.Seen);
        Assert.Equal(first.Seen.OrderBy(o => o.Syntax.SpanStart), second.Seen.OrderBy(o => o.Syntax.SpanStart), ReferenceEqualityComparer.Instance);
    }

    [Fact]
    public void A_string_keyed_bag_is_told_by_its_key_type_however_the_type_reaches_the_dictionary()
    {
        // Worked out once per type definition: these shapes put the key type in the definition (string), in one of its own
        // type arguments (at either position), or in an enclosing type's.
        var compilation = AnalyzerHarness.Compile("""
            using System.Collections.Generic;

            var bags = new object[]
            {
                new Dictionary<string, object>(), new Dictionary<int, object>(), new SortedDictionary<string, int>(),
                new Headers(), new Keyed<int>(), new Swapped<int, string>(), new Swapped<string, int>(),
                new Outer<string>.Inner(), new Outer<int>.Inner(), new List<string>(),
            };

            class Headers : Dictionary<string, string> { }
            class Keyed<T> : Dictionary<string, T> { }
            class Swapped<TValue, TKey> : Dictionary<TKey, TValue> where TKey : notnull { }
            class Outer<TKey> where TKey : notnull { public class Inner : Dictionary<TKey, int> { } }
            """);
        var facts = CompilationFacts.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)!;
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var created = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ObjectCreationExpressionSyntax>()
            .Select(creation => (INamedTypeSymbol)model.GetTypeInfo(creation).Type!)
            .ToList();

        // Each asked twice: the second answer comes from what the first remembered for the definition.
        var answers = created.Select(type => (type.ToDisplayString(), facts.Types.IsStringKeyedBag(type), facts.Types.IsStringKeyedBag(type))).ToList();

        Assert.Equal(
            new[]
            {
                ("System.Collections.Generic.Dictionary<string, object>", true, true), ("System.Collections.Generic.Dictionary<int, object>", false, false),
                ("System.Collections.Generic.SortedDictionary<string, int>", true, true), ("Headers", true, true), ("Keyed<int>", true, true),
                ("Swapped<int, string>", true, true), ("Swapped<string, int>", false, false),
                ("Outer<string>.Inner", true, true), ("Outer<int>.Inner", false, false), ("System.Collections.Generic.List<string>", false, false),
            },
            answers);
    }

#pragma warning disable RS1036, RS1041, RS2008 // a test probe, never shipped
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class CreationRecorder : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Probe = new("PROBE", "probe", "probe", "probe", DiagnosticSeverity.Warning, true);

        public ConcurrentBag<IOperation> Seen { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Probe);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(operation => Seen.Add(operation.Operation), OperationKind.ObjectCreation);
        }
    }
#pragma warning restore RS1036, RS1041, RS2008
}
