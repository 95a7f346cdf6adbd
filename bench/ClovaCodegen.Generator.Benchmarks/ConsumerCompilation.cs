using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ClovaCodegen.Generator.Benchmarks;

/// <summary>
/// The consumer compilation both generator benchmarks run on: 500 unrelated files plus hand-written DTOs equivalent to
/// our request types (for System.Text.Json's generator), and the same compilation after an unrelated one-line edit.
/// </summary>
internal static class ConsumerCompilation
{
    private const string Dtos = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        namespace Consumer.Dtos
        {
            public sealed class ChatRequestDto
            {
                [JsonPropertyName("model")] public string Model { get; set; } = "";
                [JsonPropertyName("messages")] public List<MessageDto> Messages { get; set; } = new();
                [JsonPropertyName("tools")] public List<ToolDto>? Tools { get; set; }
                [JsonPropertyName("tool_choice")] public string? ToolChoice { get; set; }
                [JsonPropertyName("temperature")] public double? Temperature { get; set; }
                [JsonPropertyName("max_tokens")] public int? MaxTokens { get; set; }
                [JsonPropertyName("max_completion_tokens")] public int? MaxCompletionTokens { get; set; }
                [JsonPropertyName("top_p")] public double? TopP { get; set; }
                [JsonPropertyName("stop")] public List<string>? Stop { get; set; }
                [JsonPropertyName("seed")] public int? Seed { get; set; }
                [JsonPropertyName("frequency_penalty")] public double? FrequencyPenalty { get; set; }
                [JsonPropertyName("presence_penalty")] public double? PresencePenalty { get; set; }
                [JsonPropertyName("response_format")] public string? ResponseFormat { get; set; }
                [JsonPropertyName("top_k")] public int? TopK { get; set; }
                [JsonPropertyName("repeat_penalty")] public double? RepeatPenalty { get; set; }
                [JsonPropertyName("repetition_penalty")] public double? RepetitionPenalty { get; set; }
            }
            public sealed class MessageDto { [JsonPropertyName("role")] public string Role { get; set; } = ""; [JsonPropertyName("content")] public string Content { get; set; } = ""; [JsonPropertyName("tool_call_id")] public string? ToolCallId { get; set; } [JsonPropertyName("tool_calls")] public List<ToolCallDto>? ToolCalls { get; set; } }
            public sealed class ToolCallDto { [JsonPropertyName("id")] public string Id { get; set; } = ""; [JsonPropertyName("type")] public string Type { get; set; } = "function"; [JsonPropertyName("function")] public FunctionCallDto Function { get; set; } = new(); }
            public sealed class FunctionCallDto { [JsonPropertyName("name")] public string Name { get; set; } = ""; [JsonPropertyName("arguments")] public string Arguments { get; set; } = ""; }
            public sealed class ToolDto { [JsonPropertyName("type")] public string Type { get; set; } = "function"; [JsonPropertyName("function")] public FunctionDto Function { get; set; } = new(); }
            public sealed class FunctionDto { [JsonPropertyName("name")] public string Name { get; set; } = ""; [JsonPropertyName("description")] public string Description { get; set; } = ""; [JsonPropertyName("parameters")] public System.Text.Json.JsonElement Parameters { get; set; } }
            public sealed class EmbeddingRequestDto { [JsonPropertyName("model")] public string Model { get; set; } = ""; [JsonPropertyName("input")] public List<string> Input { get; set; } = new(); [JsonPropertyName("dimensions")] public int? Dimensions { get; set; } [JsonPropertyName("encoding_format")] public string EncodingFormat { get; set; } = "float"; }
            [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Serialization)]
            [JsonSerializable(typeof(ChatRequestDto))]
            [JsonSerializable(typeof(EmbeddingRequestDto))]
            public sealed partial class DtoContext : JsonSerializerContext { }
        }
        """;

    public static (CSharpCompilation Compilation, CSharpCompilation Edited) Create()
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Enumerable.Range(0, 500).Select(i => CSharpSyntaxTree.ParseText(
            $"namespace Consumer.Feature{i % 25} {{ public sealed class Service{i} {{ private int _count; public int Next(int x) => _count += x * {i}; public string Name => \"service-{i}\"; }} }}", parse, path: $"File{i}.cs"))
            .Append(CSharpSyntaxTree.ParseText(Dtos, parse, path: "Dtos.cs"))
            .ToArray();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Consumer", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var edited = compilation.ReplaceSyntaxTree(trees[7], CSharpSyntaxTree.ParseText(trees[7].ToString().Replace("x * 7", "x * 7 + 1"), parse, path: trees[7].FilePath));
        return (compilation, edited);
    }
}
