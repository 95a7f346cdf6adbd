using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

public class UnsupportedFieldAnalyzerTests
{
    [Fact]
    public Task Initializer_and_assignment_of_unsupported_fields_warn() => AnalyzerHarness.VerifyAsync("""
        using OpenAI.Chat;
        var options = new ChatCompletionOptions { {|CLOVA001:EndUserId|} = "u", {|CLOVA001:IncludeLogProbabilities|} = true, MaxOutputTokenCount = 10 };
        {|CLOVA001:options.StoredOutputEnabled|} = true;
        options.Temperature = 0.5f;
        System.Console.WriteLine(options);
        """);

    [Fact]
    public async Task Undocumented_fields_are_reported_as_info()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync("""
            using OpenAI.Chat;
            var options = new ChatCompletionOptions { SafetyIdentifier = "s", MaxOutputTokenCount = 10 };
            System.Console.WriteLine(options);
            """);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "CLOVA001");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, diagnostic.Severity);
    }

    [Fact]
    public Task Embedding_options_user_warns_but_dimensions_does_not() => AnalyzerHarness.VerifyAsync("""
        using OpenAI.Embeddings;
        var options = new EmbeddingGenerationOptions { {|CLOVA001:EndUserId|} = "u", Dimensions = 1024 };
        System.Console.WriteLine(options);
        """);

    [Fact]
    public Task Microsoft_Extensions_AI_members_mapping_to_unsupported_fields_warn() => AnalyzerHarness.VerifyAsync("""
        using Microsoft.Extensions.AI;
        var options = new ChatOptions { {|CLOVA001:AllowMultipleToolCalls|} = true, Temperature = 0.3f };
        System.Console.WriteLine(options);
        """);

    [Fact]
    public Task A_user_spec_that_supports_user_silences_the_rule()
    {
        var spec = File.ReadAllText(Path.Combine(Paths.Root, "spec", "clova-openai-compat.json"))
            .Replace("""{ "name": "user", "status": "unsupported", "type": "string", "source": "doc" },""", """{ "name": "user", "status": "supported", "type": "string", "source": "doc" },""");
        return AnalyzerHarness.VerifyAsync("""
            using OpenAI.Chat;
            var options = new ChatCompletionOptions { EndUserId = "u", MaxOutputTokenCount = 10 };
            System.Console.WriteLine(options);
            """, spec);
    }

    [Fact]
    public Task A_malformed_user_spec_turns_the_rules_off_instead_of_crashing() => AnalyzerHarness.VerifyAsync("""
        using OpenAI.Chat;
        var options = new ChatCompletionOptions { EndUserId = "u" };
        System.Console.WriteLine(options);
        """, "{ not json");

    [Fact]
    public async Task Fix_removes_the_initializer_member_and_fix_all_removes_every_one()
    {
        const string source = """
            using OpenAI.Chat;
            var options = new ChatCompletionOptions { EndUserId = "u", MaxOutputTokenCount = 10 };
            options.StoredOutputEnabled = true;
            System.Console.WriteLine(options);
            """;

        var one = await AnalyzerHarness.FixAsync(source, "CLOVA001", new UnsupportedFieldFixer());
        var all = await AnalyzerHarness.FixAsync(source, "CLOVA001", new UnsupportedFieldFixer(), fixAll: true);

        Assert.DoesNotContain("EndUserId", one);
        Assert.Contains("options.StoredOutputEnabled = true;", one);
        Assert.DoesNotContain("EndUserId", all);
        Assert.DoesNotContain("StoredOutputEnabled", all);
        Assert.Contains("MaxOutputTokenCount = 10", all);
        Assert.Empty((await AnalyzerHarness.AnalyzeAsync(all)).Where(d => d.Id == "CLOVA001"));
    }
}
