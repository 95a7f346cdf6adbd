using System;
using System.Collections.Generic;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

// Semantic Kernel pointed at CLOVA Studio the stock way, with each mistake the ClovaCodegen rules catch marked on its
// line ("expect: CLOVA00N"). samples/SemanticKernel is the same app done right (docs/semantic-kernel.md).
var key = Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY") ?? "";
var builder = Kernel.CreateBuilder();

// An OpenAI model name, and a base URL that already ends with the path the SDK appends.
builder.AddOpenAIChatCompletion("gpt-4o", new Uri("https://clovastudio.stream.ntruss.com/v1/openai/chat/completions"), key); // expect: CLOVA004, CLOVA003

// A chat model for embeddings, and a generator that sends "encoding_format": "base64" (no ClovaOpenAI client).
builder.AddOpenAIEmbeddingGenerator("HCX-005", key); // expect: CLOVA004, CLOVA002
var kernel = builder.Build();

var settings = new OpenAIPromptExecutionSettings // expect: CLOVA008 (no MaxTokens: CLOVA Studio stops at 512 tokens)
{
    Temperature = 3, // expect: CLOVA006
    User = "user-42", // expect: CLOVA001
    ChatDeveloperPrompt = "Answer in one sentence.", // expect: CLOVA010 (a developer message: use ChatSystemPrompt)
    ExtensionData = new Dictionary<string, object> { ["top_k"] = 20 }, // expect: CLOVA009 (SK drops it: use ExtraBody)
};
var answer = await kernel.InvokePromptAsync("인공지능에 대해 설명해 주세요.", new KernelArguments(settings));
Console.WriteLine(answer);

// Plain settings reach the connector through a JSON round trip into OpenAIPromptExecutionSettings: "extra_body" becomes
// ExtraBody (sent), "max_tokens" would have become MaxTokens.
var plain = new PromptExecutionSettings // expect: CLOVA008 (no "max_tokens" key in ExtensionData)
{
    ExtensionData = new Dictionary<string, object>
    {
        ["extra_body"] = new Dictionary<string, object?> { ["top_k"] = 500 }, // expect: CLOVA006
    },
};
Console.WriteLine(await kernel.InvokePromptAsync("인공지능에 대해 한 문장으로 설명해 주세요.", new KernelArguments(plain)));
