using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

public class DroppedOptionAnalyzerTests
{
    [Fact]
    public Task Meai_top_k_and_additional_properties_warn() => AnalyzerHarness.VerifyAsync("""
        using Microsoft.Extensions.AI;
        var options = new ChatOptions { {|CLOVA009:TopK|} = 20, MaxOutputTokens = 100 };
        {|CLOVA009:options.AdditionalProperties|} = new AdditionalPropertiesDictionary { ["repetition_penalty"] = 1.1 };
        System.Console.WriteLine(options);
        """);

    [Fact]
    public async Task Fix_removes_the_dropped_option()
    {
        var fixedSource = await AnalyzerHarness.FixAsync(
            "var o = new Microsoft.Extensions.AI.ChatOptions { TopK = 20, MaxOutputTokens = 100 };\nSystem.Console.WriteLine(o);", "CLOVA009", new UnsupportedFieldFixer());

        Assert.DoesNotContain("TopK", fixedSource);
        Assert.Contains("MaxOutputTokens = 100", fixedSource);
    }

    [Fact]
    public Task Additional_properties_filled_by_indexer_add_or_initializer_warn() => AnalyzerHarness.VerifyAsync("""
        using Microsoft.Extensions.AI;
        var options = new ChatOptions { MaxOutputTokens = 100, {|CLOVA009:AdditionalProperties|} = { ["top_k"] = 5 } };
        {|CLOVA009:options.AdditionalProperties|}!["repetition_penalty"] = 1.1;
        {|CLOVA009:options.AdditionalProperties|}!.Add("repeat_penalty", 1.1);
        System.Console.WriteLine(options);
        """);
}
