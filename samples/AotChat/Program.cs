using System;
using System.Linq;
using ClovaCodegen;
using ClovaCodegen.Requests;

// Talks to CLOVA Studio, or to the local emulator: set CLOVA_STUDIO_BASE_URL (e.g. http://127.0.0.1:5123/v1/openai/).
// The API key comes from CLOVA_STUDIO_API_KEY; against the emulator any "nv-" key will do.
var baseUrl = Environment.GetEnvironmentVariable("CLOVA_STUDIO_BASE_URL");
var apiKey = Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY");
if (string.IsNullOrEmpty(apiKey))
{
    Console.Error.WriteLine("Set CLOVA_STUDIO_API_KEY (and CLOVA_STUDIO_BASE_URL for the emulator).");
    return 2;
}

var options = new ClovaStudioClientOptions { ApiKey = apiKey };
if (!string.IsNullOrEmpty(baseUrl))
{
    options.Endpoint = new Uri(baseUrl);
}

using var client = new ClovaStudioClient(options);

var chat = ChatCompletionRequest.Create("HCX-005")
    .System("You are a concise assistant.")
    .User("안녕하세요! Say hello in one sentence.")
    .TopK(20)
    .MaxTokens(256)
    .Build();

var completion = await client.CompleteChatAsync(chat);
Console.WriteLine("chat: " + completion.Choices[0].Message.Content);

Console.Write("stream: ");
var chunks = 0;
await foreach (var chunk in client.StreamChatAsync(chat))
{
    foreach (var choice in chunk.Choices)
    {
        Console.Write(choice.Delta.Content);
    }

    chunks++;
}

Console.WriteLine($" ({chunks} chunks)");

var embedding = await client.CreateEmbeddingsAsync(EmbeddingRequest.Create("bge-m3").Input("클로바 스튜디오").Build());
var vector = embedding.Data[0].Embedding;
Console.WriteLine($"embedding: {vector.Length} dimensions, first {string.Join(", ", vector.Take(3).Select(v => v.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))}");
return 0;
