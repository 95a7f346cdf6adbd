using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

public class UnknownModelAnalyzerTests
{
    [Fact]
    public Task Unknown_and_cross_endpoint_models_warn() => ClovaVerifier.VerifyAsync("""
        using OpenAI;
        var client = new OpenAIClient(System.Environment.GetEnvironmentVariable("K")!);
        var a = client.GetChatClient({|CLOVA004:"gpt-4o"|});
        var b = client.GetChatClient({|CLOVA004:"bge-m3"|});
        var c = client.GetEmbeddingClient({|CLOVA004:"HCX-005"|});
        var ok = client.GetChatClient("HCX-005");
        var ok2 = client.GetEmbeddingClient("bge-m3");
        System.Console.WriteLine($"{a}{b}{c}{ok}{ok2}");
        """);

    [Fact]
    public Task Fix_offers_the_nearest_known_name_first() => ClovaVerifier.VerifyFixAsync("""
        var c = new OpenAI.OpenAIClient("k").GetChatClient({|CLOVA004:"HCX-05"|});
        System.Console.WriteLine(c);
        """, """
        var c = new OpenAI.OpenAIClient("k").GetChatClient("HCX-005");
        System.Console.WriteLine(c);
        """, new LiteralReplacementFixer());

    [Fact]
    public Task Fix_offers_the_next_nearest_names_as_further_actions() => ClovaVerifier.VerifyFixAsync("""
        var c = new OpenAI.OpenAIClient("k").GetChatClient({|CLOVA004:"HCX-05"|});
        System.Console.WriteLine(c);
        """, """
        var c = new OpenAI.OpenAIClient("k").GetChatClient("HCX-003");
        System.Console.WriteLine(c);
        """, new LiteralReplacementFixer(), codeActionIndex: 1);

    [Theory]
    [InlineData("GetChatClient", "gpt-4o", "HCX-005")]
    [InlineData("GetEmbeddingClient", "text-embedding-3-small", "bge-m3")]
    public Task Fix_offers_the_endpoints_default_model_first_for_a_name_that_is_no_misspelling(string method, string wrong, string right) => ClovaVerifier.VerifyFixAsync($$"""
        var c = new OpenAI.OpenAIClient("k").{{method}}({|CLOVA004:"{{wrong}}"|});
        System.Console.WriteLine(c);
        """, $$"""
        var c = new OpenAI.OpenAIClient("k").{{method}}("{{right}}");
        System.Console.WriteLine(c);
        """, new LiteralReplacementFixer());

    [Fact]
    public Task Fix_offers_a_misspelt_names_model_before_the_default() => ClovaVerifier.VerifyFixAsync("""
        var c = new OpenAI.OpenAIClient("k").GetChatClient({|CLOVA004:"hcx-dash-002"|});
        System.Console.WriteLine(c);
        """, """
        var c = new OpenAI.OpenAIClient("k").GetChatClient("HCX-DASH-002");
        System.Console.WriteLine(c);
        """, new LiteralReplacementFixer());

    [Fact]
    public async Task Message_names_every_accepted_model_in_the_specs_order()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync("""
            var c = new OpenAI.OpenAIClient("k").GetChatClient("gpt-4o");
            var e = new OpenAI.OpenAIClient("k").GetEmbeddingClient("HCX-005");
            System.Console.WriteLine($"{c}{e}");
            """);

