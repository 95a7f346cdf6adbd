using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using ClovaCodegen.Requests;
using Xunit;

namespace ClovaCodegen.Runtime.Tests;

/// <summary>A structured-output type for the round trip: a record, an enum, a nullable, a list of nested records.</summary>
[ClovaStructuredOutput]
[Description("What the receipt says.")]
public sealed record Receipt(string Shop, Payment Payment, int? Points, IReadOnlyList<ReceiptLine> Lines);

/// <summary>How a receipt was paid.</summary>
public enum Payment
{
    Card,
    Cash,
}

/// <summary>One line of a receipt.</summary>
public sealed record ReceiptLine([Description("What was bought")] string Item, double Price);

/// <summary>
/// Issue 20, structured outputs end to end: the generated builder asks for <c>Receipt</c>'s schema, the emulator answers
/// with JSON generated from that schema, and the generated reader turns it back into a <c>Receipt</c>.
/// </summary>
public sealed class StructuredOutputRoundTripTests
{
    [Fact]
    public async Task Builder_to_emulator_to_ReadAs_round_trips()
    {
        await using var emulator = await ClovaStudioEmulator.StartInMemoryAsync();
        using var client = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = ClovaStudioEmulator.TestApiKey, Endpoint = emulator.BaseUrl, MaxRetries = 0 }, new HttpClient(emulator.CreateHandler()));

        var request = ChatCompletionRequest.Create("HCX-007").User("Read this receipt").ResponseFormat<Receipt>().Build();
        var completion = await client.CompleteChatAsync(request);
        var receipt = completion.ReadAs<Receipt>();

        var sent = emulator.Requests.Last();
        Assert.True(sent.SpecAccepted, string.Join("; ", sent.Problems));
        Assert.Equal("json_schema", sent.Json!.Value.GetProperty("response_format").GetProperty("type").GetString());
        Assert.Equal("Shop: Read this receipt", receipt.Shop);
        Assert.Equal(Payment.Card, receipt.Payment);
        Assert.Equal(1, receipt.Points);
        var line = Assert.Single(receipt.Lines);
        Assert.Equal(("Item: Read this receipt", 1.5), (line.Item, line.Price));
    }

    [Fact]
    public async Task A_scripted_answer_that_does_not_fit_comes_back_as_an_exception_with_the_raw_text()
    {
        await using var emulator = await ClovaStudioEmulator.StartInMemoryAsync();
        emulator.ScriptedAnswers.EnqueueText("""{"Shop":"GS25","Payment":"Bitcoin","Points":null,"Lines":[]}""");
        using var client = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = ClovaStudioEmulator.TestApiKey, Endpoint = emulator.BaseUrl, MaxRetries = 0 }, new HttpClient(emulator.CreateHandler()));

        var completion = await client.CompleteChatAsync(ChatCompletionRequest.Create("HCX-007").User("Read it").ResponseFormat<Receipt>().Build());
        var error = Assert.Throws<ClovaStructuredOutputException>(() => completion.ReadAs<Receipt>());

        Assert.Equal("""{"Shop":"GS25","Payment":"Bitcoin","Points":null,"Lines":[]}""", error.RawText);
        Assert.Equal("$.Payment", error.JsonPath);
        Assert.Contains("'Bitcoin' is not a ClovaCodegen.Runtime.Tests.Payment; expected one of Card, Cash", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emulator_refuses_a_malformed_schema_before_the_client_reads_anything()
    {
        await using var emulator = await ClovaStudioEmulator.StartInMemoryAsync();
        using var client = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = ClovaStudioEmulator.TestApiKey, Endpoint = emulator.BaseUrl, MaxRetries = 0 }, new HttpClient(emulator.CreateHandler()));

        var malformed = ChatCompletionRequest.Create("HCX-007").User("Read it").ResponseFormat("""{"type":"json_schema","json_schema":{"name":"receipt","schema":{"type":"object","required":["Shop"]}}}""").Build();
        var error = await Assert.ThrowsAsync<ClovaStudioException>(() => client.CompleteChatAsync(malformed));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("'required' names 'Shop'", error.Message, System.StringComparison.Ordinal);
    }
}
