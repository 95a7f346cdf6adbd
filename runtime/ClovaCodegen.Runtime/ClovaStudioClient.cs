using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;

namespace ClovaCodegen;

// One class in four files, by concern: this one holds its construction and the whole-answer operations,
// ClovaStudioClient.Streaming.cs the streamed chat, ClovaStudioClient.Sending.cs the transport (requests, retries,
// bounded body reads) and ClovaStudioClient.Errors.cs how an error answer becomes a ClovaStudioException.

/// <summary>
/// Calls CLOVA Studio's OpenAI-compatible API: chat completions (whole or streamed), embeddings and the model list.
/// Request bodies come from the generated builders (or any <see cref="IClovaChatCompletionRequest"/>); responses are
/// read with source-generated System.Text.Json metadata, so the client is trimming and Native AOT safe.
/// </summary>
public sealed partial class ClovaStudioClient : IDisposable
{
    /// <summary>The header CLOVA Studio answers with, naming the request for support.</summary>
    public const string RequestIdHeader = "X-NCP-CLOVASTUDIO-REQUEST-ID";

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _baseUrl;
    private readonly string _apiKey;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly TimeSpan _idleTimeout;

    /// <summary>Creates a client. <paramref name="httpClient"/> is used as given (e.g. from IHttpClientFactory) and not disposed.</summary>
    /// <exception cref="ArgumentException">No API key, or an <c>http</c> endpoint that is not loopback.</exception>
    public ClovaStudioClient(ClovaStudioClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, retriesInHttpPipeline: false)
    {
    }

    /// <summary>
    /// Creates a client whose <paramref name="httpClient"/> may own the retries: with <paramref name="retriesInHttpPipeline"/>
    /// (the dependency-injection path, where the HttpClient's resilience handler applies <see cref="ClovaRetryPolicy"/>),
    /// the client's own retries stand down, so one layer retries.
    /// </summary>
    internal ClovaStudioClient(ClovaStudioClientOptions options, HttpClient? httpClient, bool retriesInHttpPipeline)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new ArgumentException("An API key is required (CLOVA Studio test or service key, usually from CLOVA_STUDIO_API_KEY).", nameof(options));
        }

        var endpoint = options.Endpoint ?? throw new ArgumentException("Endpoint is required.", nameof(options));
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && !(endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback)))
        {
            throw new ArgumentException($"Endpoint {endpoint} must be https (http only for loopback, e.g. the local emulator).", nameof(options));
        }

        _baseUrl = endpoint.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        _apiKey = options.ApiKey!;
        _http = httpClient ?? new HttpClient();
        _ownsHttp = httpClient is null;
        _retry = retriesInHttpPipeline ? ResiliencePipeline<HttpResponseMessage>.Empty : CreateRetryPipeline(options);
        _idleTimeout = options.IdleTimeout <= TimeSpan.Zero ? Timeout.InfiniteTimeSpan : options.IdleTimeout;
    }

    private static ResiliencePipeline<HttpResponseMessage> CreateRetryPipeline(ClovaStudioClientOptions options) =>
        options.MaxRetries <= 0
            ? ResiliencePipeline<HttpResponseMessage>.Empty
            : new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(ClovaRetryPolicy.CreateRetryOptions(options)).Build();

    /// <summary>The base URL requests go to.</summary>
    public Uri BaseUrl => _baseUrl;

    /// <summary>Sends a chat completion request and returns the whole answer.</summary>
    public async Task<ClovaChatCompletion> CompleteChatAsync(IClovaChatCompletionRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var body = Serialize(writer => request.WriteJson(writer, stream: false));
        return await CallAsync(() => CreatePost("chat/completions", body), ClovaResponseJsonContext.Default.ClovaChatCompletion, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends an embeddings request (always <c>"encoding_format": "float"</c> with the generated builder).</summary>
    public async Task<ClovaEmbeddingResponse> CreateEmbeddingsAsync(IClovaEmbeddingRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var body = Serialize(request.WriteJson);
        return await CallAsync(() => CreatePost("embeddings", body), ClovaResponseJsonContext.Default.ClovaEmbeddingResponse, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists the models the service offers (<c>GET models</c>).</summary>
    public async Task<IReadOnlyList<ClovaModel>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        HttpRequestMessage CreateGet()
        {
            var message = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUrl, "models"));
            Authorize(message);
            return message;
        }

        var list = await CallAsync(CreateGet, ClovaResponseJsonContext.Default.ModelList, cancellationToken).ConfigureAwait(false);
        return list.Data;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>Describes the client without its key.</summary>
    public override string ToString() => $"ClovaStudioClient {{ BaseUrl = {_baseUrl} }}";
}
