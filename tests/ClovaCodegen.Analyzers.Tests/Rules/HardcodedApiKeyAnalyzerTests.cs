using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

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
