using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using ClovaCodegen.Requests;
using Xunit;

namespace ClovaCodegen.Runtime.Tests;

/// <summary>The emulator's canned answers (samples/QuickStart uses them): deterministic, varied, marked, streamed alike.</summary>
public sealed class CannedAnswersTests
{
    private const string FakeKey = "nv-test-0000000000000000fake";

    private static readonly string[] Questions = { "인공지능에 대해 설명해 주세요.", "What does top_k do?", "What is an embedding?", "Hello", "What is the capital of Korea?", "Tell me a joke" };

    [Fact]
    public async Task Chat_answers_are_canned_marked_varied_and_the_same_for_the_same_question()
    {
        await using var emulator = await ClovaStudioEmulator.StartAsync(new EmulatorOptions { ChatAnswer = CannedAnswers.For });
        using var client = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = FakeKey, Endpoint = emulator.BaseUrl, MaxRetries = 0 });

        var first = await Task.WhenAll(Questions.Select(q => Ask(client, q)));
        var second = await Task.WhenAll(Questions.Select(q => Ask(client, q)));

        Assert.All(first, answer => Assert.StartsWith(CannedAnswers.Marker, answer, System.StringComparison.Ordinal));
        Assert.Equal(first, second);
        Assert.True(first.Distinct().Count() >= 4, "canned answers hardly vary:\n" + string.Join("\n", first));
    }

    [Fact]
    public async Task A_streamed_answer_is_the_same_canned_text()
    {
        await using var emulator = await ClovaStudioEmulator.StartAsync(new EmulatorOptions { ChatAnswer = CannedAnswers.For });
        using var client = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = FakeKey, Endpoint = emulator.BaseUrl, MaxRetries = 0 });
        var request = ChatCompletionRequest.Create("HCX-005").User("What does top_k do?").MaxTokens(64).Build();

        var streamed = new StringBuilder();
        await foreach (var chunk in client.StreamChatAsync(request))
        {
            streamed.Append(string.Concat(chunk.Choices.Select(c => c.Delta.Content)));
        }

        Assert.Equal(CannedAnswers.For("What does top_k do?"), streamed.ToString());
    }

    [Fact]
    public async Task Without_canned_answers_the_emulator_still_echoes()
    {
        await using var emulator = await ClovaStudioEmulator.StartAsync();
        using var client = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = FakeKey, Endpoint = emulator.BaseUrl, MaxRetries = 0 });

        Assert.Equal("Echo: Hello", await Ask(client, "Hello"));
    }

    private static async Task<string> Ask(ClovaStudioClient client, string question) =>
        (await client.CompleteChatAsync(ChatCompletionRequest.Create("HCX-005").User(question).MaxTokens(64).Build())).Choices[0].Message.Content!;
}
