using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

public class ValueRangeAnalyzerTests
{
    [Fact]
    public Task Constants_outside_documented_ranges_warn() => ClovaVerifier.VerifyAsync("""
        using OpenAI.Chat;
        var options = new ChatCompletionOptions { TopP = {|CLOVA006:1.5f|}, Temperature = 0.7f, MaxOutputTokenCount = {|CLOVA006:0|} };
        options.FrequencyPenalty = {|CLOVA006:-3f|};
        var meai = new Microsoft.Extensions.AI.ChatOptions { Temperature = {|CLOVA006:2.5f|}, MaxOutputTokens = 100 };
        System.Console.WriteLine($"{options}{meai}");
        """);

    [Fact]
    public Task Raw_body_values_outside_ranges_or_allowed_values_warn() => ClovaVerifier.VerifyAsync("""
        var body = new { model = "HCX-005", messages = new object[0], temperature = {|CLOVA006:3.5|}, top_k = {|CLOVA006:200|}, tool_choice = {|CLOVA006:"force"|}, max_tokens = 100, repetition_penalty = 1.1 };
        var fine = new { model = "HCX-005", messages = new object[0], tool_choice = "auto", max_tokens = 100 };
        System.Console.WriteLine($"{body}{fine}");
        """);

    [Fact]
    public Task Generated_builder_arguments_outside_documented_ranges_warn() => ClovaVerifier.VerifyAsync("""
        var request = ChatCompletionRequest.Create("HCX-005").User("hi").TopK({|CLOVA006:200|}).Temperature(0.5).MaxTokens(100).Build();
        System.Console.WriteLine(request);
        """ + GeneratedBuilderStandIn.Source);

    [Fact]
    public Task Finding5_a_lookalike_builder_is_not_checked() => ClovaVerifier.VerifyAsync("""
        var lookalike = new Lookalike.ChatCompletionRequestBuilder().TopK(200);
        System.Console.WriteLine(lookalike);
        """ + LookalikeUserTypes.Source);

    [Fact]
    public Task Fix_puts_in_the_bound_each_number_crossed_in_the_written_literals_type() => ClovaVerifier.VerifyFixAsync("""
        using OpenAI.Chat;
        var options = new ChatCompletionOptions { TopP = {|CLOVA006:1.5f|}, MaxOutputTokenCount = 100 };
        options.FrequencyPenalty = {|CLOVA006:-3f|};
        var body = new { model = "HCX-005", messages = new object[0], temperature = {|CLOVA006:3.5|}, top_k = {|CLOVA006:200|}, max_tokens = 100 };
        System.Console.WriteLine($"{options}{body}");
        """, """
        using OpenAI.Chat;
        var options = new ChatCompletionOptions { TopP = 1f, MaxOutputTokenCount = 100 };
        options.FrequencyPenalty = -2f;
        var body = new { model = "HCX-005", messages = new object[0], temperature = 2.0, top_k = 128, max_tokens = 100 };
        System.Console.WriteLine($"{options}{body}");
        """, new ValueRangeFixer());

    [Fact]
    public Task Fix_offers_the_nearest_allowed_value() => ClovaVerifier.VerifyFixAsync("""
        var body = new { model = "HCX-005", messages = new object[0], tool_choice = {|CLOVA006:"Auto"|}, max_tokens = 100 };
        System.Console.WriteLine(body);
        """, """
        var body = new { model = "HCX-005", messages = new object[0], tool_choice = "auto", max_tokens = 100 };
        System.Console.WriteLine(body);
        """, new ValueRangeFixer());

    [Fact]
    public async Task No_fix_is_offered_past_an_exclusive_bound_or_for_a_named_constant()
    {
        const string source = """
            var body = new { model = "HCX-005", messages = new object[0], repetition_penalty = 0.0, max_tokens = 100 };
            var options = new OpenAI.Chat.ChatCompletionOptions { TopP = Limits.TopP, MaxOutputTokenCount = 100 };
            System.Console.WriteLine($"{body}{options}");
            static class Limits { public const float TopP = 1.5f; }
            """;
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(source);
        var exceptions = new System.Collections.Generic.List<System.Exception>();

        Assert.Equal(2, diagnostics.Count(d => d.Id == "CLOVA006"));
        Assert.Equal(0, await AnalyzerHarness.RunEveryFixAsync(source, diagnostics.Where(d => d.Id == "CLOVA006").ToImmutableArray(), exceptions));
        Assert.Empty(exceptions);
    }

