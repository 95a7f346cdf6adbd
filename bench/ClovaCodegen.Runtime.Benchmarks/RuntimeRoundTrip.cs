using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ClovaCodegen.Extensions.AI;
using ClovaCodegen.Requests;
using OpenAI;
using OpenAI.Chat;
using ChatOptions = Microsoft.Extensions.AI.ChatOptions;
using ChatRole = Microsoft.Extensions.AI.ChatRole;
using IChatClient = Microsoft.Extensions.AI.IChatClient;
using MeaiChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace ClovaCodegen.Runtime.Benchmarks;

/// <summary>
/// A chat round trip (serialize the request, parse the response) and a 1,000-chunk SSE stream, through ClovaStudioClient
/// and through the OpenAI SDK, and the same stream through Microsoft.Extensions.AI (ClovaChatClient vs MEAI's OpenAI
/// adapter), all over the same in-memory HttpMessageHandler returning the same bytes (no sockets).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RuntimeRoundTrip
{
    private const string Completion = """{"id":"chatcmpl-1","object":"chat.completion","created":0,"model":"HCX-005","choices":[{"index":0,"message":{"role":"assistant","content":"인공지능은 사람의 학습, 추론, 인식 능력을 컴퓨터로 구현한 기술입니다."},"finish_reason":"stop"}],"usage":{"prompt_tokens":20,"completion_tokens":30,"total_tokens":50}}""";

    private static readonly byte[] CompletionBytes = Encoding.UTF8.GetBytes(Completion);
    private static readonly byte[] StreamBytes = BuildStream(1000);

    private ClovaStudioClient _ours = null!;
    private ChatClient _sdk = null!;
    private ChatCompletionRequest _request = null!;
    private ChatMessage[] _messages = null!;
    private ChatCompletionOptions _options = null!;
    private FixedHandler _handler = null!;
    private IChatClient _meaiOverSdk = null!;
    private IChatClient _meaiOurs = null!;
    private MeaiChatMessage[] _meaiMessages = null!;
    private ChatOptions _meaiOptions = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handler = new FixedHandler();
        var http = new HttpClient(_handler);
        _ours = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = "nv-bench-0000000000000000", Endpoint = new Uri("http://127.0.0.1/v1/openai/"), MaxRetries = 0 }, http);
        _sdk = new OpenAIClient(new ApiKeyCredential("nv-bench-0000000000000000"), new OpenAIClientOptions
        {
            Endpoint = new Uri("http://127.0.0.1/v1/openai/"),
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(0),
        }).GetChatClient("HCX-005");
        _request = ChatCompletionRequest.Create("HCX-005").System("간결하게 답하세요.").User("인공지능에 대해 설명해 주세요.").TopK(20).MaxTokens(256).Build();
        _messages = new ChatMessage[] { new SystemChatMessage("간결하게 답하세요."), new UserChatMessage("인공지능에 대해 설명해 주세요.") };
        _options = new ChatCompletionOptions { MaxOutputTokenCount = 256 }.SetTopK(20);
        _meaiOverSdk = Microsoft.Extensions.AI.OpenAIClientExtensions.AsIChatClient(_sdk);
        _meaiOurs = new ClovaChatClient(_ours, "HCX-005");
        _meaiMessages = new[] { new MeaiChatMessage(ChatRole.System, "간결하게 답하세요."), new MeaiChatMessage(ChatRole.User, "인공지능에 대해 설명해 주세요.") };
        _meaiOptions = new ChatOptions { MaxOutputTokens = 256 };
    }

    [BenchmarkCategory("MEAI stream")]
    [Benchmark(Baseline = true, Description = "MEAI over the OpenAI SDK: 1,000-chunk stream")]
    public async Task<int> MeaiSdkStream()
    {
        _handler.Body = StreamBytes;
        _handler.EventStream = true;
        var length = 0;
        await foreach (var update in _meaiOverSdk.GetStreamingResponseAsync(_meaiMessages, _meaiOptions))
        {
            length += update.Text.Length;
        }

        return length;
    }

    [BenchmarkCategory("MEAI stream")]
    [Benchmark(Description = "ClovaChatClient (MEAI): 1,000-chunk stream")]
    public async Task<int> MeaiOursStream()
    {
        _handler.Body = StreamBytes;
        _handler.EventStream = true;
        var length = 0;
        await foreach (var update in _meaiOurs.GetStreamingResponseAsync(_meaiMessages, _meaiOptions))
        {
            length += update.Text.Length;
        }

        return length;
    }

    // Each category has the SDK as its baseline, so Ratio and Alloc Ratio compare ours with the SDK on the same work.
    [BenchmarkCategory("RoundTrip")]
    [Benchmark(Baseline = true, Description = "OpenAI SDK: chat round trip")]
    public async Task<string?> SdkRoundTrip()
    {
        _handler.Body = CompletionBytes;
        _handler.EventStream = false;
        ChatCompletion completion = await _sdk.CompleteChatAsync(_messages, _options);
        return completion.Content[0].Text;
    }

    [BenchmarkCategory("RoundTrip")]
    [Benchmark(Description = "ClovaStudioClient: chat round trip")]
    public async Task<string?> OursRoundTrip()
    {
        _handler.Body = CompletionBytes;
        _handler.EventStream = false;
        var completion = await _ours.CompleteChatAsync(_request);
        return completion.Choices[0].Message.Content;
    }

    [BenchmarkCategory("Stream")]
    [Benchmark(Baseline = true, Description = "OpenAI SDK: 1,000-chunk stream")]
    public async Task<int> SdkStream()
    {
        _handler.Body = StreamBytes;
        _handler.EventStream = true;
        var length = 0;
        await foreach (var update in _sdk.CompleteChatStreamingAsync(_messages, _options))
        {
            foreach (var part in update.ContentUpdate)
            {
                length += part.Text.Length;
            }
        }

        return length;
    }

    [BenchmarkCategory("Stream")]
    [Benchmark(Description = "ClovaStudioClient: 1,000-chunk stream")]
    public async Task<int> OursStream()
    {
        _handler.Body = StreamBytes;
        _handler.EventStream = true;
        var length = 0;
        await foreach (var chunk in _ours.StreamChatAsync(_request))
        {
            length += chunk.Choices.Count > 0 ? chunk.Choices[0].Delta.Content?.Length ?? 0 : 0;
        }

        return length;
    }

    private static byte[] BuildStream(int chunks)
    {
        var text = new StringBuilder();
        for (var i = 0; i < chunks; i++)
        {
            text.Append("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"HCX-005\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"토큰")
                .Append(i).Append(" \"},\"finish_reason\":null}]}\n\n");
        }

        text.Append("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"HCX-005\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        text.Append("data: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Answers every request with the same bytes; reads (and discards) the request body as a server would.</summary>
    private sealed class FixedHandler : HttpMessageHandler
    {
        public byte[] Body { get; set; } = Array.Empty<byte>();

        public bool EventStream { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                await request.Content.ReadAsByteArrayAsync(cancellationToken);
            }

            var content = new ByteArrayContent(Body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(EventStream ? "text/event-stream" : "application/json");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }
    }
}
