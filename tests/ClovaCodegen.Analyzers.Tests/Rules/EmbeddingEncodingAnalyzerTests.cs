using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

public class EmbeddingEncodingAnalyzerTests
{
    [Fact]
    public Task Sdk_embedding_calls_warn_unless_the_options_patch_encoding_format() => ClovaVerifier.VerifyAsync("""
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
    public Task Clients_from_ClovaOpenAI_are_trusted_and_meai_generators_from_plain_clients_warn() => ClovaVerifier.VerifyAsync("""
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
    public Task Clients_kept_in_fields_are_followed_to_their_initializers_and_constructors() => ClovaVerifier.VerifyAsync("""
        using System;
        using System.ClientModel;
        using System.ClientModel.Primitives;
        using ClovaCodegen.OpenAI;
        using OpenAI;
        using OpenAI.Embeddings;

        Console.WriteLine();

        public sealed class FromConstructor
        {
            private readonly EmbeddingClient _embeddings;

            public FromConstructor(string key)
            {
                var options = ClovaOpenAI.CreateClientOptions(new Uri("https://clovastudio.stream.ntruss.com/v1/openai/"));
                var client = new OpenAIClient(new ApiKeyCredential(key), options);
                _embeddings = client.GetEmbeddingClient("bge-m3");
            }

            public object Embed(string text) => _embeddings.GenerateEmbedding(text);
        }

        public sealed class PolicyAdded
        {
            private static readonly OpenAIClientOptions Options = new() { Endpoint = new Uri("https://clovastudio.stream.ntruss.com/v1/openai/") };
            private readonly EmbeddingClient _embeddings;

            static PolicyAdded() => Options.AddPolicy(new ClovaCompatibilityPolicy(), PipelinePosition.PerCall);

            public PolicyAdded(string key) => _embeddings = new OpenAIClient(new ApiKeyCredential(key), Options).GetEmbeddingClient("bge-m3");

            public object Embed(string text) => _embeddings.GenerateEmbedding(text);
        }

        public sealed class Plain
        {
            private readonly EmbeddingClient _embeddings = new OpenAIClient(new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = new Uri("https://clovastudio.stream.ntruss.com/v1/openai/") }).GetEmbeddingClient("bge-m3");

            public object Embed(string text) => {|CLOVA002:_embeddings.GenerateEmbedding(text)|};
        }

        public sealed class PolicyElsewhere
        {
            // Another type's options prove nothing about this client.
            private readonly EmbeddingClient _embeddings;

            public PolicyElsewhere(OpenAIClient client) => _embeddings = client.GetEmbeddingClient("bge-m3");

            public object Embed(string text) => {|CLOVA002:_embeddings.GenerateEmbedding(text)|};

            public static OpenAIClientOptions Unrelated() => ClovaOpenAI.CreateClientOptions();
        }
        """);

    [Fact]
    public Task A_policy_default_that_an_object_initializer_overwrites_does_not_make_the_client_send_float() => ClovaVerifier.VerifyAsync("""
        using System.ClientModel;
        using ClovaCodegen.OpenAI;
        using OpenAI;
        using OpenAI.Embeddings;

        System.Console.WriteLine();

        public sealed class Settings
        {
            public OpenAIClientOptions Options { get; set; } = ClovaOpenAI.CreateClientOptions();

            public static object Embed(string key, string text)
            {
                // The initializer replaces the policy's options with plain ones: this client sends base64.
                var settings = new Settings { Options = new OpenAIClientOptions() };
                var client = new OpenAIClient(new ApiKeyCredential(key), settings.Options);
                return {|CLOVA002:client.GetEmbeddingClient("bge-m3").GenerateEmbedding(text)|};
            }
        }
        """);

    [Fact]
    public Task A_policy_default_of_an_object_made_in_the_method_makes_the_client_send_float() => ClovaVerifier.VerifyAsync("""
        using System.ClientModel;
        using ClovaCodegen.OpenAI;
        using OpenAI;
        using OpenAI.Embeddings;

        System.Console.WriteLine();

        public sealed class Settings
        {
            public OpenAIClientOptions Options { get; set; } = ClovaOpenAI.CreateClientOptions();

            public string Model = "bge-m3";
        }

        public static class Embeddings
        {
            public static object Kept(string key, string text)
            {
                // Made here without Options set: it holds the policy's options its declaration gives it.
                var settings = new Settings { Model = "bge-m3" };
                var client = new OpenAIClient(new ApiKeyCredential(key), settings.Options);
                return client.GetEmbeddingClient(settings.Model).GenerateEmbedding(text);
            }

            public static object Replaced(string key, string text)
            {
                var settings = new Settings();
                settings.Options = new OpenAIClientOptions();
                var client = new OpenAIClient(new ApiKeyCredential(key), settings.Options);
                return {|CLOVA002:client.GetEmbeddingClient(settings.Model).GenerateEmbedding(text)|};
            }

            public static object Given(string key, string text, Settings settings)
            {
                // A parameter's object was made elsewhere: nothing shows what its Options hold.
                var client = new OpenAIClient(new ApiKeyCredential(key), settings.Options);
                return {|CLOVA002:client.GetEmbeddingClient(settings.Model).GenerateEmbedding(text)|};
            }
        }
        """);

    [Fact]
    public Task Raw_embedding_bodies_without_float_warn() => ClovaVerifier.VerifyAsync("""
        using System.Collections.Generic;
        var missing = {|CLOVA002:new|} { model = "bge-m3", input = "a" };
        var wrong = new Dictionary<string, object> { ["model"] = "bge-m3", ["input"] = "a", ["encoding_format"] = {|CLOVA002:"base64"|} };
        var good = new { model = "bge-m3", input = "a", encoding_format = "float" };
        var chat = new { model = "HCX-005", messages = new object[0], max_tokens = 10 };
        System.Console.WriteLine($"{missing}{wrong}{good}{chat}");
        """);

    [Fact]
    public Task Fix_creates_the_client_with_ClovaOpenAI_options() => ClovaVerifier.VerifyFixAsync("""
        using System;
        using System.ClientModel;
        using OpenAI;
        var client = new OpenAIClient(new ApiKeyCredential(Environment.GetEnvironmentVariable("K")!), new OpenAIClientOptions { Endpoint = new Uri("https://clovastudio.stream.ntruss.com/v1/openai/") });
        var embeddings = client.GetEmbeddingClient("bge-m3");
        {|CLOVA002:embeddings.GenerateEmbedding("a")|};
        var plain = new OpenAI.Embeddings.EmbeddingClient("bge-m3", new ApiKeyCredential("k"));
        {|CLOVA002:plain.GenerateEmbedding("b")|};
        """, """
        using System;
        using System.ClientModel;
        using ClovaCodegen.OpenAI;
        using OpenAI;
        var client = new OpenAIClient(new ApiKeyCredential(Environment.GetEnvironmentVariable("K")!), ClovaOpenAI.CreateClientOptions(new Uri("https://clovastudio.stream.ntruss.com/v1/openai/")));
        var embeddings = client.GetEmbeddingClient("bge-m3");
        embeddings.GenerateEmbedding("a");
        var plain = new OpenAI.Embeddings.EmbeddingClient("bge-m3", new ApiKeyCredential("k"), ClovaOpenAI.CreateClientOptions());
        plain.GenerateEmbedding("b");
        """, new EmbeddingEncodingFixer());

    [Fact]
    public Task Fix_all_adds_or_corrects_the_field_of_raw_bodies_keeping_their_layout() => ClovaVerifier.VerifyFixAsync("""
        using System.Collections.Generic;
        var missing = {|CLOVA002:new|} { model = "bge-m3", input = "a" };
        var multiline = {|CLOVA002:new|} Dictionary<string, object>
        {
            ["model"] = "bge-m3",
            ["input"] = "a",
        };
        var pairs = {|CLOVA002:new|} Dictionary<string, object> { { "model", "bge-m3" }, { "input", "a" } };
        var wrong = new Dictionary<string, object> { ["model"] = "bge-m3", ["input"] = "a", ["encoding_format"] = {|CLOVA002:"base64"|} };
        System.Console.WriteLine($"{missing}{multiline}{pairs}{wrong}");
        """, """
        using System.Collections.Generic;
        var missing = new { model = "bge-m3", input = "a", encoding_format = "float" };
        var multiline = new Dictionary<string, object>
        {
            ["model"] = "bge-m3",
            ["input"] = "a",
            ["encoding_format"] = "float",
        };
        var pairs = new Dictionary<string, object> { { "model", "bge-m3" }, { "input", "a" }, { "encoding_format", "float" } };
        var wrong = new Dictionary<string, object> { ["model"] = "bge-m3", ["input"] = "a", ["encoding_format"] = "float" };
        System.Console.WriteLine($"{missing}{multiline}{pairs}{wrong}");
        """, new EmbeddingEncodingFixer());

    [Fact]
    public Task Finding5_a_lookalike_ClovaOpenAI_does_not_make_a_client_send_float() => ClovaVerifier.VerifyAsync("""
        using System.ClientModel;
        using OpenAI;
        var client = new OpenAIClient(new ApiKeyCredential(System.Environment.GetEnvironmentVariable("K")!), Lookalike.ClovaOpenAI.CreateClientOptions());
        {|CLOVA002:client.GetEmbeddingClient("bge-m3").GenerateEmbedding("a")|};
        var ours = new OpenAIClient(new ApiKeyCredential(System.Environment.GetEnvironmentVariable("K")!), ClovaCodegen.OpenAI.ClovaOpenAI.CreateClientOptions());
        ours.GetEmbeddingClient("bge-m3").GenerateEmbedding("a");
        """ + LookalikeUserTypes.Source);

    [Fact]
    public Task Finding8_protocol_overloads_are_judged_by_the_body_they_send() => ClovaVerifier.VerifyAsync(""""
        using System;
        using System.ClientModel;
        using OpenAI.Embeddings;
        var client = new EmbeddingClient("bge-m3", new ApiKeyCredential(Environment.GetEnvironmentVariable("K")!));
        client.GenerateEmbeddings(BinaryContent.Create(BinaryData.FromString("""{"model":"bge-m3","input":["a"],"encoding_format":"float"}""")));
        client.GenerateEmbeddings(BinaryContent.Create(BinaryData.FromString("""{"unrelated":true}""")));
        var wrong = """{"model":"bge-m3","input":["a"],"encoding_format":"base64"}""";
        client.GenerateEmbeddings({|CLOVA002:BinaryContent.Create(BinaryData.FromString(wrong))|});
        client.GenerateEmbeddings({|CLOVA002:BinaryContent.Create(BinaryData.FromBytes("""{"model":"bge-m3","input":["a"]}"""u8.ToArray()))|});
        static void Opaque(EmbeddingClient c, BinaryContent body) => c.GenerateEmbeddings(body);
        """");

    [Fact]
    public Task Semantic_kernel_embedding_registrations_without_the_policy_warn() => ClovaVerifier.VerifyAsync("""
        using System;
        using System.ClientModel;
        using ClovaCodegen.OpenAI;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.SemanticKernel;
        var key = Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY")!;
        var stock = new OpenAI.OpenAIClient(new ApiKeyCredential(key), new OpenAI.OpenAIClientOptions { Endpoint = new Uri("https://clovastudio.stream.ntruss.com/v1/openai") });
        var clova = ClovaOpenAI.CreateClient(key);
        var kernel = {|CLOVA002:{|CLOVA002:Kernel.CreateBuilder()
            .AddOpenAIEmbeddingGenerator("bge-m3", key)|}
            .AddOpenAIEmbeddingGenerator("bge-m3", stock)|}
            .AddOpenAIEmbeddingGenerator("bge-m3", clova)
            .Build();
        {|CLOVA002:new ServiceCollection().AddOpenAIEmbeddingGenerator("bge-m3", key)|};
        new ServiceCollection().AddOpenAIEmbeddingGenerator("bge-m3", ClovaOpenAI.CreateClient(key));
        Console.WriteLine(kernel);
        """);

    [Fact]
    public Task Semantic_kernel_embedding_registration_for_openai_in_endpoint_scope_is_silent() => ClovaVerifier.VerifyAsync("""
        using System;
        using System.ClientModel;
        using Microsoft.SemanticKernel;
        var key = Environment.GetEnvironmentVariable("K")!;
        var openai = new OpenAI.OpenAIClient(new ApiKeyCredential(key), new OpenAI.OpenAIClientOptions { Endpoint = new Uri("https://api.openai.com/v1") });
        var clovaUrl = new OpenAI.OpenAIClient(new ApiKeyCredential(key), new OpenAI.OpenAIClientOptions { Endpoint = new Uri("https://clovastudio.stream.ntruss.com/v1/openai") });
        var kernel = Kernel.CreateBuilder().AddOpenAIEmbeddingGenerator("text-embedding-3-small", openai).Build();
        var clova = {|CLOVA002:Kernel.CreateBuilder().AddOpenAIEmbeddingGenerator("bge-m3", clovaUrl)|}.Build();
        Console.WriteLine($"{kernel}{clova}");
        """, scope: "endpoint");

    /// <summary>
    /// Issue 19: an SK embedding registration given only a model and an API key becomes one over ClovaOpenAI's client (named
    /// dimensions/serviceId kept); one over a stock client created in sight gets ClovaOpenAI's options; one that passes an
    /// organization (or an HttpClient, whose base address may be the endpoint) is left to the developer.
    /// </summary>
    [Fact]
    public Task Fix_registers_semantic_kernel_embeddings_over_ClovaOpenAIs_client() => ClovaVerifier.VerifyFixAsync("""
        using System;
        using System.ClientModel;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.SemanticKernel;
        var key = Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY")!;
        var kernel = {|CLOVA002:Kernel.CreateBuilder().AddOpenAIEmbeddingGenerator("bge-m3", key)|}.Build();
        {|CLOVA002:new ServiceCollection().AddOpenAIEmbeddingGenerator(modelId: "bge-m3", apiKey: key, serviceId: "embeddings")|};
        var stock = new OpenAI.OpenAIClient(new ApiKeyCredential(key), new OpenAI.OpenAIClientOptions { Endpoint = new Uri("https://clovastudio.stream.ntruss.com/v1/openai") });
        var overStock = {|CLOVA002:Kernel.CreateBuilder().AddOpenAIEmbeddingGenerator("bge-m3", stock)|}.Build();
        var withOrganization = {|CLOVA002:Kernel.CreateBuilder().AddOpenAIEmbeddingGenerator("bge-m3", key, "org-1")|}.Build();
        Console.WriteLine($"{kernel}{overStock}{withOrganization}");
        """, """
        using System;
        using System.ClientModel;
        using ClovaCodegen.OpenAI;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.SemanticKernel;
        var key = Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY")!;
        var kernel = Kernel.CreateBuilder().AddOpenAIEmbeddingGenerator("bge-m3", ClovaOpenAI.CreateClient(key)).Build();
        new ServiceCollection().AddOpenAIEmbeddingGenerator(modelId: "bge-m3", openAIClient: ClovaOpenAI.CreateClient(key), serviceId: "embeddings");
        var stock = new OpenAI.OpenAIClient(new ApiKeyCredential(key), ClovaOpenAI.CreateClientOptions(new Uri("https://clovastudio.stream.ntruss.com/v1/openai")));
        var overStock = Kernel.CreateBuilder().AddOpenAIEmbeddingGenerator("bge-m3", stock).Build();
        var withOrganization = {|CLOVA002:Kernel.CreateBuilder().AddOpenAIEmbeddingGenerator("bge-m3", key, "org-1")|}.Build();
        Console.WriteLine($"{kernel}{overStock}{withOrganization}");
        """, new EmbeddingEncodingFixer());
}
