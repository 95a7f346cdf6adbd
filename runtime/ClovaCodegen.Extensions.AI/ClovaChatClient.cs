using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ClovaCodegen.Extensions.AI;

/// <summary>
/// <see cref="IChatClient"/> for CLOVA Studio over <see cref="ClovaStudioClient"/>. <see cref="ChatOptions.TopK"/> is sent
/// as <c>top_k</c>, CLOVA-only fields (<c>repetition_penalty</c>, <c>repeat_penalty</c>, <c>top_k</c>) pass through
/// <see cref="ChatOptions.AdditionalProperties"/> by their wire names, and options CLOVA Studio does not support follow
/// the <see cref="ClovaCompatibilityMode"/>: strict throws <see cref="ClovaCompatibilityException"/> before anything is
/// sent, lenient drops them and logs a warning.
/// </summary>
public sealed class ClovaChatClient : IChatClient
{
    /// <summary>The provider name in <see cref="ChatClientMetadata"/> and <see cref="EmbeddingGeneratorMetadata"/>.</summary>
    public const string ProviderName = "clova-studio";

    private readonly ClovaStudioClient _client;
    private readonly bool _ownsClient;
    private readonly string _defaultModelId;
    private readonly ClovaCompatibilityMode _mode;
    private readonly ILogger? _logger;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Wraps a client (not disposed by this adapter).</summary>
    /// <param name="client">The CLOVA Studio client.</param>
    /// <param name="defaultModelId">The model when <see cref="ChatOptions.ModelId"/> is not set (default <c>HCX-005</c>).</param>
    /// <param name="mode">What to do with unsupported options (default strict).</param>
    /// <param name="logger">Receives a warning per option dropped in lenient mode.</param>
    public ClovaChatClient(ClovaStudioClient client, string? defaultModelId = null, ClovaCompatibilityMode mode = ClovaCompatibilityMode.Strict, ILogger? logger = null)
        : this(client ?? throw new ArgumentNullException(nameof(client)), ownsClient: false, defaultModelId, mode, logger)
    {
    }

    /// <summary>Wraps a client (not disposed by this adapter) with the model and mode of <paramref name="options"/>.</summary>
    public ClovaChatClient(ClovaStudioClient client, ClovaChatClientOptions options, ILogger? logger = null)
        : this(client ?? throw new ArgumentNullException(nameof(client)), ownsClient: false, (options ?? throw new ArgumentNullException(nameof(options))).DefaultModelId, options.CompatibilityMode, logger)
    {
    }

    /// <summary>
    /// Creates its own client from <paramref name="options"/> and disposes it; <paramref name="adapterOptions"/> give the
    /// default model and the compatibility mode (default: <c>HCX-005</c>, strict).
    /// </summary>
    public ClovaChatClient(ClovaStudioClientOptions options, HttpClient? httpClient = null, ILogger? logger = null, ClovaChatClientOptions? adapterOptions = null)
        : this(new ClovaStudioClient(options, httpClient), ownsClient: true, adapterOptions?.DefaultModelId, adapterOptions?.CompatibilityMode ?? ClovaCompatibilityMode.Strict, logger)
    {
    }

    private ClovaChatClient(ClovaStudioClient client, bool ownsClient, string? defaultModelId, ClovaCompatibilityMode mode, ILogger? logger)
    {
        _client = client;
        _ownsClient = ownsClient;
        _defaultModelId = string.IsNullOrWhiteSpace(defaultModelId) ? "HCX-005" : defaultModelId!;
        _mode = mode;
        _logger = logger;
        _metadata = new ChatClientMetadata(ProviderName, client.BaseUrl, _defaultModelId);
    }

