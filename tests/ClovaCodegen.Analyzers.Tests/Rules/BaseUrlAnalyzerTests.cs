using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

public class BaseUrlAnalyzerTests
{
    [Fact]
    public Task Native_paths_http_and_missing_openai_segment_warn() => ClovaVerifier.VerifyAsync("""
        using System;
        var a = new Uri({|CLOVA003:"https://clovastudio.stream.ntruss.com/testapp/v3/chat-completions/HCX-005"|});
        var b = new Uri({|CLOVA003:"http://clovastudio.stream.ntruss.com/v1/openai/"|});
        var c = new Uri({|CLOVA003:"https://clovastudio.stream.gov-ntruss.com/v1/"|});
        var d = new Uri({|CLOVA003:"https://clovastudio.apigw.ntruss.com/v1/openai/"|});
        var ok1 = new Uri("https://clovastudio.stream.ntruss.com/v1/openai/");
        var ok2 = new Uri("https://clovastudio.stream.gov-ntruss.com/v1/openai/chat/completions");
        var other = new Uri("https://api.openai.com/v1");
        Console.WriteLine($"{a}{b}{c}{d}{ok1}{ok2}{other}");
        """);

    [Fact]
    public Task A_base_url_that_already_names_the_endpoint_warns() => ClovaVerifier.VerifyAsync("""
        using System;
        var options = new OpenAI.OpenAIClientOptions { Endpoint = new Uri({|CLOVA003:"https://clovastudio.stream.ntruss.com/v1/openai/chat/completions"|}) };
        Console.WriteLine(options);
        """);

    [Fact]
    public Task Fix_uses_the_canonical_url_of_the_same_cloud() => ClovaVerifier.VerifyFixAsync("""
        var gov = new System.Uri({|CLOVA003:"https://clovastudio.stream.gov-ntruss.com/serviceapp/v3/chat-completions/HCX-005"|});
        var plain = new System.Uri({|CLOVA003:"http://clovastudio.stream.ntruss.com/v1/openai/"|});
        System.Console.WriteLine($"{gov}{plain}");
        """, """
        var gov = new System.Uri("https://clovastudio.stream.gov-ntruss.com/v1/openai/");
        var plain = new System.Uri("https://clovastudio.stream.ntruss.com/v1/openai/");
        System.Console.WriteLine($"{gov}{plain}");
        """, new LiteralReplacementFixer());

    [Fact]
    public Task Other_hosts_given_to_clova_endpoints_warn_but_loopback_and_plain_http_clients_do_not() => ClovaVerifier.VerifyAsync("""
        using System;
        var clova = new ClovaCodegen.ClovaStudioClientOptions { Endpoint = new Uri({|CLOVA003:"https://api.openai.com/v1/"|}) };
        var emulator = new ClovaCodegen.ClovaStudioClientOptions { Endpoint = new Uri("http://127.0.0.1:5000/v1/openai/") };
        var sdk = new OpenAI.OpenAIClientOptions { Endpoint = new Uri({|CLOVA003:"https://example.com/v1"|}) };
        var viaFactory = ClovaCodegen.OpenAI.ClovaOpenAI.CreateClientOptions(new Uri({|CLOVA003:"https://gateway.example.com/v1/openai/"|}));
        var http = new System.Net.Http.HttpClient { BaseAddress = new Uri("https://example.com/") };
        Console.WriteLine($"{clova}{emulator}{sdk}{viaFactory}{http}");
        """);

    [Fact]
    public async Task In_endpoint_scope_another_host_on_the_sdk_options_is_simply_not_clova()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync("""
            using System;
            var sdk = new OpenAI.OpenAIClientOptions { Endpoint = new Uri("https://api.openai.com/v1") };
            var clova = new ClovaCodegen.ClovaStudioClientOptions { Endpoint = new Uri("https://api.openai.com/v1/") };
            Console.WriteLine($"{sdk}{clova}");
            """, scope: "endpoint");

