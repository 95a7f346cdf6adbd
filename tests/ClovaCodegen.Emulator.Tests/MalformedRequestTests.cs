using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace ClovaCodegen.Emulator.Tests;

/// <summary>
/// No input gives a 500: the SDKs retry a 500, so one bad request would become three or four. Every malformed body is a
/// 4xx with an OpenAI-shaped error body and a request id. The corpus is built from the spec and mutated with fixed seeds,
/// so a failure replays.
/// </summary>
public sealed class MalformedRequestTests : EmulatorTest
{
    /// <summary>A chat body for HCX-005 with these fields; USER stands for a user message, TOOLS for a valid tool list.</summary>
    private static string Chat(string fields) => "{\"model\":\"HCX-005\"," + fields[1..]
        .Replace("USER", "{\"role\":\"user\",\"content\":\"hi\"}", StringComparison.Ordinal)
        .Replace("TOOLS", SpecBodies.Tools, StringComparison.Ordinal);

    /// <summary>The ten bodies of issue 15 that were answered with an empty 500.</summary>
    public static TheoryData<string, string> MisshapenChatBodies() => new()
    {
        { "message is a string", Chat("""{"messages":["hi"]}""") },
        { "message is a number", Chat("""{"messages":[1]}""") },
        { "role is a number", Chat("""{"messages":[{"role":5,"content":"hi"}]}""") },
        { "a non-object message in the list", Chat("""{"messages":[USER,null]}""") },
        { "tool is a number", Chat("""{"messages":[USER],"tools":[1]}""") },
        { "tool without function", Chat("""{"messages":[USER],"tools":[{"type":"function"}]}""") },
        { "function name is a number", Chat("""{"messages":[USER],"tools":[{"type":"function","function":{"name":5}}]}""") },
        { "tool_choice is an empty object", Chat("""{"messages":[USER],"tools":TOOLS,"tool_choice":{}}""") },
    };

