using System;
using System.Linq;
using System.Text.Json;
using ClovaCodegen.Requests;
using Xunit;

namespace ClovaCodegen.Generator.Tests.StructuredOutputs;

/// <summary>
/// The generated readers' shortcuts (property names told apart by length, arrays collected in a pooled buffer, escaped
/// strings and short decimals read without System.Text.Json's general paths) read what System.Text.Json reads.
/// </summary>
public class GeneratedReaderAgreementTests
{
    [Fact]
    public void Escaped_property_names_are_still_recognised()
    {
        var answer = """{"\u0056endor":"GS25","T\u006ftal":1,"Currency":"KRW","Items":[{"\u004eame":"a","Quantity":1,"UnitPrice":2,"Tags":[]}],"Note":null,"IssuedAt":null}""";

        AssertReadsAsSystemTextJson(answer);
        Assert.Equal("GS25", Completion(answer).ReadAs<Invoice>().Vendor);
    }

    [Fact]
    public void Names_of_the_same_length_and_unknown_names_of_a_known_length_are_told_apart()
    {
        // "Name" and "Tags" share a length; "Nome" and "Vendors" are unknown and skipped, "Vendor" is not shadowed by them.
        var answer = """{"Vendors":[1,{"a":2}],"Vendor":"GS25","Total":1,"Currency":"USD","Items":[{"Nome":"x","Tags":["t"],"Name":"n","Quantity":3,"UnitPrice":0.5}],"Note":"n","IssuedAt":null}""";

        AssertReadsAsSystemTextJson(answer);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(40)]
    public void Lists_and_arrays_of_any_length_read_whole(int count)
    {
        var items = string.Join(",", Enumerable.Range(0, count).Select(i => $$"""{"Name":"메뉴 {{i}}","Quantity":{{i}},"UnitPrice":{{i}}.25,"Tags":[{{string.Join(",", Enumerable.Range(0, i % 20).Select(t => "\"t" + t + "\""))}}]}"""));
        var answer = $$"""{"Vendor":"\uAE40\uBC25","Total":-0.5,"Currency":"KRW","Items":[{{items}}],"Note":"\"line\"\n\uD83D\uDE00","IssuedAt":"2026-12-01T09:30:00+09:00"}""";

        var invoice = AssertReadsAsSystemTextJson(answer);
        Assert.Equal(count, invoice.Items.Count);
    }

    [Fact]
    public void An_unpaired_surrogate_escape_is_a_clear_exception_carrying_the_raw_text()
    {
        var answer = """{"Vendor":"\uD800","Total":1,"Currency":"KRW","Items":[],"Note":null,"IssuedAt":null}""";

        var error = Assert.Throws<ClovaStructuredOutputException>(() => Completion(answer).ReadAs<Invoice>());

        Assert.Equal(answer, error.RawText);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        var theirs = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(answer, CorpusJsonContext.Default.Invoice));
        Assert.IsType<InvalidOperationException>(theirs.InnerException);
    }

    private static Invoice AssertReadsAsSystemTextJson(string answer)
    {
        var theirs = JsonSerializer.Deserialize(answer, CorpusJsonContext.Default.Invoice)!;
        var ours = Completion(answer).ReadAs<Invoice>();

        Assert.Equal(theirs with { Items = ours.Items }, ours);
        Assert.Equal(theirs.Items.Count, ours.Items.Count);
        for (var i = 0; i < ours.Items.Count; i++)
        {
            Assert.Equal(theirs.Items[i] with { Tags = ours.Items[i].Tags }, ours.Items[i]);
            Assert.Equal(theirs.Items[i].Tags, ours.Items[i].Tags);
        }

        return ours;
    }

    private static ClovaChatCompletion Completion(string content) => new()
    {
        Choices = new[] { new ClovaChatChoice { Message = new ClovaChatResponseMessage { Role = "assistant", Content = content } } },
    };
}
