using System;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ClovaCodegen.Extensions.AI.Tests;

/// <summary>
/// Issue 17, §2: registration as Microsoft.Extensions.AI does it. The client and its options, then the adapters through
/// MEAI's builders (so UseFunctionInvocation, UseOpenTelemetry, UseLogging chain), and keyed variants for two
/// registrations in one app.
/// </summary>
public sealed class RegistrationBuilderTests : IAsyncLifetime
{
    private const string KeyA = "fake-key-a-0000";
    private const string KeyB = "fake-key-b-1111";
    private ClovaStudioEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await ClovaStudioEmulator.StartAsync(new EmulatorOptions { AcceptedApiKeys = new[] { KeyA, KeyB } });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private void Client(ClovaStudioClientOptions options, string key)
    {
        options.ApiKey = key;
        options.Endpoint = _emulator.BaseUrl;
        options.MaxRetries = 0;
    }

    [Fact]
    public async Task The_chat_client_builder_chains_function_invocation_and_the_tool_call_round_trips()
    {
        var services = new ServiceCollection();
        services.AddClovaStudioClient(o => Client(o, KeyA));
        services.AddClovaStudioChatClient(o => o.DefaultModelId = "HCX-007").UseFunctionInvocation().UseOpenTelemetry().UseLogging();
        await using var provider = services.BuildServiceProvider();
        var chat = provider.GetRequiredService<IChatClient>();
        string? calledWith = null;
        var weather = AIFunctionFactory.Create((string text) => { calledWith = text; return "sunny, 21 degrees"; }, "get_weather");

        // The emulator asks for the first tool with {"text": <question>}, then answers "Tool said: <result>".
        var response = await chat.GetResponseAsync("Weather in Seoul?", new ChatOptions { Tools = new[] { weather } });

        Assert.Equal("Weather in Seoul?", calledWith);
        Assert.Equal("Tool said: sunny, 21 degrees", response.Text);
        Assert.Equal("HCX-007", response.ModelId);
        Assert.NotNull(chat.GetService<FunctionInvokingChatClient>());
        Assert.Same(provider.GetRequiredService<ClovaStudioClient>(), chat.GetService<ClovaStudioClient>());
        var sent = _emulator.Requests.Where(r => r.Endpoint == "chat.completions").ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, r => Assert.True(r.SpecAccepted, string.Join("; ", r.Problems)));
    }

    [Fact]
    public async Task The_embedding_generator_builder_chains_and_reads_its_own_options()
    {
        var services = new ServiceCollection();
        services.AddClovaStudioClient(o => Client(o, KeyA));
        services.AddClovaStudioEmbeddingGenerator(o => o.CompatibilityMode = ClovaCompatibilityMode.Lenient).UseOpenTelemetry().UseLogging();
        await using var provider = services.BuildServiceProvider();
        var embeddings = provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        // Lenient: the unsupported "user" is dropped rather than refused.
        var vector = await embeddings.GenerateAsync(new[] { "x" }, new EmbeddingGenerationOptions { AdditionalProperties = new() { ["user"] = "u" } });

        Assert.Equal(1024, vector[0].Vector.Length);
        Assert.Equal("bge-m3", embeddings.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId);
    }

    [Fact]
    public async Task Keyed_registrations_keep_two_clients_with_their_own_keys_and_models_apart()
    {
        var services = new ServiceCollection();
        services.AddKeyedClovaStudioClient("a", o => Client(o, KeyA));
        services.AddKeyedClovaStudioClient("b", o => Client(o, KeyB));
        services.AddKeyedClovaStudioChatClient("a", o => o.DefaultModelId = "HCX-005");
        services.AddKeyedClovaStudioChatClient("b", o => o.DefaultModelId = "HCX-007").UseLogging();
        services.AddKeyedClovaStudioEmbeddingGenerator("b");
        await using var provider = services.BuildServiceProvider();

        var a = provider.GetRequiredKeyedService<IChatClient>("a");
        var b = provider.GetRequiredKeyedService<IChatClient>("b");
        var answerA = await a.GetResponseAsync("from a");
        var answerB = await b.GetResponseAsync("from b");
        var vector = await provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>("b").GenerateVectorAsync("x");

        Assert.Equal(("Echo: from a", "HCX-005"), (answerA.Text, answerA.ModelId));
        Assert.Equal(("Echo: from b", "HCX-007"), (answerB.Text, answerB.ModelId));
        Assert.Equal(1024, vector.Length);
        Assert.Same(provider.GetRequiredKeyedService<ClovaStudioClient>("a"), a.GetService<ClovaStudioClient>());
        Assert.Same(provider.GetRequiredKeyedService<ClovaStudioClient>("b"), b.GetService<ClovaStudioClient>());
        Assert.NotSame(a.GetService<ClovaStudioClient>(), b.GetService<ClovaStudioClient>());
        Assert.Null(provider.GetService<IChatClient>());
        Assert.Null(provider.GetService<ClovaStudioClient>());
    }

    [Fact]
    public async Task A_keyed_client_has_its_own_options_and_validation()
    {
        var services = new ServiceCollection();
        services.AddKeyedClovaStudioClient("good", o => Client(o, KeyA));
        services.AddKeyedClovaStudioClient("nokey", o => o.Endpoint = _emulator.BaseUrl);
        services.AddKeyedClovaStudioChatClient("good");
        services.AddKeyedClovaStudioChatClient("nokey");
        await using var provider = services.BuildServiceProvider();

        var answer = await provider.GetRequiredKeyedService<IChatClient>("good").GetResponseAsync("still fine");
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredKeyedService<IChatClient>("nokey"));

        Assert.Equal("Echo: still fine", answer.Text);
        Assert.Contains("ApiKey is not set", error.Message);
    }

    [Fact]
    public async Task An_adapter_without_its_client_says_which_registration_is_missing()
    {
        var services = new ServiceCollection();
        services.AddClovaStudioChatClient();
        services.AddKeyedClovaStudioEmbeddingGenerator("gov");
        await using var provider = services.BuildServiceProvider();

        var unkeyed = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IChatClient>());
        var keyed = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>("gov"));

        Assert.Contains("services.AddClovaStudioClient(", unkeyed.Message);
        Assert.Contains("services.AddKeyedClovaStudioClient(\"gov\"", keyed.Message);
    }

    [Fact]
    public void An_empty_key_is_refused_where_it_is_registered()
    {
        var services = new ServiceCollection();

        Assert.Equal("serviceKey", Assert.Throws<ArgumentException>(() => services.AddKeyedClovaStudioClient(" ", o => { })).ParamName);
        Assert.Equal("serviceKey", Assert.Throws<ArgumentException>(() => services.AddKeyedClovaStudioChatClient("")).ParamName);
    }
}
