using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClovaCodegen.Requests;
using Xunit;

namespace ClovaCodegen.Generator.Tests.StructuredOutputs;

/// <summary>What the generator wrote for the corpus: the response_format on the wire, and answers read back through the generated readers.</summary>
public class GeneratedStructuredOutputTests
{
    private const string InvoiceJson = """
        {"Vendor":"김밥천국","Total":12000.5,"Currency":"KRW","Items":[{"Name":"김밥","Quantity":2,"UnitPrice":3500,"Tags":["rice"]},{"Name":"라면","Quantity":1,"UnitPrice":5000.5,"Tags":[]}],"Note":null,"IssuedAt":"2026-12-01T09:30:00+09:00"}
        """;

    [Fact]
    public void ResponseFormat_of_T_writes_a_strict_json_schema_response_format()
    {
        var body = ChatCompletionRequest.Create("HCX-007").User("Read this receipt").ResponseFormat<Invoice>().Build().ToUtf8Json();

        var format = JsonNode.Parse(body)!["response_format"]!;
        Assert.Equal("json_schema", (string?)format["type"]);
        Assert.Equal("Invoice", (string?)format["json_schema"]!["name"]);
        Assert.True((bool)format["json_schema"]!["strict"]!);
        var schema = format["json_schema"]!["schema"]!;
        Assert.Equal("object", (string?)schema["type"]);
        Assert.Equal("An invoice read from a receipt.", (string?)schema["description"]);
        Assert.Equal("Who sold it", (string?)schema["properties"]!["Vendor"]!["description"]);
        Assert.Equal(new[] { "Vendor", "Total", "Currency", "Items", "Note", "IssuedAt" }, schema["required"]!.AsArray().Select(n => (string?)n));
        Assert.False((bool)schema["additionalProperties"]!);
        Assert.Equal("""{"type":"string","enum":["KRW","USD"]}""", schema["properties"]!["Currency"]!.ToJsonString());
        Assert.Equal("""["string","null"]""", schema["properties"]!["Note"]!["type"]!.ToJsonString());
        Assert.Equal("""{"type":"integer"}""", schema["properties"]!["Items"]!["items"]!["properties"]!["Quantity"]!.ToJsonString());
    }

    [Fact]
    public void The_attribute_name_and_json_property_names_reach_the_wire()
    {
        var format = ClovaStructuredOutputs.For<WeatherReport>();

        Assert.Equal("weather_report", format.Name);
        var schema = JsonNode.Parse(format.SchemaJson)!;
        Assert.Equal("Degrees Celsius", (string?)schema["properties"]!["temperature_c"]!["description"]);
        Assert.Equal("""{"type":["string","null"],"enum":["KRW","USD",null]}""", schema["properties"]!["Fee"]!.ToJsonString());
        Assert.Null(schema["properties"]!["HourCount"]);
        Assert.Equal(format.ResponseFormatJson, Encoding.UTF8.GetString(format.ResponseFormatUtf8.Span));
    }

    [Fact]
    public void JsonObjectResponse_writes_json_mode()
    {
        var body = ChatCompletionRequest.Create("HCX-007").User("JSON please").JsonObjectResponse().Build().ToUtf8Json();

        Assert.Equal("""{"type":"json_object"}""", JsonNode.Parse(body)!["response_format"]!.ToJsonString());
    }

    [Fact]
    public void ReadAs_reads_records_enums_nullables_lists_and_nested_records()
    {
        var invoice = Completion(InvoiceJson).ReadAs<Invoice>();

        Assert.Equal(("김밥천국", 12000.5m, Currency.KRW, null, new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(9))), (invoice.Vendor, invoice.Total, invoice.Currency, invoice.Note, invoice.IssuedAt));
        Assert.Equal(2, invoice.Items.Count);
        Assert.Equal(("라면", 1, 5000.5), (invoice.Items[1].Name, invoice.Items[1].Quantity, invoice.Items[1].UnitPrice));
        Assert.Equal(new[] { "rice" }, invoice.Items[0].Tags);
        Assert.Empty(invoice.Items[1].Tags);
    }

    [Fact]
    public void ReadAs_reads_a_class_with_setters_and_init_and_a_struct()
    {
        var report = Completion("""{"City":"Seoul","temperature_c":-3.5,"Fee":null,"Hourly":[1,2,3],"Sunny":true,"Extra":{"Name":"umbrella","Quantity":1,"UnitPrice":0,"Tags":["rain"]},"Unknown":{"ignored":[1]}}""").ReadAs<WeatherReport>();
        var point = ClovaStructuredOutputs.For<Point>().Read("""{"X":1,"Y":9007199254740993}""");

        Assert.Equal(("Seoul", -3.5, (Currency?)null, true), (report.City, report.TemperatureC, report.Fee, report.Sunny));
        Assert.Equal(new[] { 1, 2, 3 }, report.Hourly);
        Assert.Equal("umbrella", report.Extra!.Name);
        Assert.Equal(new Point(1, 9007199254740993), point);
    }

    public static TheoryData<string, string, string> Misfits => new()
    {
        // answer, expected JsonPath, words the message must contain
        { InvoiceJson.Replace("\"Quantity\":1", "\"Quantity\":\"one\""), "$.Items[1].Quantity", "Expected an integer, found a string" },
        { InvoiceJson.Replace("\"KRW\"", "\"EUR\""), "$.Currency", "'EUR' is not a ClovaCodegen.Generator.Tests.StructuredOutputs.Currency" },
        { InvoiceJson.Replace("\"Vendor\":\"김밥천국\",", ""), "", "Required property 'Vendor' is missing" },
        { InvoiceJson.Replace("\"Quantity\":2", "\"Quantity\":2147483648"), "$.Items[0].Quantity", "does not fit Int32" },
        { "Sure! Here is the invoice: {}", "", "'S' is an invalid start of a value" },
        { InvoiceJson + " {}", "", "" },
    };

    [Theory]
    [MemberData(nameof(Misfits))]
    public void An_answer_that_does_not_fit_is_a_clear_exception_carrying_the_raw_text(string answer, string path, string words)
    {
        var error = Assert.Throws<ClovaStructuredOutputException>(() => Completion(answer).ReadAs<Invoice>());

        Assert.Equal(answer, error.RawText);
        Assert.Equal(typeof(Invoice).FullName, error.TargetType);
        Assert.Equal(path, error.JsonPath ?? "");
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
        Assert.Contains("Invoice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tool_call_answer_has_no_text_to_read()
    {
        var completion = Completion("{}");
        completion.Choices[0].Message.Content = null;

        var error = Assert.Throws<ClovaStructuredOutputException>(() => completion.ReadAs<Invoice>());

        Assert.Contains("no text content", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unmarked_type_is_named_in_the_exception()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ChatCompletionRequest.Create("HCX-007").ResponseFormat<LineItem>());

        Assert.Contains(typeof(LineItem).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("[ClovaCodegen.ClovaStructuredOutput]", error.Message, StringComparison.Ordinal);
    }

    private static ClovaChatCompletion Completion(string content) => new()
    {
        Choices = new[] { new ClovaChatChoice { Message = new ClovaChatResponseMessage { Role = "assistant", Content = content } } },
    };
}
