using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.Spec.Model;
using Xunit;

namespace ClovaCodegen.Emulator.Tests;

/// <summary>
/// The emulator checks every field's type, documented range and allowed values as the spec declares them, and names the
/// field in its 400. The cases are generated from the spec, so a field added there is checked without a new test.
/// </summary>
public sealed class FieldValidationTests : EmulatorTest
{
    private static readonly string[] ValuesOfEachKind = { "\"text\"", "1.5", "true", "[1]", "{\"a\":1}" };

    /// <summary>Every (endpoint, field, value) where the value's JSON kind is not one the field's declared type admits.</summary>
    public static TheoryData<string, string, string> WrongTypes()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (endpoint, field) in AcceptedFields())
        {
            foreach (var value in ValuesOfEachKind.Where(v => !Admits(field.Type, v)))
            {
                data.Add(endpoint.Id, field.Name, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public async Task A_value_of_a_type_the_spec_does_not_declare_is_400_naming_the_field(string endpointId, string field, string value)
    {
        var answer = await Http.PostAsync(PathOf(endpointId), BodyWith(endpointId, field, value));

        AssertNames(answer.AssertError(400, $"{field}: {value}"), field);
    }

    /// <summary>Every value just outside a range the spec documents (fields it does not mark uncertain), and just inside.</summary>
    public static TheoryData<string, string, string, bool> RangeEdges()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var (endpoint, field) in AcceptedFields().Where(x => x.Field.Range is not null && !x.Field.Uncertain))
        {
            var range = field.Range!;
            var step = (field.Type & JsonFieldType.Number) != 0 ? 0.01 : 1;
            if (range.Minimum is { } min)
            {
                data.Add(endpoint.Id, field.Name, Format(range.ExclusiveMinimum ? min : min - step), false);
                data.Add(endpoint.Id, field.Name, Format(range.ExclusiveMinimum ? min + step : min), true);
            }

            if (range.Maximum is { } max)
            {
                data.Add(endpoint.Id, field.Name, Format(range.ExclusiveMaximum ? max : max + step), false);
                data.Add(endpoint.Id, field.Name, Format(range.ExclusiveMaximum ? max - step : max), true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RangeEdges))]
    public async Task Documented_ranges_are_enforced_at_their_edges(string endpointId, string field, string value, bool inside)
    {
        var answer = await Http.PostAsync(PathOf(endpointId), BodyWith(endpointId, field, value));

        if (inside)
        {
            answer.AssertOk($"{field}: {value}");
        }
        else
        {
            AssertNames(answer.AssertError(400, $"{field}: {value}"), field);
        }
    }

    /// <summary>The values issue 15 found answered 200.</summary>
    [Theory]
    [InlineData("temperature", "\"hot\"")]
    [InlineData("max_tokens", "\"lots\"")]
    [InlineData("stream", "\"yes\"")]
    [InlineData("temperature", "-1")]
    [InlineData("temperature", "99")]
    [InlineData("max_tokens", "0")]
    [InlineData("max_tokens", "1000000000000")]
    [InlineData("max_tokens", "1.5")]
    [InlineData("top_k", "1000")]
    [InlineData("repetition_penalty", "0")]
    [InlineData("top_p", "1e999")]
    [InlineData("tool_choice", "\"sometimes\"")]
    [InlineData("model", "null")]
    [InlineData("messages", "null")]
    public async Task Chat_values_out_of_type_or_range_are_400_naming_the_field(string field, string value)
    {
        var answer = await Http.PostAsync("chat/completions", BodyWith(EndpointSpec.ChatCompletions, field, value));

        AssertNames(answer.AssertError(400, $"{field}: {value}"), field);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("null")]
    [InlineData("\"base64\"")]
    public async Task Encoding_format_other_than_float_is_400(string value)
    {
        var answer = await Http.PostAsync("embeddings", BodyWith(EndpointSpec.Embeddings, "encoding_format", value));

        AssertNames(answer.AssertError(400, value), "encoding_format");
    }

    [Fact]
    public async Task Optional_fields_given_as_null_mean_absent()
    {
        var answer = await Http.PostAsync("chat/completions", BodyWith(EndpointSpec.ChatCompletions, "temperature", "null"));

        answer.AssertOk();
    }

    [Fact]
    public async Task A_required_field_left_out_is_400_naming_it()
    {
        var answer = await Http.PostAsync("embeddings", """{"model":"bge-m3","encoding_format":"float"}""");

        AssertNames(answer.AssertError(400), "input");
    }

    [Fact]
    public async Task Tool_choice_naming_a_function_missing_from_tools_is_400()
    {
        var body = BodyWith(EndpointSpec.ChatCompletions, "tools", SpecBodies.Tools)[..^1] + ""","tool_choice":{"type":"function","function":{"name":"not_offered"}}}""";

        var answer = await Http.PostAsync("chat/completions", body);

        var error = answer.AssertError(400);
        AssertNames(error, "tool_choice");
        Assert.Contains("not_offered", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tool_choice_naming_an_offered_function_is_obeyed()
    {
        var body = BodyWith(EndpointSpec.ChatCompletions, "tools", SpecBodies.Tools)[..^1] + ""","tool_choice":{"type":"function","function":{"name":"lookup"}}}""";

        var answer = await Http.PostAsync("chat/completions", body);

        answer.AssertOk();
        Assert.Contains("\"name\":\"lookup\"", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unverified_ranges_are_accepted_by_default_and_rejected_when_asked()
    {
        var uncertain = SpecBodies.Embeddings.Fields.Single(f => f.Uncertain && f.Range?.Minimum is not null);
        var below = Format(uncertain.Range!.Minimum!.Value - 1);
        var body = BodyWith(EndpointSpec.Embeddings, uncertain.Name, below);

        (await Http.PostAsync("embeddings", body)).AssertOk();

        Emulator.Options.UnverifiedRanges = UnverifiedRangePolicy.Reject;
        AssertNames((await Http.PostAsync("embeddings", body)).AssertError(400), uncertain.Name);

        // The type is checked whatever the policy: only the range is unverified.
        Emulator.Options.UnverifiedRanges = UnverifiedRangePolicy.Accept;
        AssertNames((await Http.PostAsync("embeddings", BodyWith(EndpointSpec.Embeddings, uncertain.Name, "\"many\""))).AssertError(400), uncertain.Name);
    }

    private static void AssertNames(System.Text.Json.JsonElement error, string field)
    {
        Assert.Equal(field, error.GetProperty("param").GetString());
        Assert.Contains(field, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static System.Collections.Generic.IEnumerable<(EndpointSpec Endpoint, FieldSpec Field)> AcceptedFields() =>
        new[] { SpecBodies.Chat, SpecBodies.Embeddings }.SelectMany(e => e.Fields.Where(f => f.Status != FieldStatus.Unsupported && f.Type != JsonFieldType.None).Select(f => (e, f)));

    private static bool Admits(JsonFieldType type, string value) => value[0] switch
    {
        '"' => (type & JsonFieldType.String) != 0,
        't' => (type & JsonFieldType.Boolean) != 0,
        '[' => (type & JsonFieldType.Array) != 0,
        '{' => (type & JsonFieldType.Object) != 0,
        _ => (type & JsonFieldType.Number) != 0, // 1.5: a number, not an integer
    };

    private static string PathOf(string endpointId) => endpointId == EndpointSpec.Embeddings ? "embeddings" : "chat/completions";

    /// <summary>A valid body of the endpoint with one field set to <paramref name="value"/> (raw JSON).</summary>
    private static string BodyWith(string endpointId, string field, string value)
    {
        var valid = endpointId == EndpointSpec.Embeddings
            ? """{"model":"bge-m3","input":"hello","encoding_format":"float"}"""
            : $$"""{"model":"HCX-005","messages":{{SpecBodies.Messages}}}""";
        using var document = System.Text.Json.JsonDocument.Parse(valid);
        var parts = document.RootElement.EnumerateObject().Where(p => p.Name != field).Select(p => $"\"{p.Name}\":{p.Value.GetRawText()}");
        return "{" + string.Join(",", parts.Append($"\"{field}\":{value}")) + "}";
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
