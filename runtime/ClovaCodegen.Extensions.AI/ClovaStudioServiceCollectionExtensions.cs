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

/// <summary>
/// Registers CLOVA Studio as Microsoft.Extensions.AI and openai-dotnet's hosting do: the client with its options and
/// named HttpClient (<see cref="AddClovaStudioClient(IServiceCollection, Action{ClovaStudioClientOptions})"/>), the
/// adapters over it returning MEAI's builders (<c>AddClovaStudioChatClient()</c>, <c>AddClovaStudioEmbeddingGenerator()</c>),
/// keyed variants of each for two clouds or two keys in one app, and <c>AddClovaStudio</c>, which registers all three.
/// </summary>
public static partial class ClovaStudioServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the registered <see cref="ClovaStudioClient"/> gets from IHttpClientFactory (a keyed client's is <c>ClovaStudio:&lt;key&gt;</c>).</summary>
    public const string HttpClientName = "ClovaStudio";

    /// <summary>
    /// Registers CLOVA Studio with options set in code: the client, an <see cref="IChatClient"/> and an
    /// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (the same as <see cref="AddClovaStudioClient(IServiceCollection, Action{ClovaStudioClientOptions})"/>
    /// followed by <c>AddClovaStudioChatClient()</c> and <c>AddClovaStudioEmbeddingGenerator()</c> with their defaults).
    /// The options are validated when the client is first resolved (<see cref="OptionsValidationException"/>: no API key,
    /// or an endpoint that is neither https nor loopback).
    /// </summary>
    /// <returns>The builder of the named HttpClient, to add handlers (logging, resilience, test doubles) to.</returns>
    public static IHttpClientBuilder AddClovaStudio(this IServiceCollection services, Action<ClovaStudioClientOptions> configure)
    {
        var http = services.AddClovaStudioClient(configure);
        services.AddClovaStudioChatClient();
        services.AddClovaStudioEmbeddingGenerator();
        return http;
    }

    /// <summary>
    /// Registers CLOVA Studio with options read from a configuration section: the client (keys as in
    /// <see cref="AddClovaStudioClient(IServiceCollection, IConfiguration)"/>), an <see cref="IChatClient"/>
    /// (<c>DefaultChatModel</c>, <c>CompatibilityMode</c>) and an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>
    /// (<c>DefaultEmbeddingModel</c>, <c>CompatibilityMode</c>), for example <c>configuration.GetSection("ClovaStudio")</c>. Validated at first use.
    /// </summary>
    /// <returns>The builder of the named HttpClient, to add handlers (logging, resilience, test doubles) to.</returns>
    public static IHttpClientBuilder AddClovaStudio(this IServiceCollection services, IConfiguration configuration)
    {
        var http = services.AddClovaStudioClient(configuration);
        services.AddClovaStudioChatClient(options => ClovaStudioConfiguration.Bind(configuration, options));
        services.AddClovaStudioEmbeddingGenerator(options => ClovaStudioConfiguration.Bind(configuration, options));
        return http;
    }

    /// <summary>
    /// Registers <see cref="ClovaStudioClient"/> with options set in code, and the named HttpClient it sends through.
    /// The options are validated when the client is first resolved.
    /// </summary>
    /// <returns>The builder of the named HttpClient, to add handlers (logging, resilience, test doubles) to.</returns>
    public static IHttpClientBuilder AddClovaStudioClient(this IServiceCollection services, Action<ClovaStudioClientOptions> configure) =>
        AddClient(services, serviceKey: null, configure, configuration: null);

    /// <summary>
    /// Registers <see cref="ClovaStudioClient"/> with options read from a configuration section (keys <c>ApiKey</c>,
    /// <c>Endpoint</c>, <c>MaxRetries</c>, <c>RetryBaseDelay</c>, <c>MaxRetryDelay</c>, <c>RetryServerErrors</c>,
    /// <c>IdleTimeout</c>), and the named HttpClient it sends through. Validated at first use.
    /// </summary>
    /// <returns>The builder of the named HttpClient, to add handlers (logging, resilience, test doubles) to.</returns>
    public static IHttpClientBuilder AddClovaStudioClient(this IServiceCollection services, IConfiguration configuration) =>
        AddClient(services, serviceKey: null, configure: null, configuration ?? throw new ArgumentNullException(nameof(configuration)));

    /// <summary>
    /// Registers a <see cref="ClovaStudioClient"/> under <paramref name="serviceKey"/> (resolve it with
    /// <c>[FromKeyedServices(key)]</c>), with its own options (named <paramref name="serviceKey"/>) and its own HttpClient
    /// (<c>ClovaStudio:&lt;key&gt;</c>): for two clouds or two keys in one app.
    /// </summary>
    /// <returns>The builder of this client's named HttpClient.</returns>
    public static IHttpClientBuilder AddKeyedClovaStudioClient(this IServiceCollection services, string serviceKey, Action<ClovaStudioClientOptions> configure) =>
        AddClient(services, CheckKey(serviceKey), configure, configuration: null);

    /// <summary>Registers a <see cref="ClovaStudioClient"/> under <paramref name="serviceKey"/> with options read from a configuration section.</summary>
    /// <returns>The builder of this client's named HttpClient.</returns>
    public static IHttpClientBuilder AddKeyedClovaStudioClient(this IServiceCollection services, string serviceKey, IConfiguration configuration) =>
        AddClient(services, CheckKey(serviceKey), configure: null, configuration ?? throw new ArgumentNullException(nameof(configuration)));

    private static IHttpClientBuilder AddClient(IServiceCollection services, string? serviceKey, Action<ClovaStudioClientOptions>? configure, IConfiguration? configuration)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configure is null && configuration is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        var optionsName = serviceKey ?? Microsoft.Extensions.Options.Options.DefaultName;
        if (configuration is not null)
        {
            services.AddOptions<ClovaStudioClientOptions>(optionsName).Configure(options => ClovaStudioConfiguration.Bind(configuration, options));
            services.AddSingleton<IOptionsChangeTokenSource<ClovaStudioClientOptions>>(new ConfigurationChangeTokenSource<ClovaStudioClientOptions>(optionsName, configuration));
        }
        else
        {
            services.AddOptions<ClovaStudioClientOptions>(optionsName).Configure(configure!);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClovaStudioClientOptions>, ClovaStudioClientOptionsValidator>());
        var httpClientName = serviceKey is null ? HttpClientName : HttpClientName + ":" + serviceKey;
        var http = services.AddHttpClient(httpClientName);
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
        services.PostConfigure<HttpClientFactoryOptions>(httpClientName, factory => factory.HttpMessageHandlerBuilderActions.Add(builder => UseOnlyClovaRetries(builder, optionsName)));

        // The HttpClient comes from the factory and is not owned (nor disposed) by ClovaStudioClient.
        if (serviceKey is null)
        {
            services.AddSingleton(sp => CreateClient(sp, optionsName, httpClientName));
        }
        else
        {
            services.AddKeyedSingleton(serviceKey, (sp, _) => CreateClient(sp, optionsName, httpClientName));
        }

        return http;
    }

    private static ClovaStudioClient CreateClient(IServiceProvider services, string optionsName, string httpClientName) =>
        new(ResolveOptions(services, optionsName), services.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName), retriesInHttpPipeline: true);

    private static string CheckKey(string serviceKey) =>
        string.IsNullOrWhiteSpace(serviceKey) ? throw new ArgumentException("A keyed CLOVA Studio registration needs a non-empty key.", nameof(serviceKey)) : serviceKey;

    /// <summary>Replaces every resilience handler of the CLOVA Studio HttpClient with one retry handler following <see cref="ClovaRetryPolicy"/>.</summary>
    private static void UseOnlyClovaRetries(HttpMessageHandlerBuilder builder, string optionsName)
    {
        for (var i = builder.AdditionalHandlers.Count - 1; i >= 0; i--)
        {
            if (builder.AdditionalHandlers[i] is ResilienceHandler)
            {
                builder.AdditionalHandlers.RemoveAt(i);
            }
        }

        var options = ResolveOptions(builder.Services, optionsName);
        if (options.MaxRetries > 0)
        {
            var retry = new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(ClovaRetryPolicy.CreateRetryOptions(options)).Build();
            builder.AdditionalHandlers.Insert(0, new ResilienceHandler(retry));
        }
    }

    /// <summary>The validated options (throws <see cref="OptionsValidationException"/> on the first resolve if they are not valid).</summary>
    private static ClovaStudioClientOptions ResolveOptions(IServiceProvider services, string optionsName) =>
        services.GetRequiredService<IOptionsMonitor<ClovaStudioClientOptions>>().Get(optionsName);
}
