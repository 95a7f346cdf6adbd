using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace ClovaCodegen.Extensions.AI.Tests;

/// <summary>services.AddClovaStudio(...) from configuration and from code, against the emulator.</summary>
public sealed class DependencyInjectionTests : IAsyncLifetime
{
    private const string SecretLookingKey = "fake-test-key-0123456789abcdef";
    private ClovaStudioEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await ClovaStudioEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public async Task Chat_and_embeddings_resolve_from_configuration_and_work_against_the_emulator()
    {
        var configuration = Configuration(new()
        {
            ["ClovaStudio:ApiKey"] = SecretLookingKey,
            ["ClovaStudio:Endpoint"] = _emulator.BaseUrl.ToString(),
            ["ClovaStudio:MaxRetries"] = "0",
            ["ClovaStudio:DefaultChatModel"] = "HCX-007",
            ["ClovaStudio:CompatibilityMode"] = "lenient",
        });
        var wire = new CapturingHandler(inner: null);
        var services = new ServiceCollection();
        services.AddClovaStudio(configuration.GetSection("ClovaStudio")).AddHttpMessageHandler(() => new CapturingHandlerAdapter(wire));
        await using var provider = services.BuildServiceProvider();

        var chat = provider.GetRequiredService<IChatClient>();
        var response = await chat.GetResponseAsync("from DI", new ChatOptions { AdditionalProperties = new() { ["user"] = "dropped in lenient mode" } });
        var embeddings = provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var vector = await embeddings.GenerateVectorAsync("from DI");

        Assert.Equal("Echo: from DI", response.Text);
        Assert.Equal("HCX-007", response.ModelId);
        Assert.Equal(1024, vector.Length);
        Assert.Equal("clova-studio", chat.GetService<ChatClientMetadata>()!.ProviderName);
        Assert.Equal(_emulator.BaseUrl, chat.GetService<ChatClientMetadata>()!.ProviderUri);
        Assert.Same(provider.GetRequiredService<ClovaStudioClient>(), chat.GetService<ClovaStudioClient>());
        Assert.Equal(2, wire.Bodies.Count); // both calls went through the factory's HttpClient and its handlers
    }

    [Fact]
    public async Task Options_from_code_work_and_the_factory_HttpClient_is_not_disposed_with_the_client()
    {
        var services = new ServiceCollection();
        services.AddClovaStudio(o =>
        {
            o.ApiKey = SecretLookingKey;
            o.Endpoint = _emulator.BaseUrl;
            o.MaxRetries = 0;
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ClovaStudioClient>();
        client.Dispose(); // it does not own the factory's HttpClient: the chat below would fail with ObjectDisposedException
        var response = await provider.GetRequiredService<IChatClient>().GetResponseAsync("still works");

        Assert.Equal("Echo: still works", response.Text);
        Assert.Equal("HCX-005", provider.GetRequiredService<IChatClient>().GetService<ChatClientMetadata>()!.DefaultModelId);
    }

    [Fact]
    public async Task Retry_and_timeout_settings_are_read_from_configuration()
    {
        var services = new ServiceCollection();
        services.AddClovaStudio(Configuration(new()
        {
            ["ApiKey"] = SecretLookingKey,
            ["Endpoint"] = _emulator.BaseUrl.ToString(),
            ["RetryServerErrors"] = "never",
            ["IdleTimeout"] = "00:00:05",
        }));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ClovaStudioClientOptions>>().Value;

        Assert.Equal(ClovaServerErrorRetry.Never, options.RetryServerErrors);
        Assert.Equal(TimeSpan.FromSeconds(5), options.IdleTimeout);
    }

    [Fact]
    public async Task Strict_is_the_default_mode_from_configuration()
    {
        var services = new ServiceCollection();
        services.AddClovaStudio(Configuration(new() { ["ApiKey"] = SecretLookingKey, ["Endpoint"] = _emulator.BaseUrl.ToString() }));
        await using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<ClovaCompatibilityException>(() =>
            provider.GetRequiredService<IChatClient>().GetResponseAsync("x", new ChatOptions { AllowMultipleToolCalls = true }));
    }

    [Fact]
    public async Task Lenient_drops_through_DI_are_logged_through_the_registered_logger()
    {
        var log = new ListLogger();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(log);
        services.AddClovaStudioClient(o =>
        {
            o.ApiKey = SecretLookingKey;
            o.Endpoint = _emulator.BaseUrl;
        });
        services.AddClovaStudioChatClient(o => o.CompatibilityMode = ClovaCompatibilityMode.Lenient);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IChatClient>().GetResponseAsync("x", new ChatOptions { AdditionalProperties = new() { ["n"] = 2 } });

        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("n (", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains(SecretLookingKey, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://example.com/v1/openai/", "Endpoint must be https")]
    [InlineData("not a url " + SecretLookingKey, "Endpoint is not an absolute URL")]
    [InlineData("https://user:" + SecretLookingKey + "@clovastudio.stream.ntruss.com/v1/openai/", "must not carry user info")]
    public async Task A_bad_endpoint_fails_validation_at_first_use_without_the_key_in_the_message(string endpoint, string expected)
    {
        var services = new ServiceCollection();
        services.AddClovaStudio(Configuration(new() { ["ClovaStudio:ApiKey"] = SecretLookingKey, ["ClovaStudio:Endpoint"] = endpoint }).GetSection("ClovaStudio"));
        await using var provider = services.BuildServiceProvider(); // building does not validate: first use does

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IChatClient>());

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain(SecretLookingKey, error.Message);
        Assert.DoesNotContain(SecretLookingKey, error.ToString());
        Assert.DoesNotContain(error.Failures, f => f.Contains(SecretLookingKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_key_fails_validation_with_a_message_naming_the_setting()
    {
        var services = new ServiceCollection();
        services.AddClovaStudio(Configuration(new() { ["ClovaStudio:Endpoint"] = _emulator.BaseUrl.ToString() }).GetSection("ClovaStudio"));
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());

        Assert.Contains("ClovaStudio:ApiKey is not set", error.Message);
    }
}

/// <summary>Lets a test see the bodies sent through the factory's pipeline (the factory builds its own handler chain).</summary>
internal sealed class CapturingHandlerAdapter : System.Net.Http.DelegatingHandler
{
    private readonly CapturingHandler _recorder;

    public CapturingHandlerAdapter(CapturingHandler recorder) => _recorder = recorder;

    protected override async Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
    {
        _recorder.Bodies.Enqueue(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
