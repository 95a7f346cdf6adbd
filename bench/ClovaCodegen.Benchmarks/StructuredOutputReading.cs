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
    private static readonly BenchReceipt Receipt = new("김밥천국 강남점", BenchPayment.Card, 120, new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(9)),
        Enumerable.Range(1, 12).Select(i => new BenchLine("메뉴 " + i, i % 3 + 1, 3500.5 + i, i % 2 == 0 ? null : "포장")).ToList());

    private string _answer = null!;
    private byte[] _answerUtf8 = null!;
    private ClovaChatCompletion _completion = null!;
    private ChatResponse _response = null!;
    private JsonSerializerOptions _options = null!;

    /// <summary>
    /// How the answer spells Korean: as <c>\uXXXX</c> escapes (System.Text.Json's default encoder) or as the characters
    /// themselves (what a model writes unless told otherwise). Unescaping is most of a string's cost, so the two differ.
    /// </summary>
    [Params(true, false)]
    public bool EscapedKorean { get; set; } = true;

    [GlobalSetup]
    public void Setup()
    {
        _answer = EscapedKorean
            ? JsonSerializer.Serialize(Receipt, BenchReceiptContext.Default.BenchReceipt)
            : JsonSerializer.Serialize(Receipt, new JsonSerializerOptions(BenchReceiptContext.Default.Options) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }.GetTypeInfo(typeof(BenchReceipt)));
        _answerUtf8 = System.Text.Encoding.UTF8.GetBytes(_answer);
        _completion = new ClovaChatCompletion { Choices = new[] { new ClovaChatChoice { Message = new ClovaChatResponseMessage { Role = "assistant", Content = _answer } } } };
        _response = new ChatResponse(new ChatMessage(ChatRole.Assistant, _answer));
        _options = BenchReceiptContext.Default.Options;

        // The three read the same value, so the comparison is of like with like.
        var ours = Generated();
        var theirs = MeaiResult();
        if (ours.Lines.Count != 12 || !ours.Lines.SequenceEqual(theirs.Lines) || ours with { Lines = theirs.Lines } != theirs)
        {
            throw new InvalidOperationException("The readers disagree.");
        }

        Console.WriteLine($"// answer: {_answerUtf8.Length} bytes of JSON, Korean {(EscapedKorean ? "escaped" : "as is")}: {_answer.Substring(0, 40)}...");
    }

    [Benchmark(Baseline = true, Description = "MEAI ChatResponse<T>.Result (STJ source-gen context)")]
    public BenchReceipt MeaiResult() => new ChatResponse<BenchReceipt>(_response, _options).Result;

    [Benchmark(Description = "ClovaCodegen completion.ReadAs<T>() (generated reader)")]
    public BenchReceipt Generated() => _completion.ReadAs<BenchReceipt>();

    [Benchmark(Description = "STJ Deserialize(string, JsonTypeInfo) alone")]
    public BenchReceipt StjAlone() => JsonSerializer.Deserialize(_answer, BenchReceiptContext.Default.BenchReceipt)!;

    /// <summary>
    /// The floor under a reader of this answer built on Utf8JsonReader's own calls: the reader over the UTF-8 bytes (given,
    /// not transcoded from the text), every token read and every string value made a .NET string with <c>GetString</c>
    /// (property names not). A reader that returns the record does all of this and more, unless it makes strings more
    /// cheaply than <c>GetString</c> (ours does for escaped ones: JsonStringUnescaping in the runtime).
    /// </summary>
    [Benchmark(Description = "Floor: Utf8JsonReader tokens + value strings")]
    public int TokensAndValueStrings()
    {
        var reader = new Utf8JsonReader(_answerUtf8);
        var characters = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                characters += reader.GetString()!.Length;
            }
        }

        return characters;
    }
}
