using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Extensions.AI.Wire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ClovaCodegen.Extensions.AI;

/// <summary>
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> for CLOVA Studio over <see cref="ClovaStudioClient"/>: always
/// <c>"encoding_format": "float"</c> (the only format CLOVA Studio accepts); unsupported options follow the
/// <see cref="ClovaCompatibilityMode"/>.
/// </summary>
public sealed class ClovaEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly ClovaStudioClient _client;
    private readonly bool _ownsClient;
    private readonly string _defaultModelId;
    private readonly ClovaCompatibilityMode _mode;
    private readonly ILogger? _logger;
    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>Wraps a client (not disposed by this adapter).</summary>
    /// <param name="client">The CLOVA Studio client.</param>
    /// <param name="defaultModelId">The model when <see cref="EmbeddingGenerationOptions.ModelId"/> is not set (default <c>bge-m3</c>).</param>
    /// <param name="mode">What to do with unsupported options (default strict).</param>
    /// <param name="logger">Receives a warning per option dropped in lenient mode.</param>
    public ClovaEmbeddingGenerator(ClovaStudioClient client, string? defaultModelId = null, ClovaCompatibilityMode mode = ClovaCompatibilityMode.Strict, ILogger? logger = null)
        : this(client ?? throw new ArgumentNullException(nameof(client)), ownsClient: false, defaultModelId, mode, logger)
    {
    }

    /// <summary>Wraps a client (not disposed by this adapter) with the model and mode of <paramref name="options"/>.</summary>
    public ClovaEmbeddingGenerator(ClovaStudioClient client, ClovaEmbeddingGeneratorOptions options, ILogger? logger = null)
        : this(client ?? throw new ArgumentNullException(nameof(client)), ownsClient: false, (options ?? throw new ArgumentNullException(nameof(options))).DefaultModelId, options.CompatibilityMode, logger)
    {
    }

    /// <summary>
    /// Creates its own client from <paramref name="options"/> and disposes it; <paramref name="adapterOptions"/> give the
    /// default model and the compatibility mode (default: <c>bge-m3</c>, strict).
    /// </summary>
    public ClovaEmbeddingGenerator(ClovaStudioClientOptions options, HttpClient? httpClient = null, ILogger? logger = null, ClovaEmbeddingGeneratorOptions? adapterOptions = null)
        : this(new ClovaStudioClient(options, httpClient), ownsClient: true, adapterOptions?.DefaultModelId, adapterOptions?.CompatibilityMode ?? ClovaCompatibilityMode.Strict, logger)
    {
    }

    private ClovaEmbeddingGenerator(ClovaStudioClient client, bool ownsClient, string? defaultModelId, ClovaCompatibilityMode mode, ILogger? logger)
    {
        _client = client;
        _ownsClient = ownsClient;
        _defaultModelId = string.IsNullOrWhiteSpace(defaultModelId) ? "bge-m3" : defaultModelId!;
        _mode = mode;
        _logger = logger;
        _metadata = new EmbeddingGeneratorMetadata(ClovaChatClient.ProviderName, client.BaseUrl, _defaultModelId, DimensionOf(_defaultModelId));
    }

    /// <summary>The vector size the spec gives for <paramref name="model"/> (1024 for bge-m3), or null when it gives none.</summary>
    public static int? DimensionOf(string model) => ClovaWireFields.EmbeddingDimensionOf(model);

    /// <inheritdoc/>
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }

        var inputs = values.ToList();
        var model = string.IsNullOrWhiteSpace(options?.ModelId) ? _defaultModelId : options!.ModelId!;
        var issues = new Compatibility(_mode, _logger);
        foreach (var pair in options?.AdditionalProperties ?? new AdditionalPropertiesDictionary())
        {
            issues.Add(pair.Key, Array.IndexOf(ClovaWireFields.UnsupportedEmbeddings, pair.Key) >= 0
                ? "EmbeddingGenerationOptions.AdditionalProperties"
                : "EmbeddingGenerationOptions.AdditionalProperties: embeddings have no CLOVA-only fields");
        }

        issues.ThrowIfStrict();
        if (inputs.Count == 0)
        {
            return new GeneratedEmbeddings<Embedding<float>>();
        }

        // The generated builder writes the body (input always as an array, encoding_format "float") and checks it.
        var builder = EmbeddingRequest.Create(model).Inputs(inputs);
        if (options?.Dimensions is { } dimensions)
        {
            builder.Dimensions(dimensions);
        }

        var response = await _client.CreateEmbeddingsAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
        var created = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(response.Data.OrderBy(d => d.Index).Select(d => new Embedding<float>(d.Embedding)
        {
            ModelId = string.IsNullOrEmpty(response.Model) ? model : response.Model,
            CreatedAt = created,
        }))
        {
            Usage = response.Usage is { } usage ? new UsageDetails { InputTokenCount = usage.PromptTokens, TotalTokenCount = usage.TotalTokens } : null,
        };
        return result;
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null) => AdapterServices.Get(this, serviceType, serviceKey, _metadata, _client);

    /// <summary>Disposes the underlying client only if this adapter created it.</summary>
    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    /// <summary>Describes the generator without its key.</summary>
    public override string ToString() => $"ClovaEmbeddingGenerator {{ BaseUrl = {_client.BaseUrl}, Model = {_defaultModelId} }}";
}
