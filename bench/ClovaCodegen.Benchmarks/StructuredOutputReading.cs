using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using ClovaCodegen.Requests;
using Microsoft.Extensions.AI;

namespace ClovaCodegen.Benchmarks;

/// <summary>A structured answer for the reading benchmark: a record, an enum, a nullable, a date, a list of nested records.</summary>
[ClovaStructuredOutput]
public sealed record BenchReceipt(string Shop, BenchPayment Payment, int? Points, DateTimeOffset IssuedAt, IReadOnlyList<BenchLine> Lines);

/// <summary>How a receipt was paid.</summary>
public enum BenchPayment
{
    Card,
    Cash,
}

/// <summary>One line of a receipt.</summary>
public sealed record BenchLine(string Item, int Quantity, double Price, string? Note);

/// <summary>System.Text.Json's source-generated metadata for the same type, as an AOT app hands it to MEAI.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(BenchReceipt))]
internal sealed partial class BenchReceiptContext : JsonSerializerContext
{
}

/// <summary>
/// Issue 20: reading a structured answer (JSON text of a 12-line receipt, Korean strings) that has already arrived.
/// Baseline: Microsoft.Extensions.AI's <c>GetResponseAsync&lt;T&gt;</c> parsing path, <c>new ChatResponse&lt;T&gt;(response,
/// options).Result</c>, with a source-generated JsonSerializerContext (what an AOT app passes). Against it: our
/// <c>completion.ReadAs&lt;T&gt;()</c> (the generated Utf8JsonReader reader), and STJ's <c>Deserialize</c> alone with the
/// same metadata (MEAI's path without its wrapper).
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn, MaxColumn]
public class StructuredOutputReading
{
    private static readonly string Answer = JsonSerializer.Serialize(
        new BenchReceipt("김밥천국 강남점", BenchPayment.Card, 120, new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(9)),
            Enumerable.Range(1, 12).Select(i => new BenchLine("메뉴 " + i, i % 3 + 1, 3500.5 + i, i % 2 == 0 ? null : "포장")).ToList()),
        BenchReceiptContext.Default.BenchReceipt);

    private ClovaChatCompletion _completion = null!;
    private ChatResponse _response = null!;
    private JsonSerializerOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _completion = new ClovaChatCompletion { Choices = new[] { new ClovaChatChoice { Message = new ClovaChatResponseMessage { Role = "assistant", Content = Answer } } } };
        _response = new ChatResponse(new ChatMessage(ChatRole.Assistant, Answer));
        _options = BenchReceiptContext.Default.Options;

        // The three read the same value, so the comparison is of like with like.
        var ours = Generated();
        var theirs = MeaiResult();
        if (ours.Lines.Count != 12 || !ours.Lines.SequenceEqual(theirs.Lines) || ours with { Lines = theirs.Lines } != theirs)
        {
            throw new InvalidOperationException("The readers disagree.");
        }

        Console.WriteLine($"// answer: {System.Text.Encoding.UTF8.GetByteCount(Answer)} bytes of JSON");
    }

    [Benchmark(Baseline = true, Description = "MEAI ChatResponse<T>.Result (STJ source-gen context)")]
    public BenchReceipt MeaiResult() => new ChatResponse<BenchReceipt>(_response, _options).Result;

    [Benchmark(Description = "ClovaCodegen completion.ReadAs<T>() (generated reader)")]
    public BenchReceipt Generated() => _completion.ReadAs<BenchReceipt>();

    [Benchmark(Description = "STJ Deserialize(string, JsonTypeInfo) alone")]
    public BenchReceipt StjAlone() => JsonSerializer.Deserialize(Answer, BenchReceiptContext.Default.BenchReceipt)!;
}
