using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using ClovaCodegen.OpenAI;
using Microsoft.SemanticKernel;
using Xunit;

namespace ClovaCodegen.SemanticKernel.Tests;

/// <summary>
/// Semantic Kernel pointed at the in-memory emulator, which records every request body as it arrived: what SK itself
/// puts on the wire, with nothing of ours in between (<see cref="StockKernel"/>), or over ClovaOpenAI's client.
/// </summary>
public abstract class SemanticKernelEmulator : IAsyncLifetime
{
    /// <summary>An obviously fake key: nothing here reaches CLOVA Studio.</summary>
    protected const string FakeKey = "nv-fake-semantic-kernel-key";

    protected ClovaStudioEmulator Clova { get; private set; } = null!;

    public async Task InitializeAsync() => Clova = await ClovaStudioEmulator.StartInMemoryAsync();

    public async Task DisposeAsync() => await Clova.DisposeAsync();

    /// <summary>SK's OpenAI connector as an SK user registers it against CLOVA's URL, with nothing of ClovaCodegen's.</summary>
    protected Kernel StockKernel() => Kernel.CreateBuilder()
        .AddOpenAIChatCompletion("HCX-005", Clova.BaseUrl, FakeKey, httpClient: new HttpClient(Clova.CreateHandler()))
        .AddOpenAIEmbeddingGenerator("bge-m3", FakeKey, httpClient: EmbeddingHttpClient())
        .Build();

    /// <summary>
    /// SK's embedding registration takes no endpoint: a custom one comes with the HttpClient's BaseAddress (SK's own advice).
    /// </summary>
    private HttpClient EmbeddingHttpClient() => new(Clova.CreateHandler()) { BaseAddress = Clova.BaseUrl };

    /// <summary>The supported path: SK's registrations over <see cref="ClovaOpenAI"/>'s client (its compatibility policy).</summary>
    protected Kernel ClovaKernel()
    {
        var options = ClovaOpenAI.CreateClientOptions(Clova.BaseUrl);
        options.Transport = new HttpClientPipelineTransport(new HttpClient(Clova.CreateHandler()));
        var client = new global::OpenAI.OpenAIClient(new ApiKeyCredential(FakeKey), options);
        return Kernel.CreateBuilder()
            .AddOpenAIChatCompletion("HCX-005", client)
            .AddOpenAIEmbeddingGenerator("bge-m3", client)
            .Build();
    }

    /// <summary>
    /// Runs one SK call and returns the request it sent. Calls the emulator refuses (it answers 400 for what CLOVA Studio
    /// rejects) still leave their record; that refusal is what the caller asserts on, not an error of the test.
    /// </summary>
    protected async Task<RecordedRequest> SendOneAsync(Func<Task> call)
    {
        Clova.ClearRequests();
        try
        {
            await call();
        }
        catch (Exception error) when (error is HttpOperationException or ClientResultException)
        {
        }

        return Assert.Single(Clova.Requests);
    }

    /// <summary>The fields of a recorded body beyond the two every chat request has, with their JSON text.</summary>
    protected static Dictionary<string, string> ExtraFields(RecordedRequest request) =>
        request.Json!.Value.EnumerateObject()
            .Where(p => p.Name is not ("messages" or "model"))
            .ToDictionary(p => p.Name, p => p.Value.GetRawText(), StringComparer.Ordinal);

    protected static string Compact(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
