using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Xunit;

namespace ClovaCodegen.Spec.Tests;

/// <summary>
/// Thousands of mutated spec texts: the reader answers each with diagnostics (or a model), never an exception,
/// never its internal crash guard, and in bounded time. Seeds are fixed so a failure replays.
/// </summary>
public class FuzzTests
{
    private const int Iterations = 4000;

    [Fact]
    public void Mutated_specs_give_diagnostics_only()
    {
        var original = SpecReader.DefaultSpecText;
        var random = new Random(20261125);
        var slowest = TimeSpan.Zero;
        var withErrors = 0;
        var total = Stopwatch.StartNew();

        for (var i = 0; i < Iterations; i++)
        {
            var text = Mutate(original, random, i % 6);
            var watch = Stopwatch.StartNew();
            SpecReadResult result;
            try
            {
                result = SpecReader.Read(text, "fuzz.json");
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"Iteration {i} threw {ex}\n--- input ---\n{Excerpt(text)}");
            }

            watch.Stop();
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;

            // The reader's last-resort guard turns a bug into CLOVA100 "could not be read: <exception>"; it must never fire.
            Assert.DoesNotContain(result.Diagnostics, d => d.Message.StartsWith("The spec could not be read", StringComparison.Ordinal));
            Assert.Equal(result.HasErrors, result.Spec is null);
            Assert.All(result.Diagnostics, d => Assert.InRange(d.Offset, 0, text.Length));
            withErrors += result.HasErrors ? 1 : 0;
        }

        total.Stop();
        Assert.True(withErrors > Iterations / 2, $"Only {withErrors} of {Iterations} mutations were caught: the mutator is too timid");
        Assert.True(slowest < TimeSpan.FromSeconds(2), $"One read took {slowest}");
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(90), $"{Iterations} reads took {total.Elapsed}");
    }

    [Theory]
    [InlineData(100_000)]
    public void Deep_nesting_is_a_diagnostic_not_a_stack_overflow(int depth)
    {
        var text = new string('[', depth) + new string(']', depth);

        var result = SpecReader.Read(text, "deep.json");

        Assert.Contains(result.Diagnostics, d => d.Id == "CLOVA101" && d.Message.Contains("nesting"));
    }

    [Fact]
    public void Random_json_documents_give_diagnostics_only()
    {
        var random = new Random(7);
        for (var i = 0; i < 1000; i++)
        {
            var builder = new StringBuilder();
            WriteRandomJson(builder, random, 0, i % 2 == 0);
            var result = SpecReader.Read(builder.ToString(), "random.json");
            Assert.DoesNotContain(result.Diagnostics, d => d.Message.StartsWith("The spec could not be read", StringComparison.Ordinal));
        }
    }

    private static readonly string[] Tokens =
    {
        "{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "-", "1e999", "0.5", "\"status\"", "\"clova-only\"", "\"\\u12\"",
        "\u0000", "\uFEFF", "\r\n", "\"default\": -1,", "\"minimum\": 5, \"maximum\": 1,", "\"type\": [],", "\"endpoint\": \"x\",",
    };

    private static string Mutate(string text, Random random, int strategy)
    {
        switch (strategy)
        {
            case 0: // truncation
                return text.Substring(0, random.Next(text.Length));
            case 1: // character flips
            {
                var chars = text.ToCharArray();
                for (var n = random.Next(1, 6); n > 0; n--)
                {
                    chars[random.Next(chars.Length)] = (char)random.Next(0, 128);
                }

                return new string(chars);
            }

            case 2: // token insertion
                return text.Insert(random.Next(text.Length), Tokens[random.Next(Tokens.Length)]);
            case 3: // span deletion
            {
                var start = random.Next(text.Length);
                return text.Remove(start, Math.Min(text.Length - start, random.Next(1, 200)));
            }

            case 4: // swap a value for another value of the same document
            {
                var colons = Enumerable.Range(0, text.Length).Where(i => text[i] == ':').ToArray();
                var at = colons[random.Next(colons.Length)] + 1;
                var end = text.IndexOfAny(new[] { ',', '}' }, at);
                return end < 0 ? text : text.Remove(at, end - at).Insert(at, " " + Tokens[random.Next(Tokens.Length)]);
            }

            default: // duplicate a line (duplicate fields, properties, models, endpoints)
            {
                var lines = text.Split('\n').ToList();
                var index = random.Next(lines.Count);
                lines.Insert(index, lines[index]);
                return string.Join("\n", lines);
            }
        }
    }

    private static void WriteRandomJson(StringBuilder builder, Random random, int depth, bool specLike)
    {
        var choice = depth > 4 ? random.Next(4) : random.Next(7);
        string[] names = specLike
            ? new[] { "specVersion", "baseUrls", "endpoints", "fields", "name", "status", "type", "default", "minimum", "maximum", "id", "bindings", "allowedValues" }
            : new[] { "a", "b", "\u00e9", "" };
        switch (choice)
        {
            case 0: builder.Append(random.Next(-5, 5)); break;
            case 1: builder.Append('"').Append(names[random.Next(names.Length)]).Append('"'); break;
            case 2: builder.Append(random.Next(2) == 0 ? "true" : "null"); break;
            case 3: builder.Append(random.NextDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture)); break;
            case 4:
            case 5:
                builder.Append('{');
                for (var n = random.Next(4); n > 0; n--)
                {
                    builder.Append('"').Append(names[random.Next(names.Length)]).Append("\":");
                    WriteRandomJson(builder, random, depth + 1, specLike);
                    builder.Append(n > 1 ? "," : "");
                }

                builder.Append('}');
                break;
            default:
                builder.Append('[');
                for (var n = random.Next(4); n > 0; n--)
                {
                    WriteRandomJson(builder, random, depth + 1, specLike);
                    builder.Append(n > 1 ? "," : "");
                }

                builder.Append(']');
                break;
        }
    }

    private static string Excerpt(string text) => text.Length <= 2000 ? text : text.Substring(0, 2000) + "...";
}