    [Theory]
    [MemberData(nameof(MisshapenChatBodies))]
    public async Task Misshapen_chat_bodies_are_400_with_an_error_body(string what, string body)
    {
        var answer = await Http.PostAsync("chat/completions", body);

        answer.AssertError(400, what);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_string_value_is_400()
    {
        var body = Utf8WithBadBytes(Chat("""{"messages":[{"role":"user","content":"h#i"}]}"""));

        var answer = await Http.PostAsync("chat/completions", body);

        answer.AssertError(400);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_property_name_is_400()
    {
        var body = Utf8WithBadBytes(Chat("""{"messages":[USER],"t#p":1}"""));

        var answer = await Http.PostAsync("chat/completions", body);

        answer.AssertError(400);
    }

    [Theory]
    [InlineData("""{"messages":[{"role":"user","content":"a\ud800b"}]}""")]
    [InlineData("""{"messages":[USER],"\udc00":1}""")]
    public async Task A_lone_surrogate_escape_is_400(string fields)
    {
        var answer = await Http.PostAsync("chat/completions", Chat(fields));

        Assert.Contains("surrogate", answer.AssertError(400).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_in_an_embeddings_input_is_400()
    {
        var answer = await Http.PostAsync("embeddings", Utf8WithBadBytes("""{"model":"bge-m3","input":"h#i","encoding_format":"float"}"""));

        answer.AssertError(400);
    }

    private const int Iterations = 1500;

    [Fact]
    public async Task Mutated_spec_bodies_are_answered_4xx_with_an_error_body_never_5xx()
    {
        var random = new Random(20261201);
        var corpus = new[] { ("chat/completions", SpecBodies.FullChat()), ("embeddings", SpecBodies.FullEmbeddings()) };
        foreach (var (path, valid) in corpus)
        {
            (await Http.PostAsync(path, valid)).AssertOk(path); // the unmutated body is valid: mutations, not the base, cause each 4xx
        }

        var rejected = 0;
        var slowest = TimeSpan.Zero;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < Iterations; i++)
        {
            var (path, valid) = corpus[i % corpus.Length];
            var body = Mutate(Encoding.UTF8.GetBytes(valid), random, i / corpus.Length % Strategies);
            var context = $"iteration {i}, {path}, body: {Printable(body)}";
            var watch = Stopwatch.StartNew();
            var answer = await Http.PostAsync(path, body);
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;

            Assert.True(answer.Status is (>= 200 and < 300) or (>= 400 and < 500), $"{answer.Status}: '{answer.Body}'\n{context}");
            if (answer.Status >= 400)
            {
                answer.AssertErrorShape(context);
                rejected++;
            }
        }

        Assert.True(rejected > Iterations * 2 / 3, $"Only {rejected} of {Iterations} mutations were rejected: the mutator is too timid");
        Assert.True(slowest < TimeSpan.FromSeconds(2), $"One answer took {slowest}");
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(60), $"{Iterations} answers took {total.Elapsed}");
    }

    private const int Strategies = 6;

    private static readonly string[] WrongValues =
    {
        "5", "-1", "1e999", "\"x\"", "null", "true", "[]", "[1]", "[\"hi\"]", "{}", "{\"role\":5}", "[{}]", "[null]", "{\"function\":{}}",
        "[{\"type\":\"function\",\"function\":{\"name\":[]}}]", "\"\\ud800\"", "99999999999999999999",
    };

    private static byte[] Mutate(byte[] json, Random random, int strategy)
    {
        switch (strategy)
        {
            case 0: // truncation
                return json[..random.Next(json.Length)];
            case 1: // byte flips, invalid UTF-8 included
            {
                var bytes = (byte[])json.Clone();
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(0, 256);
                }

                return bytes;
            }

            case 2: // a value (after a colon) swapped for a wrong one
            {
                var text = Encoding.UTF8.GetString(json);
                var colons = Enumerable.Range(0, text.Length).Where(i => text[i] == ':').ToArray();
                var at = colons[random.Next(colons.Length)] + 1;
                var end = ValueEnd(text, at);
                return Encoding.UTF8.GetBytes(text.Remove(at, end - at).Insert(at, WrongValues[random.Next(WrongValues.Length)]));
            }

            case 3: // an array element swapped for a wrong one
            {
                var text = Encoding.UTF8.GetString(json);
                var opens = Enumerable.Range(0, text.Length).Where(i => text[i] == '[').ToArray();
                var at = opens[random.Next(opens.Length)] + 1;
                var end = ValueEnd(text, at);
                return Encoding.UTF8.GetBytes(text.Remove(at, end - at).Insert(at, WrongValues[random.Next(WrongValues.Length)]));
            }

            case 4: // invalid UTF-8 inside a string or a property name
            {
                var quotes = Enumerable.Range(0, json.Length).Where(i => json[i] == '"').ToArray();
                var at = quotes[random.Next(quotes.Length)] + 1;
                byte[][] bad = { new byte[] { 0xFF }, new byte[] { 0xC3, 0x28 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xC0, 0xAF } };
                return json[..at].Concat(bad[random.Next(bad.Length)]).Concat(json[at..]).ToArray();
            }

            default: // a field of the spec duplicated with a wrong value, or a required one removed
            {
                var text = Encoding.UTF8.GetString(json);
                var field = SpecBodies.Chat.Fields.Concat(SpecBodies.Embeddings.Fields).Select(f => f.Name).ToArray()[random.Next(SpecBodies.Chat.Fields.Count + SpecBodies.Embeddings.Fields.Count)];
                return Encoding.UTF8.GetBytes(random.Next(2) == 0
                    ? "{\"" + field + "\":" + WrongValues[random.Next(WrongValues.Length)] + "," + text[1..]
                    : text.Replace("\"model\":", "\"m0del\":", StringComparison.Ordinal));
            }
        }
    }

    /// <summary>Where the JSON value starting at <paramref name="at"/> ends (its matching bracket, or the next comma or closer).</summary>
    private static int ValueEnd(string text, int at)
    {
        var depth = 0;
        var inString = false;
        for (var i = at; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"': inString = true; break;
                case '[' or '{': depth++; break;
                case ']' or '}' when depth == 0: return i;
                case ']' or '}': depth--; break;
                case ',' when depth == 0: return i;
            }
        }

        return text.Length;
    }

    /// <summary>The text with '#' replaced by a lone continuation byte (0x80): invalid UTF-8.</summary>
    private static byte[] Utf8WithBadBytes(string text) => Encoding.UTF8.GetBytes(text).Select(b => b == (byte)'#' ? (byte)0x80 : b).ToArray();

    private static string Printable(byte[] body) => string.Concat(body.Take(600).Select(b => b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}"));
}
