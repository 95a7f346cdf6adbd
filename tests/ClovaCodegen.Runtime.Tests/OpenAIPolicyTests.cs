using System.ClientModel;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using ClovaCodegen.OpenAI;
using ClovaCodegen.Spec;
using ClovaCodegen.Spec.Model;
using OpenAI.Chat;
using Xunit;

namespace ClovaCodegen.Runtime.Tests;

/// <summary>The official OpenAI SDK against the emulator, with ClovaCodegen.OpenAI's compatibility policy.</summary>
public sealed class OpenAIPolicyTests : IAsyncLifetime
{
    private const string FakeKey = "nv-test-0000000000000000fake";
    private ClovaStudioEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await ClovaStudioEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task With_the_policy_sdk_embeddings_work()
    {
        var client = ClovaOpenAI.CreateClient(FakeKey, _emulator.BaseUrl).GetEmbeddingClient("bge-m3");

        var embedding = await client.GenerateEmbeddingAsync("hello");

        Assert.Equal(1024, embedding.Value.ToFloats().Length);
    }

    [Fact]
    public async Task With_the_policy_sdk_streaming_works_although_the_sdk_adds_stream_options()
    {
        var chat = ClovaOpenAI.CreateClient(FakeKey, _emulator.BaseUrl).GetChatClient("HCX-005");
        var text = "";

        await foreach (var update in chat.CompleteChatStreamingAsync(new ChatMessage[] { new UserChatMessage("one two") }, new ChatCompletionOptions { MaxOutputTokenCount = 10 }))
        {
            text += string.Concat(update.ContentUpdate.Select(p => p.Text));
        }

        Assert.Equal("Echo: one two", text);
    }

    [Fact]
    public async Task Without_the_policy_sdk_streaming_is_rejected_for_stream_options()
    {
        var chat = new global::OpenAI.OpenAIClient(new ApiKeyCredential(FakeKey), new global::OpenAI.OpenAIClientOptions { Endpoint = _emulator.BaseUrl }).GetChatClient("HCX-005");

        var error = await Assert.ThrowsAsync<ClientResultException>(async () =>
        {
            await foreach (var _ in chat.CompleteChatStreamingAsync(new ChatMessage[] { new UserChatMessage("hi") }))
            {
            }
        });

        Assert.Equal(400, error.Status);
    }

    [Fact]
    public async Task Strict_mode_names_unsupported_fields_before_sending_and_lenient_drops_them()
    {
        var options = new ChatCompletionOptions { EndUserId = "u", MaxOutputTokenCount = 10 };
        ChatMessage[] messages = { new UserChatMessage("hi") };

        var strict = ClovaOpenAI.CreateClient(FakeKey, _emulator.BaseUrl).GetChatClient("HCX-005");
        var error = await Assert.ThrowsAsync<ClovaCompatibilityException>(() => strict.CompleteChatAsync(messages, options));
        Assert.Equal(new[] { "user" }, error.Fields);

        var dropped = new System.Collections.Generic.List<string>();
        var clientOptions = new global::OpenAI.OpenAIClientOptions { Endpoint = _emulator.BaseUrl };
        var policy = new ClovaCompatibilityPolicy(ClovaCompatibilityMode.Lenient);
        policy.FieldDropped += dropped.Add;
        clientOptions.AddPolicy(policy, System.ClientModel.Primitives.PipelinePosition.PerCall);
        var lenient = new global::OpenAI.OpenAIClient(new ApiKeyCredential(FakeKey), clientOptions).GetChatClient("HCX-005");
        ChatCompletion answer = await lenient.CompleteChatAsync(messages, options);
        Assert.Equal("Echo: hi", answer.Content[0].Text);
        Assert.Equal(new[] { "user" }, dropped);
    }

    [Fact]
    public void The_policys_field_lists_equal_the_spec()
    {
        var spec = SpecReader.ReadDefault().Spec!;
        string[] Unsupported(string endpoint) => spec.FindEndpoint(endpoint)!.Fields.Where(f => f.Status == FieldStatus.Unsupported).Select(f => f.Name).OrderBy(n => n).ToArray();

        Assert.Equal(Unsupported("chat.completions"), ClovaCompatibilityPolicy.UnsupportedChatFields.OrderBy(n => n));
        Assert.Equal(Unsupported("embeddings"), ClovaCompatibilityPolicy.UnsupportedEmbeddingFields.OrderBy(n => n));
    }
}