    /// <inheritdoc/>
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = ChatRequestMapping.Create(messages, options, _defaultModelId, _mode, _logger);
        var completion = await _client.CompleteChatAsync(request, cancellationToken).ConfigureAwait(false);
        return ToResponse(completion);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = ChatRequestMapping.Create(messages, options, _defaultModelId, _mode, _logger);
        SortedDictionary<int, ToolCallBuilder>? calls = null;
        ChatRole role = ChatRole.Assistant;
        string? lastId = null;
        string? lastModel = null;
        await foreach (var chunk in _client.StreamChatAsync(request, cancellationToken).ConfigureAwait(false))
        {
            lastId = chunk.Id;
            lastModel = string.IsNullOrEmpty(chunk.Model) ? lastModel : chunk.Model;
            var update = new ChatResponseUpdate
            {
                ResponseId = chunk.Id,
                MessageId = chunk.Id,
                ModelId = lastModel,
                CreatedAt = CreatedAt(chunk.Created),
                RawRepresentation = chunk,
            };

            ChatFinishReason? finish = null;
            if (chunk.Choices.Count > 0)
            {
                var choice = chunk.Choices[0];
                if (!string.IsNullOrEmpty(choice.Delta.Role))
                {
                    role = new ChatRole(choice.Delta.Role!);
                }

                if (!string.IsNullOrEmpty(choice.Delta.Content))
                {
                    update.Contents.Add(new TextContent(choice.Delta.Content));
                }

                if (choice.Delta.ToolCalls is { Count: > 0 } pieces)
                {
                    calls ??= new SortedDictionary<int, ToolCallBuilder>();
                    foreach (var piece in pieces)
                    {
                        var index = piece.Index ?? 0;
                        if (!calls.TryGetValue(index, out var builder))
                        {
                            calls[index] = builder = new ToolCallBuilder();
                        }

                        builder.Id ??= piece.Id;
                        builder.Name ??= piece.Function?.Name;
                        builder.Arguments.Append(piece.Function?.Arguments);
                    }
                }

                finish = FinishReason(choice.FinishReason);
            }

            if (chunk.Usage is { } usage)
            {
                update.Contents.Add(new UsageContent(Usage(usage)));
            }

            if (finish is not null && calls is { Count: > 0 })
            {
                AddCalls(update.Contents, calls);
                calls = null;
            }

            update.Role = role;
            update.FinishReason = finish;
            yield return update;
        }

        if (calls is { Count: > 0 })
        {
            var last = new ChatResponseUpdate { Role = role, ResponseId = lastId, MessageId = lastId, ModelId = lastModel };
            AddCalls(last.Contents, calls);
            yield return last;
        }
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

    /// <summary>Describes the client without its key.</summary>
    public override string ToString() => $"ClovaChatClient {{ BaseUrl = {_client.BaseUrl}, Model = {_defaultModelId}, Mode = {_mode} }}";

    private static ChatResponse ToResponse(ClovaChatCompletion completion)
    {
        var message = new ChatMessage(ChatRole.Assistant, (IList<AIContent>)new List<AIContent>()) { MessageId = completion.Id };
        string? finishReason = null;
        if (completion.Choices.Count > 0)
        {
            var choice = completion.Choices[0];
            finishReason = choice.FinishReason;
            if (!string.IsNullOrEmpty(choice.Message.Role))
            {
                message.Role = new ChatRole(choice.Message.Role);
            }

            if (!string.IsNullOrEmpty(choice.Message.Content))
            {
                message.Contents.Add(new TextContent(choice.Message.Content));
            }

            foreach (var call in choice.Message.ToolCalls ?? Array.Empty<ClovaChatToolCall>())
            {
                message.Contents.Add(Call(call.Id, call.Function?.Name, call.Function?.Arguments));
            }
        }

        message.RawRepresentation = completion;
        return new ChatResponse(message)
        {
            ResponseId = completion.Id,
            ModelId = string.IsNullOrEmpty(completion.Model) ? null : completion.Model,
            CreatedAt = CreatedAt(completion.Created),
            FinishReason = FinishReason(finishReason),
            Usage = completion.Usage is { } usage ? Usage(usage) : null,
            RawRepresentation = completion,
        };
    }

    private static void AddCalls(IList<AIContent> contents, SortedDictionary<int, ToolCallBuilder> calls)
    {
        foreach (var call in calls.Values)
        {
            contents.Add(Call(call.Id, call.Name, call.Arguments.ToString()));
        }
    }

    private static FunctionCallContent Call(string? id, string? name, string? arguments) =>
        FunctionCallContent.CreateFromParsedArguments(arguments ?? "", id ?? "", name ?? "", JsonValues.ParseArguments);

    private static UsageDetails Usage(ClovaUsage usage) => new()
    {
        InputTokenCount = usage.PromptTokens,
        OutputTokenCount = usage.CompletionTokens,
        TotalTokenCount = usage.TotalTokens,
    };

    private static DateTimeOffset? CreatedAt(long unixSeconds) => unixSeconds > 0 ? DateTimeOffset.FromUnixTimeSeconds(unixSeconds) : null;

    private static ChatFinishReason? FinishReason(string? reason) => reason switch
    {
        null or "" => null,
        "stop" => ChatFinishReason.Stop,
        "length" => ChatFinishReason.Length,
        "tool_calls" or "function_call" => ChatFinishReason.ToolCalls,
        "content_filter" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(reason),
    };

    private sealed class ToolCallBuilder
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public StringBuilder Arguments { get; } = new();
    }
}
