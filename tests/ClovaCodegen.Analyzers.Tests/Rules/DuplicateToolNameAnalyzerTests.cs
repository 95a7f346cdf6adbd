using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

/// <summary>CLOVA012: tools of one name combined into one set or offered by one request.</summary>
public class DuplicateToolNameAnalyzerTests
{
    /// <summary>
    /// Two tool classes whose <c>GetWeather</c> tools clash, and a third that does not, with what the generator adds to each
    /// (<c>All</c> and the handles, the generator's <c>[GeneratedCode]</c>; the rule reads the <c>[ClovaTool]</c> methods).
    /// </summary>
    private const string Tools = """

        public static partial class WeatherTools
        {
            [ClovaCodegen.ClovaTool("Weather")] public static string GetWeatherAsync(string city) => city;
            [ClovaCodegen.ClovaTool("Time")] public static string Now() => "";
        }

        public static partial class ForecastTools
        {
            [ClovaCodegen.ClovaTool("Forecast")] public static string GetWeather(string city) => city;
        }

        public static partial class MathTools
        {
            [ClovaCodegen.ClovaTool("Adds", Name = "add")] public static int Add(int a, int b) => a + b;
            [ClovaCodegen.ClovaTool("Subtracts")] public static int Subtract(int a, int b) => a - b;
        }

        [System.CodeDom.Compiler.GeneratedCode("ClovaCodegen.Generator", "0.1.0")]
        public static partial class WeatherTools
        {
            public static ClovaCodegen.ClovaToolSet All => null!;
            public static ClovaCodegen.ClovaTool GetWeatherTool => null!;
            public static ClovaCodegen.ClovaTool NowTool => null!;
        }

        [System.CodeDom.Compiler.GeneratedCode("ClovaCodegen.Generator", "0.1.0")]
        public static partial class ForecastTools
        {
            public static ClovaCodegen.ClovaToolSet All => null!;
            public static ClovaCodegen.ClovaTool GetWeatherTool => null!;
        }

        [System.CodeDom.Compiler.GeneratedCode("ClovaCodegen.Generator", "0.1.0")]
        public static partial class MathTools
        {
            public static ClovaCodegen.ClovaToolSet All => null!;
            public static ClovaCodegen.ClovaTool AddTool => null!;
            public static ClovaCodegen.ClovaTool SubtractTool => null!;
        }
        """;

    [Fact]
    public Task Combining_two_classes_whose_tools_share_a_name_warns_at_the_later_one() => ClovaVerifier.VerifyAsync("""
        using System.Linq;
        using ClovaCodegen;

        var combined = ClovaToolSet.Combine(WeatherTools.All, {|CLOVA012:ForecastTools.All|});
        var created = new ClovaToolSet(WeatherTools.GetWeatherTool, MathTools.AddTool, {|CLOVA012:ForecastTools.GetWeatherTool|});
        var concatenated = new ClovaToolSet(MathTools.All.Concat(new[] { {|CLOVA012:MathTools.SubtractTool|} }));
        var nested = ClovaToolSet.Combine(MathTools.All, ClovaToolSet.Combine(WeatherTools.All, {|CLOVA012:ForecastTools.All|}));
        var fine = ClovaToolSet.Combine(WeatherTools.All, MathTools.All);
        System.Console.WriteLine($"{combined}{created}{concatenated}{nested}{fine}");
        """ + Tools);

    [Fact]
    public Task One_builder_chain_that_offers_a_name_twice_warns_at_the_call_that_repeats_it() => ClovaVerifier.VerifyAsync("""
        var request = ChatCompletionRequest.Create("HCX-005").User("Weather?").AddTools(WeatherTools.All).MaxTokens(100).AddTool({|CLOVA012:ForecastTools.GetWeatherTool|}).Build();
        var raw = ChatCompletionRequest.Create("HCX-005").AddTools(MathTools.All).AddFunctionTool({|CLOVA012:"Subtract"|}, "d", "{}").MaxTokens(100).Build();
        var fine = ChatCompletionRequest.Create("HCX-005").AddTools(WeatherTools.All).AddTools(MathTools.All).AddFunctionTool("other", "d", "{}").MaxTokens(100).Build();
        System.Console.WriteLine($"{request}{raw}{fine}");
        """ + GeneratedBuilderStandIn.Source + Tools);

    [Fact]
    public Task Classes_whose_tools_share_a_name_but_never_meet_and_sets_the_rule_cannot_see_are_not_reported() => ClovaVerifier.VerifyAsync("""
        using ClovaCodegen;

        var weather = new ClovaToolSet(WeatherTools.All);
        var forecast = new ClovaToolSet(ForecastTools.All);
        var request = ChatCompletionRequest.Create("HCX-005").AddTools(WeatherTools.All).MaxTokens(100).Build();
        var other = ChatCompletionRequest.Create("HCX-005").AddTools(ForecastTools.All).MaxTokens(100).Build();
        ClovaToolSet kept = ForecastTools.All;
        var unknown = ClovaToolSet.Combine(WeatherTools.All, kept);
        System.Console.WriteLine($"{weather}{forecast}{request}{other}{unknown}");
        """ + GeneratedBuilderStandIn.Source + Tools);

