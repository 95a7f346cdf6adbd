// Each line marked "expect: CLOVA0NN" makes the mistake that rule catches. Build to see them:
//   dotnet build samples/Mistakes
// The end-to-end tests build this file from the packed NuGet and check each warning lands on its marked line.
using System;
using System.ClientModel;
using System.Collections.Generic;
using System.Net.Http;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

var apiKey = Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY") ?? "not-set";

// A native CLOVA URL (testapp + /v3/chat-completions/{model}) where the OpenAI-compatible base URL belongs.
var client = new OpenAIClient(
    new ApiKeyCredential(apiKey),
    new OpenAIClientOptions { Endpoint = new Uri("https://clovastudio.stream.ntruss.com/testapp/v3/chat-completions/HCX-005") }); // expect: CLOVA003

// An OpenAI model name on a CLOVA client.
ChatClient chat = client.GetChatClient("gpt-4o"); // expect: CLOVA004

var options = new ChatCompletionOptions
{
    EndUserId = "user-42", // expect: CLOVA001
    TopP = 1.5f, // expect: CLOVA006
};

// A developer message (OpenAI's newer name for system), a role CLOVA Studio refuses.
var instructions = new DeveloperChatMessage("Answer in one sentence."); // expect: CLOVA010

// No max token setting: CLOVA Studio stops at 512 tokens.
ChatCompletion answer = chat.CompleteChat(new OpenAI.Chat.ChatMessage[] { instructions, new UserChatMessage("Hello") }, options); // expect: CLOVA008
Console.WriteLine(answer.Content.Count);

// The SDK's EmbeddingClient sends "encoding_format": "base64", which CLOVA Studio rejects.
EmbeddingClient embeddings = client.GetEmbeddingClient("bge-m3");
OpenAIEmbedding vector = embeddings.GenerateEmbedding("Hello"); // expect: CLOVA002
Console.WriteLine(vector.ToFloats().Length);

// A hard-coded CLOVA Studio key.
var leaked = new ApiKeyCredential("nv-0123456789abcdef0123456789abcdef"); // expect: CLOVA007
Console.WriteLine(leaked is null);

// Native camelCase field names in an OpenAI-compatible raw request body, which sets no max_tokens either.
var body = new Dictionary<string, object> // expect: CLOVA008
{
    ["model"] = "HCX-005",
    ["messages"] = new[] { new { role = "user", content = "Hello" } },
    ["topK"] = 20, // expect: CLOVA005
};
using var http = new HttpClient();
using var content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body));
_ = http.PostAsync("https://clovastudio.stream.ntruss.com/v1/openai/chat/completions", content);

// Microsoft.Extensions.AI's OpenAI adapter drops TopK on its way to the wire.
IChatClient meai = chat.AsIChatClient();
_ = meai.GetResponseAsync("Hello", new ChatOptions { TopK = 20, MaxOutputTokens = 1024 }); // expect: CLOVA009

// Tools offered to a model the spec does not list for them (it lists HCX-005 and HCX-DASH-002).
var withTools = ClovaCodegen.Requests.ChatCompletionRequest.Create("HCX-007").User("Weather in Seoul?").MaxTokens(256).AddFunctionTool("get_weather", "The weather in a city", """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""").Build(); // expect: CLOVA011
Console.WriteLine(withTools is null);
