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
}
