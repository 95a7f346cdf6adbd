using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ClovaCodegen.Generator.Tests.Tools;

/// <summary>
/// The tool half of the generator driven on small compilations: a parameter JSON Schema cannot express is a CLOVA207 at
/// the parameter, a name against the spec's rule a CLOVA208, a name used twice a CLOVA209, a method that cannot be a
/// tool a CLOVA210; never a generator crash (CS8785), the rest still compiles, and unrelated edits leave the tools cached.
/// </summary>
public class ToolGeneratorTests
{
    private const string Good = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        namespace App
        {
            public enum Unit { Celsius, Fahrenheit }
            public sealed record Forecast(string City, double Degrees, Unit Unit);

            public static partial class Weather
            {
                [ClovaCodegen.ClovaTool("Weather for a city")]
                public static Task<Forecast> GetWeatherAsync(string city, Unit unit = Unit.Celsius, CancellationToken cancellationToken = default) =>
                    Task.FromResult(new Forecast(city, 21, unit));

                [ClovaCodegen.ClovaTool("Counts words")]
                internal static int Count(List<string> words, bool? distinct) => words.Count;
            }
        }
        """;

    public static TheoryData<string, string> Inexpressible => new()
    {
        // the parameter (marked «here» where CLOVA207 must point), words of the reason
        { "System.Collections.Generic.Dictionary<string, int> «counts»", "dictionary" },
        { "object «anything»", "has no JSON Schema here" },
        { "App.Permissions «flags»", "[Flags] enum" },
        { "int[,] «grid»", "multi-dimensional" },
    };

    [Theory]
    [MemberData(nameof(Inexpressible))]
    public void A_parameter_json_schema_cannot_express_is_a_CLOVA207_at_the_parameter(string parameter, string reason)
    {
        var marked = $$"""
            namespace App
            {
                [System.Flags] public enum Permissions { Read = 1, Write = 2 }

                public static partial class Tools
                {
                    [ClovaCodegen.ClovaTool("Fine")]
                    public static string Fine(string text) => text;

                    [ClovaCodegen.ClovaTool("Broken")]
                    public static string Broken(string text, {{parameter}}) => text;
                }
            }
            """;
        var expectedStart = marked.IndexOf('«');
        var source = marked.Replace("«", "").Replace("»", "");

        var (output, diagnostics, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.Net10References, source));

        Assert.Null(result.Results.Single().Exception);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "CLOVA207");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(reason, diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal(expectedStart, diagnostic.Location.SourceSpan.Start);
        var generated = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("ClovaTools.App_Tools.g.cs", System.StringComparison.Ordinal)).ToString();
        Assert.Contains("FineTool", generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain("BrokenTool", generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_parameter_of_a_type_that_contains_itself_is_a_CLOVA207_at_the_method_not_a_misplaced_ref()
    {
        // Structured outputs write such a type with $ref relative to their one root; a tool's parameters object has a root
        // per parameter, so a reference would name the wrong schema.
        var source = """
            namespace App
            {
                public sealed record TreeNode(string Name, System.Collections.Generic.List<TreeNode> Children);

                public static partial class Tools
                {
                    [ClovaCodegen.ClovaTool("Fine")]
                    public static string Fine(string text) => text;