        Assert.Equal(
            new[]
            {
                "'gpt-4o' is not a chat model of CLOVA Studio; the spec lists HCX-005, HCX-007, HCX-DASH-002, HCX-003, HCX-DASH-001",
                "'HCX-005' is not an embedding model of CLOVA Studio; the spec lists bge-m3, clir-emb-dolphin",
            },
            diagnostics.Where(d => d.Id == "CLOVA004").OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Fix_suggestions_follow_the_default_a_users_spec_marks()
    {
        var spec = ClovaCodegen.Spec.SpecReader.DefaultSpecText
            .Replace("\"HCX-005\", \"verified\": true, \"default\": true", "\"HCX-005\", \"verified\": true")
            .Replace("{ \"name\": \"HCX-007\", \"verified\": false", "{ \"name\": \"HCX-007\", \"verified\": false, \"default\": true");
        var diagnostics = await AnalyzerHarness.AnalyzeAsync("""
            var c = new OpenAI.OpenAIClient("k").GetChatClient("gpt-4o");
            System.Console.WriteLine(c);
            """, spec);

        Assert.Equal("HCX-007", diagnostics.Single(d => d.Id == "CLOVA004").Properties[ClovaCodegen.Analyzers.Rules.UnknownModelAnalyzer.SuggestionsProperty]!.Split(',')[0]);
    }

    [Fact]
    public Task Model_keys_of_raw_bodies_are_checked_against_their_endpoint() => ClovaVerifier.VerifyAsync("""
        using System.Collections.Generic;
        var chat = new { model = {|CLOVA004:"bge-m3"|}, messages = new object[0], max_tokens = 10 };
        var embeddings = new Dictionary<string, object> { ["model"] = {|CLOVA004:"HCX-005"|}, ["input"] = "a", ["encoding_format"] = "float" };
        var fine = new { model = "HCX-005", messages = new object[0], max_tokens = 10 };
        System.Console.WriteLine($"{chat}{embeddings}{fine}");
        """);

    [Fact]
    public Task Models_given_to_generated_requests_are_checked() => ClovaVerifier.VerifyAsync("""
        var wrong = ChatCompletionRequest.Create({|CLOVA004:"gpt-4o"|}).User("hi").MaxTokens(100).Build();
        var right = ChatCompletionRequest.Create("HCX-005").User("hi").MaxTokens(100).Build();
        System.Console.WriteLine($"{wrong}{right}");
        """ + GeneratedBuilderStandIn.Source);

    [Fact]
    public Task Finding5_a_lookalike_request_type_is_not_a_generated_builder_but_the_configured_namespace_is() => ClovaVerifier.VerifyAsync("""
        var lookalike = Lookalike.ChatCompletionRequest.Create("gpt-4o");
        var generated = ClovaCodegen.Requests.ChatCompletionRequest.Create({|CLOVA004:"gpt-4o"|});
        System.Console.WriteLine($"{lookalike}{generated}");

        namespace ClovaCodegen.Requests
        {
            sealed class ChatCompletionRequest
            {
                public static object Create(string model) => model;
            }
        }
        """ + LookalikeUserTypes.Source);

    [Fact]
    public Task Finding5_generated_types_are_found_in_the_configured_namespace() => ClovaVerifier.VerifyAsync("""
        var configured = My.Requests.ChatCompletionRequest.Create({|CLOVA004:"gpt-4o"|});
        var defaultNamespace = ClovaCodegen.Requests.ChatCompletionRequest.Create("gpt-4o");
        System.Console.WriteLine($"{configured}{defaultNamespace}");

        namespace My.Requests
        {
            sealed class ChatCompletionRequest
            {
                public static object Create(string model) => model;
            }
        }

        namespace ClovaCodegen.Requests
        {
            sealed class ChatCompletionRequest
            {
                public static object Create(string model) => model;
            }
        }
        """, globalConfig: "build_property.ClovaCodegenNamespace = My.Requests");

    [Fact]
    public Task Semantic_kernel_registrations_check_their_model_id() => ClovaVerifier.VerifyAsync("""
        using System;
        using ClovaCodegen.OpenAI;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.SemanticKernel;
        var key = Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY")!;
        var clova = ClovaOpenAI.CreateClient(key);
        var kernel = Kernel.CreateBuilder()
            .AddOpenAIChatCompletion({|CLOVA004:"gpt-4o"|}, new Uri("https://clovastudio.stream.ntruss.com/v1/openai"), key)
            .AddOpenAIEmbeddingGenerator({|CLOVA004:"HCX-005"|}, clova)
            .Build();
        var fine = Kernel.CreateBuilder().AddOpenAIChatCompletion("HCX-005", clova).AddOpenAIEmbeddingGenerator("bge-m3", clova).Build();
        new ServiceCollection().AddOpenAIChatCompletion({|CLOVA004:"bge-m3"|}, clova);
        Console.WriteLine($"{kernel}{fine}");
        """);

    [Fact]
    public Task Semantic_kernel_model_ids_in_endpoint_scope_are_checked_only_for_a_clova_registration() => ClovaVerifier.VerifyAsync("""
        using System;
        using ClovaCodegen.OpenAI;
        using Microsoft.SemanticKernel;

        Console.WriteLine();

        static class Kernels
        {
            static Kernel Clova(string key) => Kernel.CreateBuilder().AddOpenAIChatCompletion({|CLOVA004:"gpt-4o"|}, ClovaOpenAI.CreateClient(key)).Build();

            static Kernel OpenAI(string key) => Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", new Uri("https://api.openai.com/v1"), key).Build();
        }
        """, scope: "endpoint");

    [Fact]
    public Task Fix_puts_a_known_model_into_a_semantic_kernel_registration() => ClovaVerifier.VerifyFixAsync("""
        using Microsoft.SemanticKernel;
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion({|CLOVA004:"gpt-4o"|}, ClovaCodegen.OpenAI.ClovaOpenAI.CreateClient("k")).Build();
        System.Console.WriteLine(kernel);
        """, """
        using Microsoft.SemanticKernel;
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("HCX-005", ClovaCodegen.OpenAI.ClovaOpenAI.CreateClient("k")).Build();
        System.Console.WriteLine(kernel);
        """, new LiteralReplacementFixer());
}
