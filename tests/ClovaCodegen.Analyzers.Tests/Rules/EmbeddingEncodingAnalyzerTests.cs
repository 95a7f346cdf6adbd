using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

public class EmbeddingEncodingAnalyzerTests
{
    [Fact]
    public Task Sdk_embedding_calls_warn_unless_the_options_patch_encoding_format() => AnalyzerHarness.VerifyAsync("""
        using OpenAI.Embeddings;
        var client = new EmbeddingClient("bge-m3", "nv-not-a-real-key");
        {|CLOVA002:client.GenerateEmbedding("a")|};
        static void Patched(EmbeddingClient c)
        {
            var options = new EmbeddingGenerationOptions();
            options.Patch.Set("$.encoding_format"u8, "float");
            c.GenerateEmbedding("a", options);
        }
        """.Replace("\"nv-not-a-real-key\"", "System.Environment.GetEnvironmentVariable(\"K\")!"));

    [Fact]
    public Task Clients_from_ClovaOpenAI_are_trusted_and_meai_generators_from_plain_clients_warn() => AnalyzerHarness.VerifyAsync("""
        using Microsoft.Extensions.AI;
        using OpenAI.Embeddings;
        var key = System.Environment.GetEnvironmentVariable("K")!;
        var plain = new EmbeddingClient("bge-m3", key);
        var generator = {|CLOVA002:plain.AsIEmbeddingGenerator()|};
        var clova = ClovaCodegen.OpenAI.ClovaOpenAI.CreateClient(key).GetEmbeddingClient("bge-m3");
        clova.GenerateEmbedding("a");
        var trusted = clova.AsIEmbeddingGenerator();
        System.Console.WriteLine($"{generator}{trusted}");
        """);

    [Fact]
    public Task Raw_embedding_bodies_without_float_warn() => AnalyzerHarness.VerifyAsync("""
        using System.Collections.Generic;
        var missing = {|CLOVA002:new|} { model = "bge-m3", input = "a" };
        var wrong = new Dictionary<string, object> { ["model"] = "bge-m3", ["input"] = "a", ["encoding_format"] = {|CLOVA002:"base64"|} };
        var good = new { model = "bge-m3", input = "a", encoding_format = "float" };
        var chat = new { model = "HCX-005", messages = new object[0], max_tokens = 10 };
        System.Console.WriteLine($"{missing}{wrong}{good}{chat}");
        """);

    [Fact]
    public async Task Fix_creates_the_client_with_ClovaOpenAI_options()
    {
        const string source = """
            using System;
            using System.ClientModel;
            using OpenAI;
            var client = new OpenAIClient(new ApiKeyCredential(Environment.GetEnvironmentVariable("K")!), new OpenAIClientOptions { Endpoint = new Uri("https://clovastudio.stream.ntruss.com/v1/openai/") });
            var embeddings = client.GetEmbeddingClient("bge-m3");
            embeddings.GenerateEmbedding("a");
            """;

        var fixedSource = await AnalyzerHarness.FixAsync(source, "CLOVA002", new EmbeddingEncodingFixer());

        Assert.Equal("""
            using System;
            using System.ClientModel;
            using ClovaCodegen.OpenAI;
            using OpenAI;
            var client = new OpenAIClient(new ApiKeyCredential(Environment.GetEnvironmentVariable("K")!), ClovaOpenAI.CreateClientOptions(new Uri("https://clovastudio.stream.ntruss.com/v1/openai/")));
            var embeddings = client.GetEmbeddingClient("bge-m3");
            embeddings.GenerateEmbedding("a");
            """, fixedSource);
        Assert.DoesNotContain(await AnalyzerHarness.AnalyzeAsync(fixedSource), d => d.Id == "CLOVA002");
    }

    [Fact]
    public async Task Fix_all_adds_or_corrects_the_field_of_raw_bodies_keeping_their_layout()
    {
        const string source = """
            using System.Collections.Generic;
            var missing = new { model = "bge-m3", input = "a" };
            var multiline = new Dictionary<string, object>
            {
                ["model"] = "bge-m3",
                ["input"] = "a",
            };
            var wrong = new Dictionary<string, object> { ["model"] = "bge-m3", ["input"] = "a", ["encoding_format"] = "base64" };
            System.Console.WriteLine($"{missing}{multiline}{wrong}");
            """;

        var fixedSource = await AnalyzerHarness.FixAsync(source, "CLOVA002", new EmbeddingEncodingFixer(), fixAll: true);

        Assert.Equal("""
            using System.Collections.Generic;
            var missing = new { model = "bge-m3", input = "a", encoding_format = "float" };
            var multiline = new Dictionary<string, object>
            {
                ["model"] = "bge-m3",
                ["input"] = "a",
                ["encoding_format"] = "float",
            };
            var wrong = new Dictionary<string, object> { ["model"] = "bge-m3", ["input"] = "a", ["encoding_format"] = "float" };
            System.Console.WriteLine($"{missing}{multiline}{wrong}");
            """, fixedSource);
    }
}
