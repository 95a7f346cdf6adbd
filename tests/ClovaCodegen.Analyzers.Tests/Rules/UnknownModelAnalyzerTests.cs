using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

public class UnknownModelAnalyzerTests
{
    [Fact]
    public Task Unknown_and_cross_endpoint_models_warn() => AnalyzerHarness.VerifyAsync("""
        using OpenAI;
        var client = new OpenAIClient(System.Environment.GetEnvironmentVariable("K")!);
        var a = client.GetChatClient({|CLOVA004:"gpt-4o"|});
        var b = client.GetChatClient({|CLOVA004:"bge-m3"|});
        var c = client.GetEmbeddingClient({|CLOVA004:"HCX-005"|});
        var ok = client.GetChatClient("HCX-005");
        var ok2 = client.GetEmbeddingClient("bge-m3");
        System.Console.WriteLine($"{a}{b}{c}{ok}{ok2}");
        """);

    [Fact]
    public async Task Fix_offers_the_nearest_known_names()
    {
        var fixedSource = await AnalyzerHarness.FixAsync(
            "var c = new OpenAI.OpenAIClient(\"k\").GetChatClient(\"HCX-05\");\nSystem.Console.WriteLine(c);", "CLOVA004", new LiteralReplacementFixer());

        Assert.Contains("GetChatClient(\"HCX-005\")", fixedSource);
    }
}
