using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ClovaCodegen;

/// <summary>The tool loop: request, the model's tool calls run by a <see cref="ClovaToolSet"/>, their results sent back, until an answer.</summary>
public sealed partial class ClovaStudioClient
{
    /// <summary>How many requests a tool loop sends at most unless told otherwise.</summary>
    public const int DefaultMaxToolRounds = 8;

    /// <summary>
    /// Sends <paramref name="request"/>; while the answer asks for tools, runs each call with <paramref name="tools"/>, appends
    /// the assistant's turn and the results to the conversation and asks again; returns the first answer that calls no tool.
    /// A call whose arguments do not fit, or of a tool not in the set, is answered with an error text the model can correct
    /// (see <see cref="ClovaToolSet.InvokeAsync"/>). Offer the same tools in the request (<c>.AddTools(MyTools.All)</c>).
    /// </summary>
    /// <param name="request">The first request.</param>
    /// <param name="tools">Runs the model's calls.</param>
    /// <param name="maxRounds">How many requests to send at most (at least 1).</param>
    /// <param name="cancellationToken">Cancels the requests and the tools (each tool receives it).</param>
    /// <exception cref="ClovaToolLoopException">The answer to the last allowed request still asks for tools.</exception>
    public async Task<ClovaChatCompletion> CompleteChatWithToolsAsync(IClovaChatCompletionRequest request, ClovaToolSet tools, int maxRounds = DefaultMaxToolRounds, CancellationToken cancellationToken = default)
    {
        CheckToolLoop(request, tools, maxRounds);
        var conversation = new ToolConversationRequest(request);
        for (var round = 1; ; round++)
        {
            var completion = await CompleteChatAsync(round == 1 ? request : conversation, cancellationToken).ConfigureAwait(false);
            var message = completion.Choices.Count > 0 ? completion.Choices[0].Message : null;
            if (message?.ToolCalls is not { Count: > 0 } calls)
            {
                return completion;
            }

            if (round >= maxRounds)
            {
                throw RoundsExhausted(round, calls, completion);
            }

            conversation.AddAssistant(message.Content, calls);
            foreach (var call in calls)
            {
                conversation.AddToolResult(await tools.InvokeAsync(call, cancellationToken).ConfigureAwait(false));
            }
        }
    }

    /// <summary>
    /// The streamed tool loop: yields every chunk of every round as it arrives (tool-call pieces too); when a round ends
    /// in tool calls, runs them with <paramref name="tools"/> and streams the next round, until a round calls no tool.
    /// </summary>
    /// <exception cref="ClovaToolLoopException">The last allowed round still asks for tools.</exception>
    public async IAsyncEnumerable<ClovaChatCompletionChunk> StreamChatWithToolsAsync(IClovaChatCompletionRequest request, ClovaToolSet tools, int maxRounds = DefaultMaxToolRounds, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        CheckToolLoop(request, tools, maxRounds);
        var conversation = new ToolConversationRequest(request);
        for (var round = 1; ; round++)
        {
            var content = new StringBuilder();
            var pending = new SortedDictionary<int, (string? Id, string? Name, StringBuilder Arguments)>();
            await foreach (var chunk in StreamChatAsync(round == 1 ? request : conversation, cancellationToken).ConfigureAwait(false))
            {
                if (chunk.Choices.Count > 0 && chunk.Choices[0].Delta is { } delta)
                {
                    content.Append(delta.Content);
                    foreach (var piece in delta.ToolCalls ?? Array.Empty<ClovaChatToolCallDelta>())
                    {
                        var index = piece.Index ?? 0;
                        var call = pending.TryGetValue(index, out var known) ? known : (null, null, new StringBuilder());
                        pending[index] = (piece.Id ?? call.Id, piece.Function?.Name ?? call.Name, call.Arguments.Append(piece.Function?.Arguments));
                    }
                }

                yield return chunk;
            }

            if (pending.Count == 0)
            {
                yield break;
            }

            var calls = new List<ClovaChatToolCall>();
            foreach (var piece in pending.Values)
            {
                calls.Add(new ClovaChatToolCall(piece.Id ?? "", piece.Name ?? "", piece.Arguments.Length == 0 ? "{}" : piece.Arguments.ToString()));
            }

            if (round >= maxRounds)
            {
                throw RoundsExhausted(round, calls, null);
            }

            conversation.AddAssistant(content.ToString(), calls);
            foreach (var call in calls)
            {
                conversation.AddToolResult(await tools.InvokeAsync(call, cancellationToken).ConfigureAwait(false));
            }
        }
    }

    private static void CheckToolLoop(IClovaChatCompletionRequest request, ClovaToolSet tools, int maxRounds)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (tools is null)
        {
            throw new ArgumentNullException(nameof(tools));
        }

        if (maxRounds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRounds), maxRounds, "A tool loop sends at least one request.");
        }
    }

    private static ClovaToolLoopException RoundsExhausted(int rounds, IReadOnlyList<ClovaChatToolCall> calls, ClovaChatCompletion? completion)
    {
        var names = new string[calls.Count];
        for (var i = 0; i < calls.Count; i++)
        {
            names[i] = calls[i].FunctionName;
        }

        return new ClovaToolLoopException(
            $"The model still asked for tools ({string.Join(", ", names)}) after {rounds} request(s), the tool loop's limit (maxRounds); those calls were not run and there is no final answer.",
            rounds,
            completion);
    }
}