        var only = Assert.Single(diagnostics, d => d.Id == "CLOVA003");
        Assert.Equal(3, only.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public Task Finding4_a_url_is_judged_where_it_is_used_as_an_endpoint_not_where_its_constant_is_declared() => ClovaVerifier.VerifyAsync("""
        using System;
        using System.Net.Http;

        Console.WriteLine();

        static class Endpoints
        {
            private const string Host = "https://clovastudio.stream.ntruss.com";
            private const string Base = Host + "/v1/openai/";
            private static readonly string ReadOnlyHost = "https://clovastudio.stream.ntruss.com";

            public static object[] Use(HttpClient http) => new object[]
            {
                new Uri($"{Host}/v1/openai/"),
                new Uri(Base),
                new ClovaCodegen.ClovaStudioClientOptions { Endpoint = new Uri(Base) },
                new Uri({|CLOVA003:$"{Host}/testapp/v3/chat-completions/HCX-005"|}),
                http.PostAsync({|CLOVA003:Host + "/serviceapp/v1/chat-completions/HCX-005"|}, null),
                new OpenAI.OpenAIClientOptions { Endpoint = new Uri({|CLOVA003:Base + "chat/completions"|}) },
                new Uri({|CLOVA003:Host|}),
                ReadOnlyHost + "/v1/openai/",
            };
        }
        """);

    [Fact]
    public Task Item3_fix_edits_a_URL_constant_where_it_is_declared_and_offers_nothing_for_a_URL_built_from_constants() => ClovaVerifier.VerifyFixAsync("""
        using System;

        Console.WriteLine();

        static class Endpoints
        {
            private const string Host = "https://clovastudio.stream.ntruss.com";
            private const string Native = "https://clovastudio.stream.ntruss.com/testapp/v3/chat-completions/HCX-005";

            public static object[] Use() => new object[]
            {
                new Uri({|CLOVA003:Native|}),
                new ClovaCodegen.ClovaStudioClientOptions { Endpoint = new Uri({|CLOVA003:Native|}) },
                new Uri({|CLOVA003:$"{Host}/testapp/v3/chat-completions/HCX-005"|}),
                new Uri({|CLOVA003:Host + "/serviceapp/v1/"|}),
            };
        }
        """, """
        using System;

        Console.WriteLine();

        static class Endpoints
        {
            private const string Host = "https://clovastudio.stream.ntruss.com";
            private const string Native = "https://clovastudio.stream.ntruss.com/v1/openai/";

            public static object[] Use() => new object[]
            {
                new Uri(Native),
                new ClovaCodegen.ClovaStudioClientOptions { Endpoint = new Uri(Native) },
                new Uri({|CLOVA003:$"{Host}/testapp/v3/chat-completions/HCX-005"|}),
                new Uri({|CLOVA003:Host + "/serviceapp/v1/"|}),
            };
        }
        """, new LiteralReplacementFixer());

    [Fact]
    public Task Finding5_lookalike_user_types_are_not_clova_endpoints() => ClovaVerifier.VerifyAsync("""
        using System;
        var options = new Lookalike.ClovaStudioClientOptions { Endpoint = new Uri("https://api.openai.com/v1/") };
        var factory = Lookalike.ClovaOpenAI.CreateClientOptions(new Uri("https://gateway.example.com/v1/openai/"));
        var ours = new ClovaCodegen.ClovaStudioClientOptions { Endpoint = new Uri({|CLOVA003:"https://api.openai.com/v1/"|}) };
        Console.WriteLine($"{options}{factory}{ours}");
        """ + LookalikeUserTypes.Source);

    [Fact]
    public Task Semantic_kernel_registration_endpoints_are_base_urls() => ClovaVerifier.VerifyAsync("""
        using System;
        using Microsoft.SemanticKernel;
        var key = Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY")!;
        var withPath = Kernel.CreateBuilder().AddOpenAIChatCompletion("HCX-005", new Uri({|CLOVA003:"https://clovastudio.stream.ntruss.com/v1/openai/chat/completions"|}), key).Build();
        var native = Kernel.CreateBuilder().AddOpenAIChatCompletion("HCX-005", new Uri({|CLOVA003:"https://clovastudio.stream.ntruss.com/testapp/v3/chat-completions/HCX-005"|}), key).Build();
        var other = Kernel.CreateBuilder().AddOpenAIChatCompletion("HCX-005", new Uri({|CLOVA003:"https://example.com/v1"|}), key).Build();
        var right = Kernel.CreateBuilder().AddOpenAIChatCompletion("HCX-005", new Uri("https://clovastudio.stream.ntruss.com/v1/openai"), key).Build();
        var local = Kernel.CreateBuilder().AddOpenAIChatCompletion("HCX-005", new Uri("http://127.0.0.1:5123/v1/openai/"), key).Build();
        Console.WriteLine($"{withPath}{native}{other}{right}{local}");
        """);

    [Fact]
    public Task Semantic_kernel_registration_with_openais_url_in_endpoint_scope_is_silent() => ClovaVerifier.VerifyAsync("""
        using System;
        using Microsoft.SemanticKernel;
        var key = Environment.GetEnvironmentVariable("OPENAI_API_KEY")!;
        var openai = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", new Uri("https://api.openai.com/v1"), key).Build();
        var clova = Kernel.CreateBuilder().AddOpenAIChatCompletion("HCX-005", new Uri({|CLOVA003:"https://clovastudio.stream.ntruss.com/v1/openai/chat/completions"|}), key).Build();
        Console.WriteLine($"{openai}{clova}");
        """, scope: "endpoint");
}
