using System;
using System.Text.Json;
using ClovaCodegen;
using ClovaCodegen.Emulator;
using ClovaCodegen.Requests;

// A tool-calling loop with ClovaStudioClient and the generated builder: ask, run the functions the model calls, send the
// model's own message back (ClovaChatMessage.Assistant) followed by one tool message per call, until it answers in text.
// With CLOVA_STUDIO_API_KEY set this talks to CLOVA Studio; without it, to the local emulator, scripted to call get_weather.
var apiKey = Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY");
await using var emulator = string.IsNullOrEmpty(apiKey) ? await ClovaStudioEmulator.StartAsync() : null;
if (emulator is not null)
{
    // The emulator has no model: it answers the question with this call, and a tool result with "Tool said: <result>".
    emulator.ScriptedAnswers.EnqueueToolCall("get_weather", """{"city":"Seoul"}""");
    Console.WriteLine($"No CLOVA_STUDIO_API_KEY set: using the local CLOVA Studio emulator at {emulator.BaseUrl} (scripted answers, no model).");
}

using var client = new ClovaStudioClient(new ClovaStudioClientOptions
{
    ApiKey = emulator is null ? apiKey : ClovaStudioEmulator.TestApiKey,
    Endpoint = emulator?.BaseUrl ?? ClovaStudioEndpoints.Public,
});

var conversation = ChatCompletionRequest.Create("HCX-005")
    .System("Answer in one sentence. Use the tools for facts you do not know.")
    .User("What is the weather in Seoul right now?")
    .AddFunctionTool("get_weather", "The current weather in a city", """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""")
    .MaxTokens(256);

for (var turn = 1; turn <= 5; turn++)
{
    var completion = await client.CompleteChatAsync(conversation.Build());
    var message = completion.Choices[0].Message;
    if (message.ToolCalls is not { Count: > 0 } calls)
    {
        Console.WriteLine($"Answer: {message.Content}");
        return 0;
    }

    // The model's message, tool calls and all, goes back first; each tool message then answers one call by its id.
    conversation.Message(ClovaChatMessage.Assistant(message));
    foreach (var call in calls)
    {
        var result = RunTool(call);
        Console.WriteLine($"Turn {turn}: the model calls {call.FunctionName}({call.Arguments}) -> {result}");
        conversation.Message(ClovaChatMessage.Tool(call, result));
    }
}

Console.Error.WriteLine("The model kept calling tools; stopped after 5 turns.");
return 1;

static string RunTool(ClovaChatToolCall call)
{
    using var arguments = JsonDocument.Parse(call.Arguments);
    if (call.FunctionName != "get_weather")
    {
        return $$"""{"error":"no tool named {{JsonEncodedText.Encode(call.FunctionName)}}"}""";
    }

    var city = arguments.RootElement.TryGetProperty("city", out var value) ? value.GetString() ?? "" : "";
    return $$"""{"city":"{{JsonEncodedText.Encode(city)}}","celsius":21,"sky":"clear"}""";
}
