using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using ClovaCodegen.Requests;
using Xunit;

namespace ClovaCodegen.Runtime.Tests;

/// <summary>A structured-output type that contains itself, for the round trip.</summary>
[ClovaStructuredOutput]
public sealed record CategoryTree(string Name, List<CategoryTree> Children);

/// <summary>
/// Issue 20, recursive structured outputs end to end: the builder sends a schema with <c>"$ref":"#"</c>, the emulator
/// accepts it and answers with a finite tree that fits it, and the generated reader reads the tree back.
/// </summary>
public sealed class RecursiveStructuredOutputRoundTripTests
{
    [Fact]
    public async Task A_recursive_type_round_trips_through_the_emulator()
    {
        await using var emulator = await ClovaStudioEmulator.StartInMemoryAsync();
        using var client = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = ClovaStudioEmulator.TestApiKey, Endpoint = emulator.BaseUrl, MaxRetries = 0 }, new HttpClient(emulator.CreateHandler()));

        var completion = await client.CompleteChatAsync(ChatCompletionRequest.Create("HCX-007").User("Sort the menu").ResponseFormat<CategoryTree>().Build());
        var tree = completion.ReadAs<CategoryTree>();

        var sent = emulator.Requests.Last();
        Assert.True(sent.SpecAccepted, string.Join("; ", sent.Problems));
        Assert.Contains("\"$ref\":\"#\"", sent.Json!.Value.GetProperty("response_format").GetRawText(), System.StringComparison.Ordinal);
        Assert.Equal("Name: Sort the menu", tree.Name);
        var leaf = Assert.Single(Assert.Single(tree.Children).Children);
        Assert.Empty(leaf.Children);
    }
}
