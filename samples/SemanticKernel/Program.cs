using System;
using System.Collections.Generic;
using System.Linq;
using ClovaCodegen;
using ClovaCodegen.Emulator;
using ClovaCodegen.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

// Semantic Kernel's OpenAI connector, pointed at CLOVA Studio the supported way (docs/semantic-kernel.md):
//  - SK's registrations take the OpenAIClient from ClovaOpenAI.CreateClient, whose policy turns SK's base64 embeddings
//    into float ones, takes out the stream_options SK adds to every stream, and refuses fields CLOVA Studio rejects;
//  - CLOVA-only fields (top_k, repetition_penalty) go through OpenAIPromptExecutionSettings.ExtraBody: SK drops
//    ExtensionData's entries on the way to the wire.
// With CLOVA_STUDIO_API_KEY set this talks to CLOVA Studio; without it, to the local emulator on 127.0.0.1.
var apiKey = Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY");
await using var emulator = string.IsNullOrEmpty(apiKey) ? await ClovaStudioEmulator.StartAsync(new EmulatorOptions { ChatAnswer = CannedAnswers.For }) : null;
if (emulator is not null)
{
    Console.WriteLine($"No CLOVA_STUDIO_API_KEY set: using the local CLOVA Studio emulator at {emulator.BaseUrl} (canned answers, no model).");
}

var client = ClovaOpenAI.CreateClient(emulator is null ? apiKey! : "nv-semantic-kernel-emulator-key", emulator?.BaseUrl ?? ClovaStudioEndpoints.Public);
var kernel = Kernel.CreateBuilder()
    .AddOpenAIChatCompletion("HCX-005", client)
    .AddOpenAIEmbeddingGenerator("bge-m3", client)
    .Build();

var settings = new OpenAIPromptExecutionSettings
{
    Temperature = 0.5,
    MaxTokens = 256,
    ExtraBody = new Dictionary<string, object?> { ["top_k"] = 20 },
};

Console.WriteLine();
Console.WriteLine("1. A prompt through the kernel:");
var answer = await kernel.InvokePromptAsync("인공지능에 대해 한 문장으로 설명해 주세요.", new KernelArguments(settings));
Console.WriteLine("   " + answer);
ShowLastRequest();

Console.WriteLine();
Console.WriteLine("2. The same, streamed (no stream_options reaches CLOVA Studio):");
Console.Write("   ");
await foreach (var chunk in kernel.InvokePromptStreamingAsync("클로바 스튜디오는 무엇인가요?", new KernelArguments(settings)))
{
    Console.Write(chunk);
}

Console.WriteLine();
ShowLastRequest();

Console.WriteLine();
Console.WriteLine("3. Embeddings (float, as CLOVA Studio requires):");
var generator = kernel.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
var embeddings = await generator.GenerateAsync(["클로바", "스튜디오"]);
Console.WriteLine($"   {embeddings.Count} vectors of {embeddings[0].Vector.Length} numbers");
ShowLastRequest();
return 0;

// What the emulator received, field by field (only on the emulator: CLOVA Studio keeps its own records).
void ShowLastRequest()
{
    if (emulator?.Requests.LastOrDefault() is { } request)
    {
        var fields = string.Join(", ", request.Fields.Where(f => f.Name is not ("messages" or "input")).Select(f => $"{f.Name}={f.Value.GetRawText()}"));
        Console.WriteLine($"   Sent to {request.Path}: {fields} ({(request.SpecAccepted ? "accepted" : "refused: " + string.Join("; ", request.Problems))})");
    }
}
