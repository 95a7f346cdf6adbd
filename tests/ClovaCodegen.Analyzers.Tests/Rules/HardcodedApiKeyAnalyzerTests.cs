using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

public class HardcodedApiKeyAnalyzerTests
{
    [Fact]
    public Task Key_literals_in_credentials_and_headers_warn() => ClovaVerifier.VerifyAsync("""
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
    public Task Fix_reads_the_environment_variable() => ClovaVerifier.VerifyFixAsync("""
        using System.Net.Http;
        var credential = new System.ClientModel.ApiKeyCredential({|CLOVA007:"nv-0123456789abcdef0123456789abcdef"|});
        var http = new HttpClient();
        http.DefaultRequestHeaders.Add("Authorization", {|CLOVA007:"Bearer nv-0123456789abcdef0123456789abcdef"|});
        System.Console.WriteLine(credential);
        """, """
        using System.Net.Http;
        var credential = new System.ClientModel.ApiKeyCredential(System.Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY") ?? throw new System.InvalidOperationException("Set CLOVA_STUDIO_API_KEY."));
        var http = new HttpClient();
        http.DefaultRequestHeaders.Add("Authorization", "Bearer " + (System.Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY") ?? throw new System.InvalidOperationException("Set CLOVA_STUDIO_API_KEY.")));
        System.Console.WriteLine(credential);
        """, new HardcodedApiKeyFixer());

    [Fact]
    public Task Item3_a_key_held_in_a_constant_gets_no_fix_since_the_key_would_stay_in_the_source() => ClovaVerifier.VerifyFixAsync("""
        var fromConstant = new System.ClientModel.ApiKeyCredential({|CLOVA007:Keys.Clova|});
        var written = new System.ClientModel.ApiKeyCredential({|CLOVA007:"nv-0123456789abcdef0123456789abcdef"|});
        System.Console.WriteLine($"{fromConstant}{written}");

        static class Keys
        {
            public const string Clova = "nv-0123456789abcdef0123456789abcdef";
        }
        """, """
        var fromConstant = new System.ClientModel.ApiKeyCredential({|CLOVA007:Keys.Clova|});
        var written = new System.ClientModel.ApiKeyCredential(System.Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY") ?? throw new System.InvalidOperationException("Set CLOVA_STUDIO_API_KEY."));
        System.Console.WriteLine($"{fromConstant}{written}");

        static class Keys
        {
            public const string Clova = "nv-0123456789abcdef0123456789abcdef";
        }
        """, new HardcodedApiKeyFixer());

    [Fact]
    public Task Finding4_a_key_reaches_the_rule_by_its_constant_value_through_every_api_that_takes_one() => ClovaVerifier.VerifyAsync("""
        using System.ClientModel;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using ClovaCodegen.OpenAI;

        System.Console.WriteLine();

        static class Keys
        {
            private const string Key = "nv-0123456789abcdef0123456789abcdef";

            public static object[] Use(HttpClient http) => new object[]
            {
                ClovaOpenAI.CreateClient({|CLOVA007:"nv-0123456789abcdef0123456789abcdef"|}),
                ClovaOpenAI.CreateClient({|CLOVA007:Key|}),
                new ApiKeyCredential({|CLOVA007:Key|}),
                new AuthenticationHeaderValue("Bearer", {|CLOVA007:Key|}),
                http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", {|CLOVA007:$"Bearer {Key}"|}),
                new OpenAI.OpenAIClient({|CLOVA007:Key|}),
                new OpenAI.Chat.ChatClient("HCX-005", {|CLOVA007:Key|}),
                new ClovaCodegen.ClovaStudioClientOptions { ApiKey = {|CLOVA007:"Bearer " + Key|} },
                ClovaOpenAI.CreateClient(System.Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY")!),
                new ApiKeyCredential(nameof(Key)),
            };
        }
        """);
}
