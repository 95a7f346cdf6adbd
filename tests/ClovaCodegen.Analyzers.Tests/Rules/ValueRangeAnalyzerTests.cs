using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

public class ValueRangeAnalyzerTests
{
    [Fact]
    public Task Constants_outside_documented_ranges_warn() => AnalyzerHarness.VerifyAsync("""
        using OpenAI.Chat;
        var options = new ChatCompletionOptions { TopP = {|CLOVA006:1.5f|}, Temperature = 0.7f, MaxOutputTokenCount = {|CLOVA006:0|} };
        options.FrequencyPenalty = {|CLOVA006:-3f|};
        var meai = new Microsoft.Extensions.AI.ChatOptions { Temperature = {|CLOVA006:2.5f|}, MaxOutputTokens = 100 };
        System.Console.WriteLine($"{options}{meai}");
        """);
}
