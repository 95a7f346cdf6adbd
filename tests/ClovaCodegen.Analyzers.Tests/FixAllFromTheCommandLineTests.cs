using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests;

/// <summary>
/// Fixes applied the way <c>dotnet format analyzers</c> applies them (<see cref="DotnetFormatEmulation"/>) and as Fix All
/// in the IDE: every rule with a fix is fixed in one run whatever order the rules come in, the result compiles and has
/// nothing left to fix, and a second run changes nothing.
/// </summary>
public class FixAllFromTheCommandLineTests
{
    private static readonly string[] RuleIds = Enumerable.Range(1, 11).Select(n => $"CLOVA{n:000}").ToArray();

    // The sample with the generated builders it uses (CLOVA011's line), which the generator would add.
    private static string Mistakes => File.ReadAllText(Path.Combine(Paths.Root, "samples", "Mistakes", "Program.cs")).Replace("\r\n", "\n") + GeneratedBuilderStandIn.InDefaultNamespace;

    [Fact]
    public async Task One_run_fixes_every_rule_of_samples_Mistakes_the_same_way_in_any_rule_order()
    {
        var forward = await DotnetFormatEmulation.FixAsync(Mistakes, RuleIds);
        var backward = await DotnetFormatEmulation.FixAsync(Mistakes, RuleIds.Reverse());

        Assert.Empty(forward.Warnings);
        Assert.Empty(backward.Warnings);
        Assert.Equal(forward.Text, backward.Text);
    }

    [Fact]
    public async Task After_one_run_the_code_compiles_no_fixable_diagnostic_is_left_and_a_second_run_changes_nothing()
    {
        var fixedOnce = await DotnetFormatEmulation.FixAsync(Mistakes, RuleIds);

        var compilation = AnalyzerHarness.Compile(fixedOnce.Text);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var fixable = AnalyzerHarness.AllFixers.SelectMany(f => f.FixableDiagnosticIds).ToHashSet();
        var left = await AnalyzerHarness.AnalyzeAsync(fixedOnce.Text);
        Assert.Empty(left.Where(d => fixable.Contains(d.Id)).Select(d => d.ToString()));
        var fixedTwice = await DotnetFormatEmulation.FixAsync(fixedOnce.Text, RuleIds);
        Assert.Equal(fixedOnce.Text, fixedTwice.Text);
    }

    [Fact]
    public Task Fix_All_of_the_first_suggestion_applies_each_diagnostics_own_first_suggestion() => ClovaVerifier.VerifyFixAsync("""
        var c = new OpenAI.OpenAIClient("k").GetChatClient({|CLOVA004:"gpt-4o"|});
        var e = new OpenAI.OpenAIClient("k").GetEmbeddingClient({|CLOVA004:"text-embedding-3-small"|});
        System.Console.WriteLine($"{c}{e}");
        """, """
        var c = new OpenAI.OpenAIClient("k").GetChatClient("HCX-005");
        var e = new OpenAI.OpenAIClient("k").GetEmbeddingClient("bge-m3");
        System.Console.WriteLine($"{c}{e}");
        """, new LiteralReplacementFixer());

    [Fact]
    public Task Fix_All_gives_a_client_used_by_two_embedding_calls_one_set_of_options() => ClovaVerifier.VerifyFixAsync("""
        using OpenAI;
        var client = new OpenAIClient(new System.ClientModel.ApiKeyCredential("k"));
        var embeddings = client.GetEmbeddingClient("bge-m3");
        var a = {|CLOVA002:embeddings.GenerateEmbedding("a")|};
        var b = {|CLOVA002:embeddings.GenerateEmbedding("b")|};
        System.Console.WriteLine($"{a}{b}");
        """, """
        using ClovaCodegen.OpenAI;
        using OpenAI;
        var client = new OpenAIClient(new System.ClientModel.ApiKeyCredential("k"), ClovaOpenAI.CreateClientOptions());
        var embeddings = client.GetEmbeddingClient("bge-m3");
        var a = embeddings.GenerateEmbedding("a");
        var b = embeddings.GenerateEmbedding("b");
        System.Console.WriteLine($"{a}{b}");
        """, new EmbeddingEncodingFixer());
}
