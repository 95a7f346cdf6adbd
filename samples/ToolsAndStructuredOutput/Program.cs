using System;
using System.Linq;
using System.Text;
using ClovaCodegen;
using ClovaCodegen.Requests;
using Microsoft.Extensions.AI;
using ToolsAndStructuredOutput;

// [ClovaTool] methods run by the tool loop (whole and streamed) and by Microsoft.Extensions.AI's UseFunctionInvocation(),
// and a [ClovaStructuredOutput] answer, in a Native AOT binary.
// Talks to CLOVA Studio with CLOVA_STUDIO_API_KEY, or to the local emulator at CLOVA_STUDIO_BASE_URL when no key is set
// (a Native AOT app cannot host the ASP.NET Core emulator in process; start it first, see the message below).
var baseUrl = Environment.GetEnvironmentVariable("CLOVA_STUDIO_BASE_URL");
var apiKey = Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY");
if (string.IsNullOrEmpty(apiKey))
{
    if (string.IsNullOrEmpty(baseUrl))
    {
        Console.Error.WriteLine("Set CLOVA_STUDIO_API_KEY for CLOVA Studio, or run on the local emulator:");
        Console.Error.WriteLine("  dotnet run -c Release --project runtime/ClovaCodegen.Emulator -- --urls http://127.0.0.1:5123");
        Console.Error.WriteLine("  CLOVA_STUDIO_BASE_URL=http://127.0.0.1:5123/v1/openai/ ./ToolsAndStructuredOutput");
        return 2;
    }

    apiKey = "nv-sample-emulator-0000000000000000"; // the emulator takes any "nv-" key; a fake one, never a real key
    Console.WriteLine($"No CLOVA_STUDIO_API_KEY set: using the emulator at {baseUrl} (it calls the first tool offered and answers from schemas; no model).");
}

var options = new ClovaStudioClientOptions { ApiKey = apiKey };
if (!string.IsNullOrEmpty(baseUrl))
{
    options.Endpoint = new Uri(baseUrl);
}

using var client = new ClovaStudioClient(options);

// 1. The tool loop: request -> the model's tool calls -> TravelTools runs them -> results sent back -> the answer.
//    The spec lists HCX-005 and HCX-DASH-002 for tools.
var weather = ChatCompletionRequest.Create("HCX-005")
    .System("Answer in one sentence. Use the tools for facts you do not know.")
    .User("What is the weather in Seoul today?")
    .AddTools(TravelTools.All)
    .MaxTokens(256)
    .Build();
var answer = await client.CompleteChatWithToolsAsync(weather, TravelTools.All, maxRounds: 4);
Console.WriteLine("tool loop: " + answer.Choices[0].Message.Content);

// 2. The same loop streamed: every chunk of every round as it arrives, the tools run between rounds.
var money = ChatCompletionRequest.Create("HCX-005")
    .User("How much is 140000 won in USD?")
    .AddTool(TravelTools.ConvertWonTool)
    .ToolChoiceFunction(TravelTools.ConvertWonTool.Name)
    .MaxTokens(256)
    .Build();
var streamed = new StringBuilder();
var chunks = 0;
await foreach (var chunk in client.StreamChatWithToolsAsync(money, TravelTools.All, maxRounds: 4))
{
    foreach (var choice in chunk.Choices)
    {
        streamed.Append(choice.Delta.Content); // a chat UI would show each piece as it comes
    }

    chunks++;
}

Console.WriteLine($"streamed tool loop: {streamed} ({chunks} chunks)");

// 3. A structured answer: response_format carries TripPlan's generated JSON Schema; ReadAs reads it without reflection.
//    The spec lists HCX-007 for structured outputs.
var plan = ChatCompletionRequest.Create("HCX-007")
    .User("Plan a relaxed day in Busan.")
    .ResponseFormat<TripPlan>()
    .MaxTokens(1024)
    .Build();
var trip = (await client.CompleteChatAsync(plan)).ReadAs<TripPlan>();
Console.WriteLine($"structured: {trip.City}, {trip.Pace}, budget {trip.BudgetWon?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, {trip.Stops.Count} stop(s): "
    + string.Join("; ", trip.Stops.Select(s => $"{s.Place} ({s.Hours.ToString(System.Globalization.CultureInfo.InvariantCulture)} h)")));

// 4. The same tools as Microsoft.Extensions.AI functions: UseFunctionInvocation() runs the model's call through the
//    generated argument reader and dispatcher (AsAIFunctions: no AIFunctionFactory, no reflection, AOT-safe).
using IChatClient chat = new ChatClientBuilder(client.AsIChatClient("HCX-005")).UseFunctionInvocation().Build();
var functions = new ChatOptions { Tools = TravelTools.All.AsAIFunctions(), MaxOutputTokens = 256 };
var invoked = await chat.GetResponseAsync("What is the weather in Busan today?", functions);
Console.WriteLine("function invocation: " + invoked.Text);
return 0;
