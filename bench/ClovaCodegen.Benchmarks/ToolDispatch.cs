using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace ClovaCodegen.Benchmarks;

/// <summary>A unit of temperature, sent and read by name.</summary>
public enum BenchUnit
{
    Celsius,
    Fahrenheit,
}

/// <summary>What the benchmark's tool returns.</summary>
public sealed record BenchForecast(string City, BenchUnit Unit, IReadOnlyList<double> Degrees, string? Warning);

/// <summary>The tool both dispatchers run: a string, an enum, an int and an optional bool in; a record with a list out.</summary>
public static partial class BenchTools
{
    [ClovaTool("Daily forecast for a city")]
    public static BenchForecast GetForecast([Description("City name")] string city, BenchUnit unit, [Description("How many days")] int days, bool detailed = false)
    {
        var degrees = new double[days];
        for (var i = 0; i < days; i++)
        {
            degrees[i] = 20.5 + i;
        }

        return new BenchForecast(city, unit, degrees, detailed ? "황사 주의" : null);
    }
}

/// <summary>
/// System.Text.Json's source-generated metadata for the tool's parameters, result and argument dictionary: what an AOT
/// app hands MEAI (AIFunctionFactoryOptions.SerializerOptions), with no reflection fallback.
/// </summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(BenchForecast))]
[JsonSerializable(typeof(IDictionary<string, object?>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class BenchToolContext : JsonSerializerContext
{
}

/// <summary>
/// Issue 20: dispatching one tool call that has arrived (its arguments a JSON string, as on the wire) to the method and
/// its result to text: parse the arguments, bind them, invoke, write the result. Baseline: Microsoft.Extensions.AI as
/// <c>FunctionInvokingChatClient</c> does it, the call's arguments parsed into a dictionary
/// (<c>FunctionCallContent.CreateFromParsedArguments</c>) and <c>AIFunctionFactory.Create(method, options).InvokeAsync</c>
/// with a source-generated JsonSerializerContext; against it MEAI with its default (reflection) options, our generated
/// dispatcher (<c>BenchTools.InvokeAsync(toolCall)</c>), and our generated tool as an AIFunction (<c>AsAIFunction()</c>)
/// behind the same MEAI parsing.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn, MaxColumn]
public class ToolDispatch
{
    private const string Arguments = """{"city":"서울특별시","unit":"Fahrenheit","days":5,"detailed":true}""";

    private static readonly Func<string, IDictionary<string, object?>?> ParseArguments =
        static json => JsonSerializer.Deserialize(json, BenchToolContext.Default.IDictionaryStringObject);

    private readonly ClovaChatToolCall _toolCall = new("call_1", "GetForecast", Arguments);
    private AIFunction _meaiSourceGenerated = null!;
    private AIFunction _meaiReflection = null!;
    private AIFunction _generatedAsAIFunction = null!;

    [GlobalSetup]
    public void Setup()
    {
        Func<string, BenchUnit, int, bool, BenchForecast> method = BenchTools.GetForecast;
        _meaiSourceGenerated = AIFunctionFactory.Create(method, new AIFunctionFactoryOptions { Name = "GetForecast", SerializerOptions = BenchToolContext.Default.Options });
        _meaiReflection = AIFunctionFactory.Create(method, new AIFunctionFactoryOptions { Name = "GetForecast" });
        _generatedAsAIFunction = BenchTools.GetForecastTool.AsAIFunction();

        // All four run the same call to the same value, so the comparison is of like with like (MEAI's default options
        // write camelCase, indented: read case-insensitively).
        var read = new JsonSerializerOptions(BenchToolContext.Default.Options) { PropertyNameCaseInsensitive = true };
        var ours = JsonSerializer.Deserialize<BenchForecast>(Generated(), read)!;
        foreach (var (name, result) in new[] { ("MEAI source-generated", MeaiSourceGenerated()), ("MEAI default options", MeaiReflection()), ("AsAIFunction", GeneratedAsAIFunction()) })
        {
            var theirs = result is JsonElement element ? element.Deserialize<BenchForecast>(read)! : JsonSerializer.Deserialize<BenchForecast>((string)result!, read)!;
            if (ours.Degrees.Count != 5 || !ours.Degrees.SequenceEqual(theirs.Degrees) || ours with { Degrees = theirs.Degrees } != theirs)
            {
                throw new InvalidOperationException($"{name} disagrees: {result} against {Generated()}.");
            }
        }
    }

    [Benchmark(Baseline = true, Description = "MEAI AIFunctionFactory.Create + InvokeAsync (STJ source-gen context)")]
    public object? MeaiSourceGenerated() => Sync(_meaiSourceGenerated.InvokeAsync(ParsedArguments()));

    [Benchmark(Description = "MEAI AIFunctionFactory.Create + InvokeAsync (default options: AIJsonUtilities.DefaultOptions, reflection)")]
    public object? MeaiReflection() => Sync(_meaiReflection.InvokeAsync(ParsedArguments()));

    [Benchmark(Description = "ClovaCodegen generated InvokeAsync(toolCall)")]
    public string Generated() => Sync(BenchTools.InvokeAsync(_toolCall)).Content;

    [Benchmark(Description = "ClovaCodegen generated tool .AsAIFunction() + InvokeAsync")]
    public object? GeneratedAsAIFunction() => Sync(_generatedAsAIFunction.InvokeAsync(ParsedArguments()));

    // What FunctionInvokingChatClient receives from a chat client: the call's JSON parsed into a dictionary of JsonElements.
    private static AIFunctionArguments ParsedArguments() =>
        new(FunctionCallContent.CreateFromParsedArguments(Arguments, "call_1", "GetForecast", ParseArguments).Arguments);

    // The tool is synchronous, so every path completes synchronously; a pending one is waited for.
    private static T Sync<T>(ValueTask<T> pending) => pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
}
