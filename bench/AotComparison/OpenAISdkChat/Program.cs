using System;
using System.ClientModel;
using System.Linq;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

// The OpenAI SDK doing what samples/AotChat does, made CLOVA-compatible by hand with Patch (no ClovaCodegen).
var baseUrl = Environment.GetEnvironmentVariable("CLOVA_STUDIO_BASE_URL") ?? "https://clovastudio.stream.ntruss.com/v1/openai/";
var apiKey = Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY");
if (string.IsNullOrEmpty(apiKey))
{
    Console.Error.WriteLine("Set CLOVA_STUDIO_API_KEY (and CLOVA_STUDIO_BASE_URL for the emulator).");
    return 2;
}

var client = new OpenAIClient(new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = new Uri(baseUrl) });
var chat = client.GetChatClient("HCX-005");
ChatMessage[] messages = { new SystemChatMessage("You are a concise assistant."), new UserChatMessage("안녕하세요! Say hello in one sentence.") };
var options = new ChatCompletionOptions { MaxOutputTokenCount = 256 };
options.Patch.Set("$.top_k"u8, 20);

ChatCompletion completion = await chat.CompleteChatAsync(messages, options);
Console.WriteLine("chat: " + completion.Content[0].Text);

var streamOptions = new ChatCompletionOptions { MaxOutputTokenCount = 256 };
streamOptions.Patch.Set("$.top_k"u8, 20);
streamOptions.Patch.Remove("$.stream_options"u8);
Console.Write("stream: ");
var chunks = 0;
await foreach (var update in chat.CompleteChatStreamingAsync(messages, streamOptions))
{
    foreach (var part in update.ContentUpdate)
    {
        Console.Write(part.Text);
    }

    chunks++;
}

Console.WriteLine($" ({chunks} chunks)");

var embeddingOptions = new EmbeddingGenerationOptions();
embeddingOptions.Patch.Set("$.encoding_format"u8, "float");
OpenAIEmbedding embedding = await client.GetEmbeddingClient("bge-m3").GenerateEmbeddingAsync("클로바 스튜디오", embeddingOptions);
var vector = embedding.ToFloats().ToArray();
Console.WriteLine($"embedding: {vector.Length} dimensions, first {string.Join(", ", vector.Take(3).Select(v => v.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))}");
return 0;
