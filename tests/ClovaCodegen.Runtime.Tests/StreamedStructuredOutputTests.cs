using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using ClovaCodegen.Requests;
using Xunit;

namespace ClovaCodegen.Runtime.Tests;

/// <summary>
/// Issue 20, structured outputs over a stream: <c>client.StreamChatAsync(request).ReadAsAsync&lt;T&gt;()</c> joins the
/// streamed text and reads it with the generated reader; a misfit carries the joined text, a cut stream stays the
/// stream's own error, and cancellation stops the reading.
/// </summary>
public sealed class StreamedStructuredOutputTests : IAsyncLifetime
{
    private ClovaStudioEmulator _emulator = null!;
    private ClovaStudioClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ClovaStudioEmulator.StartInMemoryAsync();
        _client = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = ClovaStudioEmulator.TestApiKey, Endpoint = _emulator.BaseUrl, MaxRetries = 0 }, new HttpClient(_emulator.CreateHandler()));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    private static IClovaChatCompletionRequest Request() => ChatCompletionRequest.Create("HCX-007").User("Read this receipt").ResponseFormat<Receipt>().Build();

    [Fact]
    public async Task A_streamed_answer_reads_as_the_same_value_as_the_whole_one()
    {
        var streamed = await _client.StreamChatAsync(Request()).ReadAsAsync<Receipt>();
        var whole = (await _client.CompleteChatAsync(Request())).ReadAs<Receipt>();

        Assert.Equal("Shop: Read this receipt", streamed.Shop);
        Assert.Equal((whole.Shop, whole.Payment, whole.Points), (streamed.Shop, streamed.Payment, streamed.Points));
        Assert.Equal(whole.Lines, streamed.Lines);
    }

    [Fact]
    public async Task A_streamed_misfit_carries_the_joined_text()
    {
        const string answer = """{"Shop":"GS25", "Payment":"Bitcoin", "Points":null, "Lines":[]}""";
        _emulator.ScriptedAnswers.EnqueueText(answer);

        var error = await Assert.ThrowsAsync<ClovaStructuredOutputException>(() => _client.StreamChatAsync(Request()).ReadAsAsync<Receipt>());

        Assert.Equal(answer, error.RawText);
        Assert.Equal("$.Payment", error.JsonPath);
        Assert.Contains("'Bitcoin' is not a ClovaCodegen.Runtime.Tests.Payment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cut_stream_is_the_streams_error_not_a_misfit()
    {
        _emulator.Options.CutStreamAfterChunks = 2;

        var error = await Assert.ThrowsAsync<ClovaStudioException>(() => _client.StreamChatAsync(Request()).ReadAsAsync<Receipt>());

        Assert.Equal("stream_ended_early", error.ErrorCode);
    }

    [Fact]
    public async Task Cancellation_after_the_first_chunk_stops_the_reading()
    {
        // Without the token honoured the whole answer would be read and returned.
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CancelAfterFirst(_client.StreamChatAsync(Request()), cancellation).ReadAsAsync<Receipt>(cancellation.Token));
    }

    [Fact]
    public async Task A_stream_without_text_is_a_clear_exception()
    {
        var error = await Assert.ThrowsAsync<ClovaStructuredOutputException>(() => Chunks(new ClovaChatCompletionChunk { Choices = new[] { new ClovaChatChunkChoice { FinishReason = "tool_calls" } } }).ReadAsAsync<Receipt>());

        Assert.Contains("no text content", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_cut_at_the_token_limit_says_so()
    {
        var error = await Assert.ThrowsAsync<ClovaStructuredOutputException>(() => Chunks(
            new ClovaChatCompletionChunk { Choices = new[] { new ClovaChatChunkChoice { Delta = new ClovaChatDelta { Content = """{"Shop":"GS""" } } } },
            new ClovaChatCompletionChunk { Choices = new[] { new ClovaChatChunkChoice { FinishReason = "length" } } }).ReadAsAsync<Receipt>());

        Assert.Equal("""{"Shop":"GS""", error.RawText);
        Assert.Contains("finish_reason \"length\"", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Passes the chunks on, cancelling <paramref name="cancellation"/> once the first has been handed over.</summary>
    private static async IAsyncEnumerable<ClovaChatCompletionChunk> CancelAfterFirst(IAsyncEnumerable<ClovaChatCompletionChunk> chunks, CancellationTokenSource cancellation, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var chunk in chunks.WithCancellation(cancellationToken))
        {
            yield return chunk;
            cancellation.Cancel();
        }
    }

#pragma warning disable CS1998 // an async iterator over fixed chunks: nothing to await
    private static async IAsyncEnumerable<ClovaChatCompletionChunk> Chunks(params ClovaChatCompletionChunk[] chunks)
#pragma warning restore CS1998
    {
        foreach (var chunk in chunks)
        {
            yield return chunk;
        }
    }
}
