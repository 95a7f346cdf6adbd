using System;
using ClovaCodegen;
using ClovaCodegen.Extensions.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

// The Microsoft.Extensions.AI adapters over a registered ClovaStudioClient. Each returns MEAI's builder, so
// UseFunctionInvocation(), UseOpenTelemetry(), UseLogging() chain as they do for every other provider.
public static partial class ClovaStudioServiceCollectionExtensions
{
    /// <summary>
    /// Registers an <see cref="IChatClient"/> over the registered <see cref="ClovaStudioClient"/>
    /// (<see cref="AddClovaStudioClient(IServiceCollection, Action{ClovaStudioClientOptions})"/>), through MEAI's <c>AddChatClient</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the default model and the compatibility mode (<see cref="ClovaChatClientOptions"/>).</param>
    /// <param name="lifetime">The chat client's lifetime (default singleton, as MEAI's).</param>
    /// <returns>MEAI's builder: chain <c>UseFunctionInvocation()</c>, <c>UseOpenTelemetry()</c>, <c>UseLogging()</c>.</returns>
    public static ChatClientBuilder AddClovaStudioChatClient(this IServiceCollection services, Action<ClovaChatClientOptions>? configure = null, ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        AddAdapterOptions(services, Options.Options.DefaultName, configure);
        return services.AddChatClient(sp => CreateChatClient(sp, serviceKey: null), lifetime);
    }

    /// <summary>
    /// Registers an <see cref="IChatClient"/> under <paramref name="serviceKey"/> over the <see cref="ClovaStudioClient"/>
    /// registered under the same key (<see cref="AddKeyedClovaStudioClient(IServiceCollection, string, Action{ClovaStudioClientOptions})"/>).
    /// </summary>
    /// <returns>MEAI's builder, as <see cref="AddClovaStudioChatClient"/>.</returns>
    public static ChatClientBuilder AddKeyedClovaStudioChatClient(this IServiceCollection services, string serviceKey, Action<ClovaChatClientOptions>? configure = null, ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        AddAdapterOptions(services, CheckKey(serviceKey), configure);
        return services.AddKeyedChatClient(serviceKey, sp => CreateChatClient(sp, serviceKey), lifetime);
    }

    /// <summary>
    /// Registers an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over the registered <see cref="ClovaStudioClient"/>,
    /// through MEAI's <c>AddEmbeddingGenerator</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the default model and the compatibility mode (<see cref="ClovaEmbeddingGeneratorOptions"/>).</param>
    /// <param name="lifetime">The generator's lifetime (default singleton, as MEAI's).</param>
    /// <returns>MEAI's builder: chain <c>UseOpenTelemetry()</c>, <c>UseLogging()</c>, caching.</returns>
    public static EmbeddingGeneratorBuilder<string, Embedding<float>> AddClovaStudioEmbeddingGenerator(this IServiceCollection services, Action<ClovaEmbeddingGeneratorOptions>? configure = null, ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        AddAdapterOptions(services, Options.Options.DefaultName, configure);
        return services.AddEmbeddingGenerator(sp => CreateEmbeddingGenerator(sp, serviceKey: null), lifetime);
    }

    /// <summary>Registers an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> under <paramref name="serviceKey"/> over the <see cref="ClovaStudioClient"/> registered under the same key.</summary>
    /// <returns>MEAI's builder, as <see cref="AddClovaStudioEmbeddingGenerator"/>.</returns>
    public static EmbeddingGeneratorBuilder<string, Embedding<float>> AddKeyedClovaStudioEmbeddingGenerator(this IServiceCollection services, string serviceKey, Action<ClovaEmbeddingGeneratorOptions>? configure = null, ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        AddAdapterOptions(services, CheckKey(serviceKey), configure);
        return services.AddKeyedEmbeddingGenerator(serviceKey, sp => CreateEmbeddingGenerator(sp, serviceKey), lifetime);
    }

    private static void AddAdapterOptions<TOptions>(IServiceCollection services, string name, Action<TOptions>? configure)
        where TOptions : class
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var options = services.AddOptions<TOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }
    }

    private static ClovaChatClient CreateChatClient(IServiceProvider services, string? serviceKey) =>
        new(RegisteredClient(services, serviceKey, "chat client"), services.GetRequiredService<IOptionsMonitor<ClovaChatClientOptions>>().Get(serviceKey ?? Options.Options.DefaultName), services.GetService<ILoggerFactory>()?.CreateLogger<ClovaChatClient>());

    private static ClovaEmbeddingGenerator CreateEmbeddingGenerator(IServiceProvider services, string? serviceKey) =>
        new(RegisteredClient(services, serviceKey, "embedding generator"), services.GetRequiredService<IOptionsMonitor<ClovaEmbeddingGeneratorOptions>>().Get(serviceKey ?? Options.Options.DefaultName), services.GetService<ILoggerFactory>()?.CreateLogger<ClovaEmbeddingGenerator>());

    /// <summary>The client an adapter wraps, or an exception that says which registration is missing.</summary>
    private static ClovaStudioClient RegisteredClient(IServiceProvider services, string? serviceKey, string adapter) =>
        (serviceKey is null ? services.GetService<ClovaStudioClient>() : services.GetKeyedService<ClovaStudioClient>(serviceKey))
        ?? throw new InvalidOperationException(serviceKey is null
            ? $"The CLOVA Studio {adapter} wraps the registered ClovaStudioClient, and none is registered: call services.AddClovaStudioClient(...) too."
            : $"The CLOVA Studio {adapter} with key '{serviceKey}' wraps the ClovaStudioClient registered under that key, and none is: call services.AddKeyedClovaStudioClient(\"{serviceKey}\", ...) too.");
}
