using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

/// <summary>CLOVA011: structured outputs or tools asked of a model the spec's capabilities do not list it for.</summary>
public class ModelCapabilityAnalyzerTests
{
    /// <summary>A type for ResponseFormat&lt;T&gt;() (the analyzer does not look at the mark; the generator does).</summary>
    private const string Receipt = """

        sealed record Receipt(string Shop, double Total);
        """;

    [Fact]
    public Task Structured_outputs_on_a_model_the_spec_does_not_list_for_them_warn() => ClovaVerifier.VerifyAsync("""
        var wrong = ChatCompletionRequest.Create("HCX-005").User("Read it").{|CLOVA011:ResponseFormat<Receipt>|}().MaxTokens(100).Build();
        var dash = ChatCompletionRequest.Create("HCX-DASH-002").{|CLOVA011:ResponseFormat<Receipt>|}().User("Read it").MaxTokens(100).Build();
        var right = ChatCompletionRequest.Create("HCX-007").User("Read it").ResponseFormat<Receipt>().MaxTokens(100).Build();
        System.Console.WriteLine($"{wrong}{dash}{right}");
        """ + GeneratedBuilderStandIn.Source + Receipt);

    [Fact]
    public Task Tools_on_a_model_the_spec_does_not_list_for_them_warn() => ClovaVerifier.VerifyAsync("""
        var tools = new object[] { "get_weather" };
        var all = ChatCompletionRequest.Create("HCX-007").User("Weather?").{|CLOVA011:AddTools|}(tools).MaxTokens(100).Build();
        var one = ChatCompletionRequest.Create("HCX-003").{|CLOVA011:AddTool|}(tools[0]).User("Weather?").MaxTokens(100).Build();
        var raw = ChatCompletionRequest.Create("HCX-DASH-001").{|CLOVA011:AddFunctionTool|}("f", "d", "{}").MaxTokens(100).Build();
        var right = ChatCompletionRequest.Create("HCX-005").AddTools(tools).MaxTokens(100).Build();
        var dash = ChatCompletionRequest.Create("HCX-DASH-002").AddTool(tools[0]).MaxTokens(100).Build();
        System.Console.WriteLine($"{all}{one}{raw}{right}{dash}");
        """ + GeneratedBuilderStandIn.Source);

    [Fact]
    public Task A_model_that_is_not_a_constant_or_a_builder_kept_in_a_variable_is_not_guessed_at() => ClovaVerifier.VerifyAsync("""
        var model = System.Environment.GetEnvironmentVariable("MODEL") ?? "HCX-005";
        var variable = ChatCompletionRequest.Create(model).ResponseFormat<Receipt>().MaxTokens(100).Build();
        var builder = ChatCompletionRequest.Create("HCX-005");
        builder.ResponseFormat<Receipt>();
        System.Console.WriteLine($"{variable}{builder}");
        """ + GeneratedBuilderStandIn.Source + Receipt);

    [Fact]
    public Task A_named_constant_is_a_constant() => ClovaVerifier.VerifyAsync("""
        const string Model = "HCX-005";
        var request = ChatCompletionRequest.Create(model: Model).{|CLOVA011:ResponseFormat<Receipt>|}().MaxTokens(100).Build();
        System.Console.WriteLine(request);
        """ + GeneratedBuilderStandIn.Source + Receipt);

    [Fact]
    public Task An_unknown_model_is_CLOVA004s_alone_and_other_response_formats_are_not_checked() => ClovaVerifier.VerifyAsync("""
        var unknown = ChatCompletionRequest.Create({|CLOVA004:"gpt-4o"|}).ResponseFormat<Receipt>().AddTools(new object[0]).MaxTokens(100).Build();
        var jsonMode = ChatCompletionRequest.Create("HCX-005").JsonObjectResponse().ResponseFormat("{\"type\":\"json_object\"}").MaxTokens(100).Build();
        System.Console.WriteLine($"{unknown}{jsonMode}");
        """ + GeneratedBuilderStandIn.Source + Receipt);

    [Fact]
    public Task A_lookalike_builder_is_not_checked() => ClovaVerifier.VerifyAsync("""
        var lookalike = Mine.ChatCompletionRequest.Create("HCX-005").ResponseFormat<Receipt>();
        System.Console.WriteLine(lookalike);

        namespace Mine
        {
            sealed class ChatCompletionRequest
            {
                public static ChatCompletionRequest Create(string model) => new();
                public ChatCompletionRequest ResponseFormat<T>() => this;
            }
        }
        """ + Receipt);

    [Fact]
    public async Task Message_names_the_call_the_model_the_capability_and_the_specs_models()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync("""
            var so = ChatCompletionRequest.Create("HCX-005").ResponseFormat<Receipt>().MaxTokens(100).Build();
            var tools = ChatCompletionRequest.Create("HCX-007").AddTools(new object[0]).MaxTokens(100).Build();
            System.Console.WriteLine($"{so}{tools}");
            """ + GeneratedBuilderStandIn.Source + Receipt);

