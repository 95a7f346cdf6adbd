using System;
using System.ClientModel;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen;
using ClovaCodegen.Emulator;
using ClovaCodegen.Requests;
using OpenAI;
using OpenAI.Chat;

// With CLOVA_STUDIO_API_KEY set, this talks to CLOVA Studio (CLOVA_STUDIO_CLOUD=gov for the gov cloud).
// Without it, it starts the local emulator on 127.0.0.1 and talks to that.
var apiKey = Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY");
ClovaStudioEmulator? emulator = null;
Uri endpoint;
if (string.IsNullOrEmpty(apiKey))
{
    // Canned answers: fixed text picked by the question (same question, same answer), marked "[canned]".
    emulator = await ClovaStudioEmulator.StartAsync(new EmulatorOptions { ChatAnswer = CannedAnswers.For });
    endpoint = emulator.BaseUrl;
    apiKey = "nv-quickstart-emulator-key";
    Console.WriteLine($"No CLOVA_STUDIO_API_KEY set: using the local CLOVA Studio emulator at {endpoint}");
    Console.WriteLine("It validates every request as CLOVA Studio would, but its chat answers are canned text marked [canned],");
    Console.WriteLine("chosen by the question, and its embeddings are deterministic unit vectors: no model runs here.");
}
else
{
    endpoint = string.Equals(Environment.GetEnvironmentVariable("CLOVA_STUDIO_CLOUD"), "gov", StringComparison.OrdinalIgnoreCase)
        ? ClovaStudioEndpoints.Gov
        : ClovaStudioEndpoints.Public;
    Console.WriteLine($"Using CLOVA Studio at {endpoint}");
}

try
{
    // The recorder keeps the body of each request as it goes on the wire, to show one below.
    var wire = new WireRecorder();
    using var http = new HttpClient(wire);
    using var client = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = apiKey, Endpoint = endpoint }, http);

    // Generated builder: only fields CLOVA Studio accepts exist, and Build() checks the documented ranges.
    var request = ChatCompletionRequest.Create("HCX-005")
        .System("You are a helpful assistant. Answer in one sentence.")
        .User("인공지능에 대해 설명해 주세요.")
        .Temperature(0.5)
        .TopK(20)
        .MaxTokens(256)
        .Build();

    Console.WriteLine();
    Console.WriteLine("1. Chat completion (generated builder):");
    var completion = await client.CompleteChatAsync(request);
    Console.WriteLine("   " + completion.Choices[0].Message.Content);
    Console.WriteLine("   Sent as (snake_case top_k and max_tokens; no field CLOVA Studio would reject):");
    Console.WriteLine(Indent(wire.LastBody));

    Console.WriteLine();
    Console.Write("2. Streamed answer: ");
    var streamed = ChatCompletionRequest.Create("HCX-005").User("What does top_k do?").TopK(20).MaxTokens(256).Build();
    await foreach (var chunk in client.StreamChatAsync(streamed))
    {
        foreach (var choice in chunk.Choices)
        {
            Console.Write(choice.Delta.Content);
        }
    }

    Console.WriteLine();
    Console.WriteLine();
    Console.WriteLine("3. Embeddings (always encoding_format \"float\"):");
    var embeddings = await client.CreateEmbeddingsAsync(EmbeddingRequest.Create("bge-m3").Input("클로바 스튜디오를 이용해주셔서 감사합니다.").Build());
    var vector = embeddings.Data[0].Embedding;
    Console.WriteLine($"   {vector.Length} dimensions, first values {string.Join(", ", vector.Take(4).Select(v => v.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))}");
    Console.WriteLine("   Sent as: " + wire.LastBody);

    Console.WriteLine();
    Console.WriteLine("4. Models: " + string.Join(", ", (await client.ListModelsAsync()).Select(m => m.Id)));

    Console.WriteLine();
    Console.WriteLine("5. A chat through the OpenAI SDK (CLOVA-only top_k via the generated Patch extension):");
    var sdk = new OpenAIClient(new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = endpoint }).GetChatClient("HCX-005");
    var options = new ChatCompletionOptions { MaxOutputTokenCount = 256 }.SetTopK(20);
    ChatCompletion sdkAnswer = await sdk.CompleteChatAsync(new ChatMessage[] { new UserChatMessage("What do the ClovaCodegen analyzers catch?") }, options);
    Console.WriteLine("   " + sdkAnswer.Content[0].Text);

    Console.WriteLine();
    Console.WriteLine("Next, try:");
    Console.WriteLine("  1. dotnet build samples/Mistakes   : each mistake CLOVA Studio would reject, caught at compile time (CLOVA001-009)");
    Console.WriteLine("  2. CLOVA_STUDIO_API_KEY=nv-... dotnet run --project samples/QuickStart   : the same calls against CLOVA Studio itself");
    return 0;
}
catch (ClovaStudioException ex)
{
    Console.Error.WriteLine($"CLOVA Studio error {ex.StatusCode} {ex.ErrorCode}: {ex.Message}");
    return 1;
}
finally
{
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }
}

static string Indent(string json) =>
    "   " + JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Replace("\n", "\n   ");

/// <summary>Keeps the body of the last request sent through it (the API key is in a header, never in a body).</summary>
internal sealed class WireRecorder : DelegatingHandler
{
    public WireRecorder() : base(new HttpClientHandler()) { }

    public string LastBody { get; private set; } = "";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        LastBody = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
