using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Requests;
using ClovaCodegen.Testing;

namespace ClovaCodegen.Runtime.Tests.Faults;

/// <summary>Clients and calls the fault tests share: a fake key, short delays, one chat request per logical call.</summary>
internal static class Calls
{
    public const string FakeKey = "nv-test-0000000000000000fake";

    public static ClovaStudioClientOptions Options(LoopbackFaultServer server, int maxRetries = 0) => new()
    {
        ApiKey = FakeKey,
        Endpoint = server.BaseUrl,
        MaxRetries = maxRetries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
    };

    public static ClovaStudioClient Client(LoopbackFaultServer server, int maxRetries = 0, TimeSpan? httpTimeout = null) =>
        new(Options(server, maxRetries), new HttpClient { Timeout = httpTimeout ?? TimeSpan.FromSeconds(30) });

    public static ChatCompletionRequest Chat(string callId) => ChatCompletionRequest.Create("HCX-005").User(callId).MaxTokens(10).Build();

    /// <summary>Streams <see cref="Chat"/> to its end and counts the chunks (the fault server keys calls by the body, which holds <paramref name="callId"/>).</summary>
    public static async Task<int> DrainAsync(ClovaStudioClient client, string callId, CancellationToken cancellationToken = default)
    {
        var chunks = 0;
        await foreach (var _ in client.StreamChatAsync(Chat(callId), cancellationToken))
        {
            chunks++;
        }

        return chunks;
    }
}
