using System.Collections.Generic;
using System.Threading.Tasks;
using ClovaCodegen.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace ClovaCodegen.EndToEnd.Tests;

/// <summary>A consumer app built from the packed package: the generated builders compile and run against the emulator.</summary>
public class PackagedAppRunsTests : IClassFixture<PackagedFeed>
{
    private const string Program = """
        using System;
        using ClovaCodegen;
        using ClovaCodegen.Requests;

        using var client = new ClovaStudioClient(new ClovaStudioClientOptions
        {
            ApiKey = Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY"),
            Endpoint = new Uri(Environment.GetEnvironmentVariable("CLOVA_STUDIO_BASE_URL")!),
        });
        var request = ChatCompletionRequest.Create("HCX-005").User("packaged hello").TopK(10).MaxTokens(64).Build();
        var completion = await client.CompleteChatAsync(request);
        Console.WriteLine("chat=" + completion.Choices[0].Message.Content);
        var text = "";
        await foreach (var chunk in client.StreamChatAsync(request))
        {
            text += chunk.Choices[0].Delta.Content;
        }

        Console.WriteLine("stream=" + text);
        var embeddings = await client.CreateEmbeddingsAsync(EmbeddingRequest.Create("bge-m3").Input("x").Build());
        Console.WriteLine("dimensions=" + embeddings.Data[0].Embedding.Length);
        """;

    private readonly PackagedFeed _feed;

    public PackagedAppRunsTests(PackagedFeed feed) => _feed = feed;

    /// <summary>The app (built with the others of ConsumerBatch).</summary>
    internal static Dictionary<string, string> Consumer() =>
        ConsumerTemplates.Files(ConsumerTemplates.Project("net10.0", "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>", withOpenAI: false), Program);

    [Fact]
    public async Task Generated_builders_from_the_package_run_against_the_emulator()
    {
        await using var emulator = await ClovaCodegen.Emulator.ClovaStudioEmulator.StartAsync();
        var (consumer, build) = await ConsumerBatch.BuildAsync(_feed, "app");

        build.EnsureSuccess("building the packaged app");
        var run = await consumer.RunAsync(new Dictionary<string, string>
        {
            ["CLOVA_STUDIO_BASE_URL"] = emulator.BaseUrl.ToString(),
            ["CLOVA_STUDIO_API_KEY"] = "nv-e2e-0000000000000000fake",
        });

        run.EnsureSuccess("running the packaged app");
        Assert.Contains("chat=Echo: packaged hello", run.Output);
        Assert.Contains("stream=Echo: packaged hello", run.Output);
        Assert.Contains("dimensions=1024", run.Output);
    }
}
