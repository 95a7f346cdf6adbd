using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

/// <summary>clova_codegen.scope: project (default) checks all code; endpoint only files that show they talk to CLOVA Studio.</summary>
public class ScopeTests
{
    private const string OpenAIOnly = """
        using OpenAI;
        using OpenAI.Chat;
        var client = new OpenAIClient(new System.ClientModel.ApiKeyCredential(System.Environment.GetEnvironmentVariable("K")!),
            new OpenAIClientOptions { Endpoint = new System.Uri("https://api.openai.com/v1") });
        var options = new ChatCompletionOptions { EndUserId = "u", MaxOutputTokenCount = 10 };
        client.GetChatClient("gpt-4o").CompleteChat(new ChatMessage[] { new UserChatMessage("hi") }, options);
        """;

    [Theory]
    [InlineData(null, true)]
    [InlineData("project", true)]
    [InlineData("endpoint", false)]
    public async Task A_file_that_only_calls_api_openai_com_is_checked_only_in_project_scope(string? scope, bool reported)
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(OpenAIOnly, scope: scope);

        Assert.Equal(reported, diagnostics.Any(d => d.Id == "CLOVA001"));
        Assert.Equal(reported, diagnostics.Any(d => d.Id == "CLOVA004"));
    }

    [Fact]
    public async Task A_file_with_a_clova_endpoint_is_checked_in_endpoint_scope()
    {
        var source = OpenAIOnly.Replace("https://api.openai.com/v1", "https://clovastudio.stream.ntruss.com/v1/openai/");

        var diagnostics = await AnalyzerHarness.AnalyzeAsync(source, scope: "endpoint");

        Assert.Contains(diagnostics, d => d.Id == "CLOVA001");
        Assert.Contains(diagnostics, d => d.Id == "CLOVA004");
    }
}