        Assert.Equal(
            new[]
            {
                "'ResponseFormat<Receipt>()' asks model 'HCX-005' for structured outputs, which the spec lists for HCX-007 (uncertain for the OpenAI-compatible API)",
                "'AddTools(...)' asks model 'HCX-007' for tools, which the spec lists for HCX-005, HCX-DASH-002 (uncertain for the OpenAI-compatible API)",
            },
            diagnostics.Where(d => d.Id == "CLOVA011").OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_users_spec_that_lists_the_model_silences_the_rule_for_that_capability()
    {
        const string Source = """
            var so = ChatCompletionRequest.Create("HCX-005").ResponseFormat<Receipt>().MaxTokens(100).Build();
            var tools = ChatCompletionRequest.Create("HCX-007").AddTools(new object[0]).MaxTokens(100).Build();
            System.Console.WriteLine($"{so}{tools}");
            """ + GeneratedBuilderStandIn.Source + Receipt;
        var listed = Regex.Replace(ClovaCodegen.Spec.SpecReader.DefaultSpecText, @"""models"":\s*\[\s*""HCX-007""\s*\]", @"""models"": [""HCX-007"", ""HCX-005""]");
        Assert.NotEqual(ClovaCodegen.Spec.SpecReader.DefaultSpecText, listed);

        Assert.Equal(new[] { "ResponseFormat", "AddTools" }, await Flagged(null));
        Assert.Equal(new[] { "AddTools" }, await Flagged(listed)); // the user's spec is read: the tools finding stays

        async Task<string[]> Flagged(string? spec) => (await AnalyzerHarness.AnalyzeAsync(Source, spec))
            .Where(d => d.Id == "CLOVA011").OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => Source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length).Split('<')[0]).ToArray();
    }

    [Fact]
    public Task Fix_uses_the_model_the_spec_lists_for_structured_outputs() => ClovaVerifier.VerifyFixAsync("""
        var request = ChatCompletionRequest.Create("HCX-005").User("Read it").{|CLOVA011:ResponseFormat<Receipt>|}().MaxTokens(100).Build();
        System.Console.WriteLine(request);
        """ + GeneratedBuilderStandIn.Source + Receipt, """
        var request = ChatCompletionRequest.Create("HCX-007").User("Read it").ResponseFormat<Receipt>().MaxTokens(100).Build();
        System.Console.WriteLine(request);
        """ + GeneratedBuilderStandIn.Source + Receipt, new LiteralReplacementFixer());

    [Fact]
    public Task Fix_offers_the_next_model_the_spec_lists_for_tools_as_a_further_action() => ClovaVerifier.VerifyFixAsync("""
        var request = ChatCompletionRequest.Create("HCX-007").{|CLOVA011:AddTools|}(new object[0]).MaxTokens(100).Build();
        System.Console.WriteLine(request);
        """ + GeneratedBuilderStandIn.Source, """
        var request = ChatCompletionRequest.Create("HCX-DASH-002").AddTools(new object[0]).MaxTokens(100).Build();
        System.Console.WriteLine(request);
        """ + GeneratedBuilderStandIn.Source, new LiteralReplacementFixer(), codeActionIndex: 1);

    [Fact]
    public Task No_fix_when_no_model_has_every_capability_the_chain_asks_for() => ClovaVerifier.VerifyFixAsync("""
        var request = ChatCompletionRequest.Create("HCX-003").{|CLOVA011:ResponseFormat<Receipt>|}().{|CLOVA011:AddTools|}(new object[0]).MaxTokens(100).Build();
        System.Console.WriteLine(request);
        """ + GeneratedBuilderStandIn.Source + Receipt, """
        var request = ChatCompletionRequest.Create("HCX-003").{|CLOVA011:ResponseFormat<Receipt>|}().{|CLOVA011:AddTools|}(new object[0]).MaxTokens(100).Build();
        System.Console.WriteLine(request);
        """ + GeneratedBuilderStandIn.Source + Receipt, new LiteralReplacementFixer());

    [Fact]
    public Task No_fix_for_a_named_constant() => ClovaVerifier.VerifyFixAsync("""
        const string Model = "HCX-005";
        var request = ChatCompletionRequest.Create(Model).{|CLOVA011:ResponseFormat<Receipt>|}().MaxTokens(100).Build();
        System.Console.WriteLine(request);
        """ + GeneratedBuilderStandIn.Source + Receipt, """
        const string Model = "HCX-005";
        var request = ChatCompletionRequest.Create(Model).{|CLOVA011:ResponseFormat<Receipt>|}().MaxTokens(100).Build();
        System.Console.WriteLine(request);
        """ + GeneratedBuilderStandIn.Source + Receipt, new LiteralReplacementFixer());
}
