using System;
using System.Net.Http;
using System.Threading;
using ClovaCodegen;
using ClovaCodegen.Extensions.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CLOVA Studio: options, a named HttpClient, <see cref="ClovaStudioClient"/>, <see cref="IChatClient"/> and <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>.</summary>
public static class ClovaStudioServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the registered <see cref="ClovaStudioClient"/> gets from IHttpClientFactory.</summary>
    public const string HttpClientName = "ClovaStudio";

    /// <summary>
    /// Registers CLOVA Studio with options set in code. The options are validated when the client is first resolved
    /// (<see cref="OptionsValidationException"/>: no API key, or an endpoint that is neither https nor loopback).
    /// </summary>
    /// <returns>The builder of the named HttpClient, to add handlers (logging, resilience, test doubles) to.</returns>
    public static IHttpClientBuilder AddClovaStudio(this IServiceCollection services, Action<ClovaStudioClientOptions> configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        services.AddOptions<ClovaStudioClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Registers CLOVA Studio with options read from a configuration section (keys <c>ApiKey</c>, <c>Endpoint</c>,
    /// <c>MaxRetries</c>, <c>RetryBaseDelay</c>, <c>MaxRetryDelay</c>, <c>RetryServerErrors</c>, <c>IdleTimeout</c>,
    /// <c>DefaultChatModel</c>, <c>DefaultEmbeddingModel</c>, <c>CompatibilityMode</c>), for example <c>configuration.GetSection("ClovaStudio")</c>. Validated at first use.
    /// </summary>
    /// <returns>The builder of the named HttpClient, to add handlers (logging, resilience, test doubles) to.</returns>
    public static IHttpClientBuilder AddClovaStudio(this IServiceCollection services, IConfiguration configuration)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        services.AddOptions<ClovaStudioClientOptions>().Configure(options => ClovaStudioConfiguration.Bind(configuration, options));
        services.AddSingleton<IOptionsChangeTokenSource<ClovaStudioClientOptions>>(new ConfigurationChangeTokenSource<ClovaStudioClientOptions>(Microsoft.Extensions.Options.Options.DefaultName, configuration));
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClovaStudioClientOptions>, ClovaStudioClientOptionsValidator>());
        var http = services.AddHttpClient(HttpClientName);
#if NET
        // The client below is a singleton holding one HttpClient: connections are recycled by the socket handler (so DNS
        // changes are seen) instead of by the factory's handler rotation, which a long-lived HttpClient would not follow.
        http.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
#endif

        // Exactly one retry layer: the HttpClient's resilience handler applies ClovaRetryPolicy, and the client's own retries
        // stand down. The action is added after every other configuration of this client (PostConfigure), so it also
        // removes the resilience handlers a host adds to all clients (ConfigureHttpClientDefaults, e.g. Aspire's service
        // defaults' AddStandardResilienceHandler, which retries POSTs on 500 and times attempts out at 10 s) or to this one.
        services.PostConfigure<HttpClientFactoryOptions>(HttpClientName, factory => factory.HttpMessageHandlerBuilderActions.Add(UseOnlyClovaRetries));

        // The HttpClient comes from the factory and is not owned (nor disposed) by ClovaStudioClient.
        services.AddSingleton(sp => new ClovaStudioClient(
            ResolveOptions(sp),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            retriesInHttpPipeline: true));
        services.AddSingleton<IChatClient>(sp =>
        {
            var options = ResolveOptions(sp);
            return new ClovaChatClient(sp.GetRequiredService<ClovaStudioClient>(), options.DefaultChatModel, options.CompatibilityMode, sp.GetService<ILoggerFactory>()?.CreateLogger<ClovaChatClient>());
        });
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            var options = ResolveOptions(sp);
            return new ClovaEmbeddingGenerator(sp.GetRequiredService<ClovaStudioClient>(), options.DefaultEmbeddingModel, options.CompatibilityMode, sp.GetService<ILoggerFactory>()?.CreateLogger<ClovaEmbeddingGenerator>());
        });
        return http;
    }

    /// <summary>Replaces every resilience handler of the CLOVA Studio HttpClient with one retry handler following <see cref="ClovaRetryPolicy"/>.</summary>
    private static void UseOnlyClovaRetries(HttpMessageHandlerBuilder builder)
    {
        for (var i = builder.AdditionalHandlers.Count - 1; i >= 0; i--)
        {
            if (builder.AdditionalHandlers[i] is ResilienceHandler)
            {
                builder.AdditionalHandlers.RemoveAt(i);
            }
        }

        var options = ResolveOptions(builder.Services);
        if (options.MaxRetries > 0)
        {
            var retry = new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(ClovaRetryPolicy.CreateRetryOptions(options)).Build();
            builder.AdditionalHandlers.Insert(0, new ResilienceHandler(retry));
        }
    }

    /// <summary>The validated options (throws <see cref="OptionsValidationException"/> on the first resolve if they are not valid).</summary>
    private static ClovaStudioClientOptions ResolveOptions(IServiceProvider services) =>
        services.GetRequiredService<IOptionsMonitor<ClovaStudioClientOptions>>().Get(Microsoft.Extensions.Options.Options.DefaultName);
}
