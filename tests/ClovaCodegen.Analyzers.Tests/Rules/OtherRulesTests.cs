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
}

public class BaseUrlAnalyzerTests
{
    [Fact]
    public Task Native_paths_http_and_missing_openai_segment_warn() => AnalyzerHarness.VerifyAsync("""
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
    public Task A_base_url_that_already_names_the_endpoint_warns() => AnalyzerHarness.VerifyAsync("""
        using System;
        var options = new OpenAI.OpenAIClientOptions { Endpoint = new Uri({|CLOVA003:"https://clovastudio.stream.ntruss.com/v1/openai/chat/completions"|}) };
        Console.WriteLine(options);
        """);

    [Fact]
    public async Task Fix_uses_the_canonical_url_of_the_same_cloud()
    {
        var fixedSource = await AnalyzerHarness.FixAsync(
            "var u = new System.Uri(\"https://clovastudio.stream.gov-ntruss.com/serviceapp/v3/chat-completions/HCX-005\");\nSystem.Console.WriteLine(u);",
            "CLOVA003", new LiteralReplacementFixer());

        Assert.Contains("\"https://clovastudio.stream.gov-ntruss.com/v1/openai/\"", fixedSource);
    }
}

public class UnknownModelAnalyzerTests
{
    [Fact]
    public Task Unknown_and_cross_endpoint_models_warn() => AnalyzerHarness.VerifyAsync("""
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
    public async Task Fix_offers_the_nearest_known_names()
    {
        var fixedSource = await AnalyzerHarness.FixAsync(
            "var c = new OpenAI.OpenAIClient(\"k\").GetChatClient(\"HCX-05\");\nSystem.Console.WriteLine(c);", "CLOVA004", new LiteralReplacementFixer());

        Assert.Contains("GetChatClient(\"HCX-005\")", fixedSource);
    }
}

public class NativeFieldNameAnalyzerTests
{
    [Fact]
    public Task Camel_case_keys_in_dictionaries_and_anonymous_bodies_warn() => AnalyzerHarness.VerifyAsync("""
        using System.Collections.Generic;
        var body = new Dictionary<string, object> { ["model"] = "HCX-005", [{|CLOVA005:"topK"|}] = 20 };
        body.Add({|CLOVA005:"repetitionPenalty"|}, 1.1);
        body["top_k"] = 5;
        var anonymous = new { model = "HCX-005", {|CLOVA005:maxTokens|} = 100 };
        var unrelated = "topK";
        System.Console.WriteLine($"{body}{anonymous}{unrelated}");
        """);

    [Fact]
    public async Task Fix_renames_to_the_wire_name_and_fix_all_renames_every_key()
    {
        const string source = "var b = new System.Collections.Generic.Dictionary<string, object> { [\"topK\"] = 1, [\"repeatPenalty\"] = 2 };\nSystem.Console.WriteLine(b);";

        var all = await AnalyzerHarness.FixAsync(source, "CLOVA005", new LiteralReplacementFixer(), fixAll: true);

        Assert.Contains("[\"top_k\"] = 1", all);
        Assert.Contains("[\"repeat_penalty\"] = 2", all);
    }
}

public class ValueRangeAnalyzerTests
{
    [Fact]
    public Task Constants_outside_documented_ranges_warn() => AnalyzerHarness.VerifyAsync("""
        using OpenAI.Chat;
        var options = new ChatCompletionOptions { TopP = {|CLOVA006:1.5f|}, Temperature = 0.7f, MaxOutputTokenCount = {|CLOVA006:0|} };
        options.FrequencyPenalty = {|CLOVA006:-3f|};
        var meai = new Microsoft.Extensions.AI.ChatOptions { Temperature = {|CLOVA006:2.5f|}, MaxOutputTokens = 100 };
        System.Console.WriteLine($"{options}{meai}");
        """);
}

public class HardcodedApiKeyAnalyzerTests
{
    [Fact]
    public Task Key_literals_in_credentials_and_headers_warn() => AnalyzerHarness.VerifyAsync("""
        using System.ClientModel;
        using System.Net.Http;
        var credential = new ApiKeyCredential({|CLOVA007:"nv-0123456789abcdef0123456789abcdef"|});
        var http = new HttpClient();
        http.DefaultRequestHeaders.Add("Authorization", {|CLOVA007:"Bearer nv-0123456789abcdef0123456789abcdef"|});
        var options = new ClovaCodegen.ClovaStudioClientOptions { ApiKey = {|CLOVA007:"nv-0123456789abcdef0123456789abcdef"|} };
        var notAKey = new ApiKeyCredential("nv-short");
        var message = "nv-0123456789abcdef0123456789abcdef is in a log line, not a credential";
        System.Console.WriteLine($"{credential}{options}{notAKey}{message}");
        """);

    [Fact]
    public async Task Fix_reads_the_environment_variable()
    {
        var fixedSource = await AnalyzerHarness.FixAsync(
            "var c = new System.ClientModel.ApiKeyCredential(\"nv-0123456789abcdef0123456789abcdef\");\nSystem.Console.WriteLine(c);", "CLOVA007", new HardcodedApiKeyFixer());

        Assert.Contains("GetEnvironmentVariable(\"CLOVA_STUDIO_API_KEY\")", fixedSource);
        Assert.DoesNotContain("nv-0123", fixedSource);
        Assert.Empty(AnalyzerHarness.Compile(fixedSource).GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }
}

public class MissingMaxTokensAnalyzerTests
{
    [Fact]
    public Task Chat_calls_without_max_tokens_are_reported() => AnalyzerHarness.VerifyAsync("""
        using OpenAI.Chat;
        var chat = new ChatClient("HCX-005", System.Environment.GetEnvironmentVariable("K")!);
        ChatMessage[] messages = { new UserChatMessage("hi") };
        {|CLOVA008:chat.CompleteChat(messages)|};
        var bare = new ChatCompletionOptions { Temperature = 0.5f };
        {|CLOVA008:chat.CompleteChat(messages, bare)|};
        var good = new ChatCompletionOptions { MaxOutputTokenCount = 1024 };
        chat.CompleteChat(messages, good);
        var later = new ChatCompletionOptions();
        later.MaxOutputTokenCount = 2048;
        chat.CompleteChat(messages, later);
        """);
}

public class DroppedOptionAnalyzerTests
{
    [Fact]
    public Task Meai_top_k_and_additional_properties_warn() => AnalyzerHarness.VerifyAsync("""
        using Microsoft.Extensions.AI;
        var options = new ChatOptions { {|CLOVA009:TopK|} = 20, MaxOutputTokens = 100 };
        {|CLOVA009:options.AdditionalProperties|} = new AdditionalPropertiesDictionary { ["repetition_penalty"] = 1.1 };
        System.Console.WriteLine(options);
        """);

    [Fact]
    public async Task Fix_removes_the_dropped_option()
    {
        var fixedSource = await AnalyzerHarness.FixAsync(
            "var o = new Microsoft.Extensions.AI.ChatOptions { TopK = 20, MaxOutputTokens = 100 };\nSystem.Console.WriteLine(o);", "CLOVA009", new UnsupportedFieldFixer());

        Assert.DoesNotContain("TopK", fixedSource);
        Assert.Contains("MaxOutputTokens = 100", fixedSource);
    }
}