    [Fact]
    public Task Semantic_kernel_settings_constants_are_checked_against_the_spec_ranges() => ClovaVerifier.VerifyAsync("""
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var wrong = new OpenAIPromptExecutionSettings { MaxTokens = 256, Temperature = {|CLOVA006:3|}, TopP = {|CLOVA006:1.5|} };
        var right = new OpenAIPromptExecutionSettings { MaxTokens = 256, Temperature = 0.5, TopP = 0.8, PresencePenalty = 0.5 };
        System.Console.WriteLine($"{wrong}{right}");
        """);

    /// <summary>
    /// Issue 19: a $. ExtraBody key that names a field alone (<c>$.top_k</c>) gives that field its value and is checked as
    /// the plain key is; a deeper path gives the value to something inside the field, which the field's range does not judge.
    /// </summary>
    [Fact]
    public Task Semantic_kernel_extra_body_path_keys_naming_a_field_are_range_checked() => ClovaVerifier.VerifyAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256, ExtraBody = new Dictionary<string, object?> { ["$.top_k"] = {|CLOVA006:500|}, ["$.top_p"] = 0.5 } };
        settings.ExtraBody["$.temperature"] = {|CLOVA006:3.5|};
        settings.ExtraBody["$.top_k.x"] = 500;
        settings.ExtraBody["$.thinking.effort"] = "extreme";
        System.Console.WriteLine(settings);
        """);

    /// <summary>Issue 19: a constant given to a known ExtraBody key is checked against that field's range, and fixed as other writes are.</summary>
    [Fact]
    public Task Semantic_kernel_extra_body_constants_are_checked_and_fixed() => ClovaVerifier.VerifyFixAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256, ExtraBody = new Dictionary<string, object?> { ["top_k"] = {|CLOVA006:500|}, ["temperature"] = 0.5 } };
        settings.ExtraBody["top_p"] = {|CLOVA006:1.5|};
        settings.ExtraBody.Add("top_k", 20);
        System.Console.WriteLine(settings);
        """, """
        using System.Collections.Generic;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256, ExtraBody = new Dictionary<string, object?> { ["top_k"] = 128, ["temperature"] = 0.5 } };
        settings.ExtraBody["top_p"] = 1.0;
        settings.ExtraBody.Add("top_k", 20);
        System.Console.WriteLine(settings);
        """, new ValueRangeFixer());

    /// <summary>
    /// Issue 19: plain settings' <c>ExtensionData["extra_body"]</c> is read into ExtraBody (the spec's readAs; SettingsWireTests
    /// captures it), so the constants of the bag given there are range checked as ExtraBody's are, and fixed the same way.
    /// </summary>
    [Fact]
    public Task Semantic_kernel_plain_settings_extra_body_constants_are_checked_and_fixed() => ClovaVerifier.VerifyFixAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        var plain = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 256, ["extra_body"] = new Dictionary<string, object?> { ["top_k"] = {|CLOVA006:500|}, ["$.top_p"] = {|CLOVA006:1.5|}, ["repetition_penalty"] = 1.1 } } };
        plain.ExtensionData["extra_body"] = new Dictionary<string, object?> { ["top_k"] = {|CLOVA006:200|} };
        System.Console.WriteLine(plain);
        """, """
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        var plain = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 256, ["extra_body"] = new Dictionary<string, object?> { ["top_k"] = 128, ["$.top_p"] = 1.0, ["repetition_penalty"] = 1.1 } } };
        plain.ExtensionData["extra_body"] = new Dictionary<string, object?> { ["top_k"] = 128 };
        System.Console.WriteLine(plain);
        """, new ValueRangeFixer());
}