    [Fact]
    public async Task Message_names_the_tool_both_methods_and_what_happens()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync("""
            var combined = ClovaCodegen.ClovaToolSet.Combine(WeatherTools.All, ForecastTools.All);
            var request = ChatCompletionRequest.Create("HCX-005").AddTools(WeatherTools.All).AddTools(ForecastTools.All).MaxTokens(100).Build();
            System.Console.WriteLine($"{combined}{request}");
            """ + GeneratedBuilderStandIn.Source + Tools);

        Assert.Equal(
            new[]
            {
                "'GetWeather' is the name of both WeatherTools.GetWeatherAsync (in 'WeatherTools.All') and ForecastTools.GetWeather (in 'ForecastTools.All'); ClovaToolSet refuses two tools of one name (ArgumentException at run time), because a model calls tools by name; rename one with [ClovaTool(..., Name = \"...\")]",
                "'GetWeather' is the name of both WeatherTools.GetWeatherAsync (in 'WeatherTools.All') and ForecastTools.GetWeather (in 'ForecastTools.All'); the request would offer the model two tools it cannot tell apart; rename one with [ClovaTool(..., Name = \"...\")]",
            },
            diagnostics.Where(d => d.Id == "CLOVA012").OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("""[ClovaCodegen.ClovaTool("Forecast")]""")]
    [InlineData("""[ClovaCodegen.ClovaTool("Forecast", Name = "GetWeather")]""")]
    public Task Fix_names_the_later_tool_after_its_class_replacing_a_name_it_sets(string attribute) => ClovaVerifier.VerifyFixAsync("""
        var combined = ClovaCodegen.ClovaToolSet.Combine(WeatherTools.All, {|CLOVA012:ForecastTools.All|});
        System.Console.WriteLine(combined);
        """ + Tools.Replace("""[ClovaCodegen.ClovaTool("Forecast")]""", attribute), """
        var combined = ClovaCodegen.ClovaToolSet.Combine(WeatherTools.All, ForecastTools.All);
        System.Console.WriteLine(combined);
        """ + Tools.Replace("""[ClovaCodegen.ClovaTool("Forecast")]""", """[ClovaCodegen.ClovaTool("Forecast", Name = "ForecastTools_GetWeather")]"""), new DuplicateToolNameFixer());

    [Fact]
    public Task No_fix_when_the_class_made_name_breaks_the_specs_tool_name_rule() => ClovaVerifier.VerifyFixAsync("""
        var combined = ClovaCodegen.ClovaToolSet.Combine(WeatherTools.All, {|CLOVA012:예보Tools.All|});
        System.Console.WriteLine(combined);
        """ + Tools.Replace("ForecastTools", "예보Tools"), """
        var combined = ClovaCodegen.ClovaToolSet.Combine(WeatherTools.All, {|CLOVA012:예보Tools.All|});
        System.Console.WriteLine(combined);
        """ + Tools.Replace("ForecastTools", "예보Tools"), new DuplicateToolNameFixer());

    /// <summary>A spec that states no tool-name rule accepts any name (the generator and the emulator check none then either).</summary>
    [Fact]
    public Task Fix_is_offered_for_any_class_made_name_when_the_spec_states_no_tool_name_rule() => ClovaVerifier.VerifyFixAsync("""
        var combined = ClovaCodegen.ClovaToolSet.Combine(WeatherTools.All, {|CLOVA012:예보Tools.All|});
        System.Console.WriteLine(combined);
        """ + Tools.Replace("ForecastTools", "예보Tools"), """
        var combined = ClovaCodegen.ClovaToolSet.Combine(WeatherTools.All, 예보Tools.All);
        System.Console.WriteLine(combined);
        """ + Tools.Replace("ForecastTools", "예보Tools").Replace("""[ClovaCodegen.ClovaTool("Forecast")]""", """[ClovaCodegen.ClovaTool("Forecast", Name = "예보Tools_GetWeather")]"""), new DuplicateToolNameFixer(), specText: SpecWithoutToolNameRule());

    private static string SpecWithoutToolNameRule()
    {
        var spec = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(Paths.Root, "spec", "clova-openai-compat.json")))!;
        var removed = 0;
        foreach (var capability in spec["capabilities"]!.AsArray())
        {
            if ((string?)capability!["id"] == "tools" && capability.AsObject().Remove("namePattern"))
            {
                removed++;
            }
        }

        Assert.Equal(1, removed);
        return spec.ToJsonString();
    }
}
