using System;
using System.Net.Http;
using System.Threading.Tasks;
using ClovaCodegen.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Xunit;

namespace ClovaCodegen.Extensions.AI.Tests;

/// <summary>
/// Issue 15, item 5: exactly one retry layer. Against a server that always answers 503 (retriable), one logical call makes
/// MaxRetries + 1 attempts in every configuration: the client's own retries (its HttpClient or yours), and the DI path,
/// where the HttpClient's resilience handler owns retries, even when the host adds a standard resilience handler to all
/// clients (as Aspire's service defaults do) or to this one.
/// </summary>
public sealed class RetryLayerTests
{
    private const string FakeKey = "nv-test-0000000000000000fake";
    private const int MaxRetries = 2;

    private static LoopbackFaultServer AlwaysUnavailable() => LoopbackFaultServer.Start(_ => Fault.Rejected(503));

    private static void Configure(ClovaStudioClientOptions options, LoopbackFaultServer server)
    {
        options.ApiKey = FakeKey;
        options.Endpoint = server.BaseUrl;
        options.MaxRetries = MaxRetries;
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        options.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
    }

    private static ClovaStudioClientOptions Options(LoopbackFaultServer server)
    {
        var options = new ClovaStudioClientOptions();
        Configure(options, server);
        return options;
    }

    /// <summary>A standard resilience handler with short delays (its defaults wait seconds), retrying every method.</summary>
    private static void FastStandardRetries(HttpStandardResilienceOptions options)
    {
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.BackoffType = Polly.DelayBackoffType.Constant;
        options.Retry.UseJitter = false;
    }

    private static async Task<int> AttemptsOfOneChatAsync(IChatClient chat, LoopbackFaultServer server)
    {
        var error = await Assert.ThrowsAsync<ClovaStudioException>(() => chat.GetResponseAsync("one logical call"));
        Assert.Equal(503, error.StatusCode);
        return server.Attempts;
    }

    [Fact]
    public async Task The_clients_own_retries_make_MaxRetries_plus_one_attempts_with_its_own_HttpClient()
    {
        await using var server = AlwaysUnavailable();
        using var client = new ClovaStudioClient(Options(server));

        Assert.Equal(MaxRetries + 1, await AttemptsOfOneChatAsync(new ClovaChatClient(client), server));
    }

    [Fact]
    public async Task The_clients_own_retries_make_MaxRetries_plus_one_attempts_with_a_callers_HttpClient()
    {
        await using var server = AlwaysUnavailable();
        using var http = new HttpClient();
        using var client = new ClovaStudioClient(Options(server), http);

        await Assert.ThrowsAsync<ClovaStudioException>(() => client.ListModelsAsync());

        Assert.Equal(MaxRetries + 1, server.Attempts);
    }

    [Fact]
    public async Task The_DI_path_makes_MaxRetries_plus_one_attempts()
    {
        await using var server = AlwaysUnavailable();
        var services = new ServiceCollection();
        services.AddClovaStudio(o => Configure(o, server));
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(MaxRetries + 1, await AttemptsOfOneChatAsync(provider.GetRequiredService<IChatClient>(), server));
    }

    [Fact]
    public async Task The_DI_path_with_MaxRetries_0_makes_one_attempt()
    {
        await using var server = AlwaysUnavailable();
        var services = new ServiceCollection();
        services.AddClovaStudio(o =>
        {
            Configure(o, server);
            o.MaxRetries = 0;
        });
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(1, await AttemptsOfOneChatAsync(provider.GetRequiredService<IChatClient>(), server));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_standard_resilience_handler_added_to_all_clients_does_not_nest_retries(bool defaultsFirst)
    {
        await using var server = AlwaysUnavailable();
        var services = new ServiceCollection();
        if (defaultsFirst)
        {
            services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler(FastStandardRetries));
        }

        services.AddClovaStudio(o => Configure(o, server));
        if (!defaultsFirst)
        {
            services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler(FastStandardRetries));
        }

        await using var provider = services.BuildServiceProvider();

        Assert.Equal(MaxRetries + 1, await AttemptsOfOneChatAsync(provider.GetRequiredService<IChatClient>(), server));
    }

    [Fact]
    public async Task A_standard_resilience_handler_added_to_the_clova_client_does_not_nest_retries()
    {
        await using var server = AlwaysUnavailable();
        var services = new ServiceCollection();
        services.AddClovaStudio(o => Configure(o, server)).AddStandardResilienceHandler(FastStandardRetries);
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(MaxRetries + 1, await AttemptsOfOneChatAsync(provider.GetRequiredService<IChatClient>(), server));
    }

    [Fact]
    public async Task The_DI_paths_retry_handler_follows_the_policy_and_does_not_retry_a_chat_500()
    {
        await using var server = LoopbackFaultServer.Start(_ => Fault.Answer(500, """{"error":{"code":"server_error","message":"boom"}}"""));
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler(FastStandardRetries));
        services.AddClovaStudio(o => Configure(o, server));
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<ClovaStudioException>(() => provider.GetRequiredService<IChatClient>().GetResponseAsync("billed"));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(1, server.ExecutionsOf("billed"));
    }
}
