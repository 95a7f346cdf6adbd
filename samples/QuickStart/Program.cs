using System;
using System.ClientModel;
using System.Linq;
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
    emulator = await ClovaStudioEmulator.StartAsync();
    endpoint = emulator.BaseUrl;
    apiKey = "nv-quickstart-emulator-key";
    Console.WriteLine($"No CLOVA_STUDIO_API_KEY set: using the local CLOVA Studio emulator at {endpoint}");
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
    using var client = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = apiKey, Endpoint = endpoint });

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

    Console.WriteLine();
    Console.Write("2. Streamed answer: ");
    await foreach (var chunk in client.StreamChatAsync(request))
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

    Console.WriteLine();
    Console.WriteLine("4. Models: " + string.Join(", ", (await client.ListModelsAsync()).Select(m => m.Id)));

    Console.WriteLine();
    Console.WriteLine("5. The same chat through the OpenAI SDK (CLOVA-only top_k via the generated Patch extension):");
    var sdk = new OpenAIClient(new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = endpoint }).GetChatClient("HCX-005");
    var options = new ChatCompletionOptions { MaxOutputTokenCount = 256 }.SetTopK(20);
    ChatCompletion sdkAnswer = await sdk.CompleteChatAsync(new ChatMessage[] { new UserChatMessage("인공지능에 대해 설명해 주세요.") }, options);
    Console.WriteLine("   " + sdkAnswer.Content[0].Text);
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
