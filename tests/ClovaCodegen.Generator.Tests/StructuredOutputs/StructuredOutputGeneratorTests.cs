using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ClovaCodegen.Generator.Tests.StructuredOutputs;

/// <summary>
/// The structured-output half of the generator driven on small compilations: a type JSON Schema cannot express is a
/// CLOVA205 at the member (never a generator crash, CS8785), a name against the spec's rule is a CLOVA206, the output
/// compiles, and an unrelated edit leaves the structured-output steps cached.
/// </summary>
public class StructuredOutputGeneratorTests
{
    private const string Good = """
        using System.Collections.Generic;
        namespace App
        {
            [ClovaCodegen.ClovaStructuredOutput]
            public sealed record Answer(string Text, int Score, List<string> Tags);
        }
        """;

    public static TheoryData<string, string, string> Inexpressible => new()
    {
        // the member declaration (marked «here» where the diagnostic must point), words of the reason
        { "System.Collections.Generic.Dictionary<string, int> «Counts»", "Counts", "dictionary" },
        { "object «Anything»", "Anything", "has no JSON Schema here" },
        { "(int, string) «Pair»", "Pair", "has no JSON Schema here" },
        { "App.Permissions «Flags»", "Flags", "[Flags] enum" },
        { "int[,] «Grid»", "Grid", "multi-dimensional" },
        { "System.IDisposable «Handle»", "Handle", "has no JSON Schema here" },
    };

    [Theory]
    [MemberData(nameof(Inexpressible))]
    public void A_member_json_schema_cannot_express_is_a_located_CLOVA205(string member, string name, string reason)
    {
        var marked = $$"""
            namespace App
            {
                [ClovaCodegen.ClovaStructuredOutput]
                public sealed class Holder
                {
                    public string Fine { get; set; } = "";
                    public {{member}} { get; set; } = default!;
                }

                public sealed class Node { public Node? Child { get; set; } }

                [System.Flags] public enum Permissions { Read = 1, Write = 2 }
            }
            """;
        var expectedStart = marked.IndexOf('«');
        var source = marked.Replace("«", "").Replace("»", "");

        var (output, diagnostics, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.Net10References, source));

        Assert.Null(result.Results.Single().Exception);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "CLOVA205");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(reason, diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Contains(name, diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.True(diagnostic.Location.SourceSpan.Start >= expectedStart && diagnostic.Location.SourceSpan.Start <= expectedStart + member.Length,
            $"CLOVA205 at {diagnostic.Location.SourceSpan.Start}, the member starts at {expectedStart}");
        Assert.DoesNotContain(result.GeneratedTrees, t => t.FilePath.EndsWith("ClovaStructuredOutput.App_Holder.g.cs", System.StringComparison.Ordinal));
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("private sealed class Hidden { public int X { get; set; } }", "public or internal")]
    [InlineData("public sealed class Generic<T> { public T Value { get; set; } = default!; }", "generic type")]
    [InlineData("public sealed class NoWayIn { public NoWayIn(int other) { } public int X { get; } }", "neither a public parameterless constructor")]
    public void A_type_that_cannot_be_generated_is_a_CLOVA205_and_the_rest_compiles(string declaration, string reason)
    {
        var source = $$"""
            namespace App
            {
                public static class Outer
                {
                    [ClovaCodegen.ClovaStructuredOutput]
                    {{declaration}}
                }
            }
            """;

        var (output, diagnostics, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.Net10References, source));

        Assert.Null(result.Results.Single().Exception);
        Assert.Contains(diagnostics, d => d.Id == "CLOVA205" && d.GetMessage().Contains(reason, System.StringComparison.Ordinal) && d.Location.GetLineSpan().Path == "Source0.cs");
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_name_against_the_specs_rule_is_a_CLOVA206_at_the_attribute()
    {
        var source = Good.Replace("[ClovaCodegen.ClovaStructuredOutput]", "[ClovaCodegen.ClovaStructuredOutput(\"my answer\")]");

        var (_, diagnostics, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.Net10References, source));

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "CLOVA206");
        Assert.Contains("'my answer'", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Contains("^[a-zA-Z0-9_-]{1,64}$", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal(source.IndexOf("ClovaCodegen.ClovaStructuredOutput(", System.StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
    }

    [Fact]
    public void The_generated_code_compiles_without_warnings()
    {
        var (output, diagnostics, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.Net10References, Good));

        Assert.Empty(diagnostics);
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith("ClovaStructuredOutput.App_Answer.g.cs", System.StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Unrelated_edit_leaves_the_structured_output_steps_cached()
    {
        var result = GeneratorEdits.RunAfterEditingLast(new[] { Good, "namespace App { class Other { int X => 1; } }" }, "namespace App { class Other { int X => 2; int Y => 3; } }");

        GeneratorEdits.AssertReused(result, ClovaRequestGenerator.TrackingNames.StructuredOutputs, ClovaRequestGenerator.TrackingNames.StructuredOutputSettings);
        GeneratorEdits.AssertNothingEmitted(result);
    }

    [Fact]
    public void An_edit_beside_the_marked_type_in_its_file_reruns_the_step_but_changes_nothing()
    {
        // The transform runs again for the edited file; the value-equatable models come out equal, so nothing is emitted.
        var result = GeneratorEdits.RunAfterEditingLast(new[] { Good }, Good + "\nnamespace App { class Unrelated { int X => 1; } }");

        GeneratorEdits.AssertRecomputedEqual(result, ClovaRequestGenerator.TrackingNames.StructuredOutputs);
        GeneratorEdits.AssertReused(result, ClovaRequestGenerator.TrackingNames.StructuredOutputs);
        GeneratorEdits.AssertNothingEmitted(result);
    }

    [Fact]
    public void Editing_the_marked_type_regenerates_its_schema()
    {
        var result = GeneratorEdits.RunAfterEditingLast(new[] { Good }, Good.Replace("int Score", "double Score"));

        GeneratorEdits.AssertModified(result, ClovaRequestGenerator.TrackingNames.StructuredOutputs);
        Assert.Contains("\\\"Score\\\":{\\\"type\\\":\\\"number\\\"}", result.GeneratedSources.Single(s => s.HintName == "ClovaStructuredOutput.App_Answer.g.cs").SourceText.ToString(), System.StringComparison.Ordinal);
    }
}