                    [ClovaCodegen.ClovaTool("Walk")]
                    public static int Walk(string label, TreeNode tree) => 0;
                }
            }
            """;

        var (output, diagnostics, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.Net10References, source));

        Assert.Null(result.Results.Single().Exception);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "CLOVA207");
        Assert.Contains("contains itself", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal(source.IndexOf("Walk(string", System.StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        var generated = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("ClovaTools.App_Tools.g.cs", System.StringComparison.Ordinal)).ToString();
        Assert.Contains("FineTool", generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain("$ref", generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", System.StringComparison.Ordinal));
    }

    [Fact]
    public void An_inexpressible_result_is_a_CLOVA207_at_the_method()
    {
        var source = """
            namespace App
            {
                public static partial class Tools
                {
                    [ClovaCodegen.ClovaTool("Lookup")]
                    public static System.Threading.Tasks.Task<System.Collections.Generic.Dictionary<string, int>> Lookup(string key) => null!;
                }
            }
            """;

        var (_, diagnostics, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.Net10References, source));

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "CLOVA207");
        Assert.Contains("the result of Lookup", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal(source.IndexOf("Lookup(string", System.StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
    }

    [Theory]
    [InlineData("public static class Tools", "[ClovaCodegen.ClovaTool(\"x\")] public static string «Run»(string a) => a;", "must be partial")]
    [InlineData("public partial class Tools", "[ClovaCodegen.ClovaTool(\"x\")] public string «Run»(string a) => a;", "must be static, because the generated All, <Method>Tool and InvokeAsync are static and have no instance to call it on; make it static")]
    [InlineData("public static partial class Tools", "[ClovaCodegen.ClovaTool(\"x\")] public static string Run(ref string «a») => a;", "passed by reference")]
    [InlineData("public static partial class Tools", "[ClovaCodegen.ClovaTool(\"x\")] public static string Run(params string[] «a») => a[0];", "params")]
    [InlineData("public static partial class Tools", "[ClovaCodegen.ClovaTool(\"x\")] public static T «Run»<T>(T a) => a;", "generic method")]
    [InlineData("public partial class Tools<TItem>", "[ClovaCodegen.ClovaTool(\"x\")] public static string «Run»(string a) => a;", "is generic")]
    public void A_method_that_cannot_be_a_tool_is_a_located_CLOVA210_and_the_rest_compiles(string type, string member, string reason)
    {
        var marked = $$"""
            namespace App
            {
                {{type}}
                {
                    {{member}}
                }
            }
            """;
        var expectedStart = marked.IndexOf('«');
        var source = marked.Replace("«", "").Replace("»", "");

        var (output, diagnostics, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.Net10References, source));

        Assert.Null(result.Results.Single().Exception);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "CLOVA210");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(reason, diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal(expectedStart, diagnostic.Location.SourceSpan.Start);
        Assert.DoesNotContain(result.GeneratedTrees, t => t.FilePath.Contains("ClovaTools.App_Tools", System.StringComparison.Ordinal));
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_tool_name_against_the_specs_rule_is_a_CLOVA208_at_the_attribute()
    {
        var source = Good.Replace("[ClovaCodegen.ClovaTool(\"Counts words\")]", "[ClovaCodegen.ClovaTool(\"Counts words\", Name = \"count words\")]");

        var (_, diagnostics, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.Net10References, source));

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "CLOVA208");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("'count words'", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Contains("^[a-zA-Z0-9_-]{1,64}$", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal(source.IndexOf("ClovaCodegen.ClovaTool(\"Counts words\"", System.StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
    }

    [Fact]
    public void A_tool_name_used_twice_in_a_class_is_a_CLOVA209_at_both_and_the_other_tools_still_generate()
    {
        var source = Good.Replace("[ClovaCodegen.ClovaTool(\"Counts words\")]", "[ClovaCodegen.ClovaTool(\"Counts words\", Name = \"GetWeather\")]");

        var (output, diagnostics, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.Net10References, source + """
            namespace App
            {
                public static partial class Weather
                {
                    [ClovaCodegen.ClovaTool("Fine")]
                    public static string Fine(string text) => text;
                }
            }
            """));

        var duplicates = diagnostics.Where(d => d.Id == "CLOVA209").ToList();
        Assert.Equal(2, duplicates.Count);
        Assert.All(duplicates, d => Assert.Contains("'GetWeather' names more than one [ClovaTool] method of App.Weather", d.GetMessage(), System.StringComparison.Ordinal));
        var generated = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("ClovaTools.App_Weather.g.cs", System.StringComparison.Ordinal)).ToString();
        Assert.Contains("FineTool", generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain("GetWeatherTool", generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_generated_code_compiles_without_warnings_and_offers_the_builder_overloads()
    {
        var use = """
            namespace App
            {
                public static class Use
                {
                    public static byte[] Ask() => ClovaCodegen.Requests.ChatCompletionRequest.Create("HCX-005").User("날씨").AddTools(Weather.All).AddTool(Weather.CountTool).Build().ToUtf8Json();
                }
            }
            """;

        var (output, diagnostics, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.Net10References, Good, use));

        Assert.Empty(diagnostics);
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith("ClovaTools.App_Weather.g.cs", System.StringComparison.Ordinal));
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith("ClovaTools.Builder.g.cs", System.StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Unrelated_edit_leaves_the_tool_steps_cached()
    {
        var result = GeneratorEdits.RunAfterEditingLast(new[] { Good, "namespace App { class Other { int X => 1; } }" }, "namespace App { class Other { int X => 2; int Y => 3; } }");

        GeneratorEdits.AssertReused(result, ClovaRequestGenerator.TrackingNames.Tools, ClovaRequestGenerator.TrackingNames.ToolSettings);
        GeneratorEdits.AssertNothingEmitted(result);
    }

    [Fact]
    public void An_edit_beside_the_tools_in_their_file_reruns_the_step_but_changes_nothing()
    {
        // The transform runs again for the edited file; the value-equatable models come out equal, so nothing is emitted.
        var result = GeneratorEdits.RunAfterEditingLast(new[] { Good }, Good + "\nnamespace App { class Unrelated { int X => 1; } }");

        GeneratorEdits.AssertRecomputedEqual(result, ClovaRequestGenerator.TrackingNames.Tools);
        GeneratorEdits.AssertReused(result, ClovaRequestGenerator.TrackingNames.Tools);
        GeneratorEdits.AssertNothingEmitted(result);
    }

    [Fact]
    public void Editing_a_tool_regenerates_its_schema()
    {
        var result = GeneratorEdits.RunAfterEditingLast(new[] { Good }, Good.Replace("string city", "int city"));

        GeneratorEdits.AssertModified(result, ClovaRequestGenerator.TrackingNames.Tools);
        Assert.Contains("\\\"city\\\":{\\\"type\\\":\\\"integer\\\"}", result.GeneratedSources.Single(s => s.HintName == "ClovaTools.App_Weather.g.cs").SourceText.ToString(), System.StringComparison.Ordinal);
    }
}
