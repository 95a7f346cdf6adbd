using System.Buffers;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using ClovaCodegen.Requests;
using OpenAI.Chat;

namespace ClovaCodegen.Benchmarks;

/// <summary>
/// A typical chat request (system + 3 turns + 2 tools + 6 options, Korean text) serialized three ways: the generated
/// fast path, System.Text.Json source generation on equivalent DTOs (baseline), and the OpenAI SDK's own model writer.
/// Each writes into a reused buffer where its API allows; the byte counts of each output are printed in GlobalSetup.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ChatRequestSerialization
{
    private const string Weather = """{"type":"object","properties":{"city":{"type":"string","description":"도시 이름"}},"required":["city"]}""";
    private const string Time = """{"type":"object","properties":{"timezone":{"type":"string"}},"required":["timezone"]}""";

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private Utf8JsonWriter _relaxedWriter = null!;
    private Utf8JsonWriter _defaultWriter = null!;
    private ChatCompletionRequest _generated = null!;
    private ChatRequestDto _dto = null!;
    private ChatCompletionOptions _sdkOptions = null!;
    private List<ChatMessage> _sdkMessages = null!;

    [GlobalSetup]
    public void Setup()
    {
        _relaxedWriter = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        _defaultWriter = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        _generated = ChatCompletionRequest.Create("HCX-005")
            .System("당신은 유능한 AI 어시스턴트입니다. 간결하게 답하세요.")
            .User("서울 날씨 어때?")
            .Assistant("서울은 지금 맑고 기온은 21도입니다.")
            .User("그럼 부산은? 그리고 지금 몇 시야?")
            .AddFunctionTool("get_weather", "도시의 현재 날씨", Weather)
            .AddFunctionTool("get_time", "시간대의 현재 시각", Time)
            .Temperature(0.5).TopP(0.8).TopK(20).MaxTokens(1024).RepetitionPenalty(1.1).Seed(42)
            .Build();
        _dto = ChatRequestDto.Create(Weather, Time);
        _sdkMessages = new List<ChatMessage>
        {
            new SystemChatMessage("당신은 유능한 AI 어시스턴트입니다. 간결하게 답하세요."), new UserChatMessage("서울 날씨 어때?"),
            new AssistantChatMessage("서울은 지금 맑고 기온은 21도입니다."), new UserChatMessage("그럼 부산은? 그리고 지금 몇 시야?"),
        };
        _sdkOptions = new ChatCompletionOptions { Temperature = 0.5f, TopP = 0.8f, MaxOutputTokenCount = 1024, Seed = 42 };
        _sdkOptions.Tools.Add(ChatTool.CreateFunctionTool("get_weather", "도시의 현재 날씨", System.BinaryData.FromString(Weather)));
        _sdkOptions.Tools.Add(ChatTool.CreateFunctionTool("get_time", "시간대의 현재 시각", System.BinaryData.FromString(Time)));
        _sdkOptions.SetTopK(20).SetRepetitionPenalty(1.1);

        System.Console.WriteLine($"// bytes: generated {Generated()}, STJ source-gen {StjSourceGen()}, OpenAI SDK {OpenAISdk()}");
    }

    [Benchmark(Description = "ClovaCodegen generated fast path")]
    public int Generated()
    {
        _buffer.ResetWrittenCount();
        _relaxedWriter.Reset(_buffer);
        _generated.WriteJson(_relaxedWriter, stream: false);
        _relaxedWriter.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Baseline = true, Description = "System.Text.Json source generation (DTOs)")]
    public int StjSourceGen()
    {
        _buffer.ResetWrittenCount();
        _defaultWriter.Reset(_buffer);
        JsonSerializer.Serialize(_defaultWriter, _dto, DtoContext.Default.ChatRequestDto);
        _defaultWriter.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "OpenAI SDK (options + messages via ModelReaderWriter)")]
    public int OpenAISdk()
    {
        var total = ModelReaderWriter.Write(_sdkOptions, ModelReaderWriterOptions.Json, OpenAI.OpenAIContext.Default).ToMemory().Length;
        foreach (var message in _sdkMessages)
        {
            total += ModelReaderWriter.Write(message, ModelReaderWriterOptions.Json, OpenAI.OpenAIContext.Default).ToMemory().Length;
        }

        return total;
    }
}

public sealed class ChatRequestDto
{
    [JsonPropertyName("model")] public string Model { get; set; } = "";
    [JsonPropertyName("messages")] public List<MessageDto> Messages { get; set; } = new();
    [JsonPropertyName("tools")] public List<ToolDto>? Tools { get; set; }
    [JsonPropertyName("temperature")] public double? Temperature { get; set; }
    [JsonPropertyName("top_p")] public double? TopP { get; set; }
    [JsonPropertyName("top_k")] public int? TopK { get; set; }
    [JsonPropertyName("max_tokens")] public int? MaxTokens { get; set; }
    [JsonPropertyName("repetition_penalty")] public double? RepetitionPenalty { get; set; }
    [JsonPropertyName("seed")] public int? Seed { get; set; }

    public static ChatRequestDto Create(string weather, string time) => new()
    {
        Model = "HCX-005",
        Messages =
        {
            new() { Role = "system", Content = "당신은 유능한 AI 어시스턴트입니다. 간결하게 답하세요." }, new() { Role = "user", Content = "서울 날씨 어때?" },
            new() { Role = "assistant", Content = "서울은 지금 맑고 기온은 21도입니다." }, new() { Role = "user", Content = "그럼 부산은? 그리고 지금 몇 시야?" },
        },
        Tools = new()
        {
            new() { Function = new() { Name = "get_weather", Description = "도시의 현재 날씨", Parameters = JsonDocument.Parse(weather).RootElement } },
            new() { Function = new() { Name = "get_time", Description = "시간대의 현재 시각", Parameters = JsonDocument.Parse(time).RootElement } },
        },
        Temperature = 0.5, TopP = 0.8, TopK = 20, MaxTokens = 1024, RepetitionPenalty = 1.1, Seed = 42,
    };
}

public sealed class MessageDto
{
    [JsonPropertyName("role")] public string Role { get; set; } = "";
    [JsonPropertyName("content")] public string Content { get; set; } = "";
}

public sealed class ToolDto
{
    [JsonPropertyName("type")] public string Type { get; set; } = "function";
    [JsonPropertyName("function")] public FunctionDto Function { get; set; } = new();
}

public sealed class FunctionDto
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("description")] public string Description { get; set; } = "";
    [JsonPropertyName("parameters")] public JsonElement Parameters { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ChatRequestDto))]
public sealed partial class DtoContext : JsonSerializerContext
{
}
