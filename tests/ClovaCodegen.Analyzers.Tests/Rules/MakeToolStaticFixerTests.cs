using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

/// <summary>
/// The fix for the generator's CLOVA210 when a [ClovaTool] method is not static. The generator is not run here: the
/// diagnostic is made as the generator reports it (at the method's name; generator tests pin that location), and the
/// fixer is asked for its actions as the IDE asks.
/// </summary>
public class MakeToolStaticFixerTests
{
    [Theory]
    [InlineData(
        "    [ClovaCodegen.ClovaTool(\"x\")] public string «Run»(string a) => a.ToUpperInvariant();",
        "    [ClovaCodegen.ClovaTool(\"x\")] public static string Run(string a) => a.ToUpperInvariant();")]
    [InlineData(
        "    [ClovaCodegen.ClovaTool(\"x\")]\n    public async System.Threading.Tasks.Task<int> «CountAsync»(string a) { await System.Threading.Tasks.Task.Yield(); return Helper(a) + Limit; }",
        "    [ClovaCodegen.ClovaTool(\"x\")]\n    public static async System.Threading.Tasks.Task<int> CountAsync(string a) { await System.Threading.Tasks.Task.Yield(); return Helper(a) + Limit; }")]
    [InlineData(
        "    [ClovaCodegen.ClovaTool(\"x\")]\n    string «Run»(string a) => new Other { Name = a }.Name;",
        "    [ClovaCodegen.ClovaTool(\"x\")]\n    static string Run(string a) => new Other { Name = a }.Name;")]
    public async Task A_method_that_uses_no_instance_state_becomes_static(string member, string expected)
    {
        var (actions, source, document) = await FixesAsync(member);

        var action = Assert.Single(actions);
        Assert.Equal($"Make '{(member.Contains("CountAsync") ? "CountAsync" : "Run")}' static", action.Title);
        var changed = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        Assert.Equal(source.Replace(member.Replace("«", "").Replace("»", ""), expected), (await changed.GetTextAsync()).ToString());
    }

    [Theory]
    [InlineData("    [ClovaCodegen.ClovaTool(\"x\")] public string «Run»(string a) => a + _prefix;")]
    [InlineData("    [ClovaCodegen.ClovaTool(\"x\")] public string «Run»(string a) => this.ToString() + a;")]
    [InlineData("    [ClovaCodegen.ClovaTool(\"x\")] public string «Run»(string a) => Instance(a);")]
    [InlineData("    [ClovaCodegen.ClovaTool(\"x\")] public static string «Run»<T>(T a) => a!.ToString()!;")]
    public async Task A_method_that_uses_its_instance_or_is_static_already_gets_no_fix(string member)
    {
        var (actions, _, _) = await FixesAsync(member);

        Assert.Empty(actions);
    }

    private static async Task<(List<CodeAction> Actions, string Source, Document Document)> FixesAsync(string member)
    {
        var marked = $$"""
            public partial class Tools
            {
                private readonly string _prefix = "p";
                private const int Limit = 3;

                private static int Helper(string a) => a.Length;

                private string Instance(string a) => _prefix + a;

            {{member}}
            }

            public sealed class Other
            {
                public string Name { get; set; } = "";
            }
            """;
        var start = marked.IndexOf('«');
        var source = marked.Replace("«", "").Replace("»", "");
        var length = marked.IndexOf('»') - start - 1;

        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "Tests", "Tests", LanguageNames.CSharp,
            compilationOptions: AnalyzerHarness.CompilationOptions.WithOutputKind(OutputKind.DynamicallyLinkedLibrary), parseOptions: new CSharpParseOptions(LanguageVersion.Latest), metadataReferences: AnalyzerHarness.References));
        var document = workspace.AddDocument(project.Id, "Tools.cs", SourceText.From(source));
        var tree = (await document.GetSyntaxTreeAsync())!;
        var descriptor = new DiagnosticDescriptor(MakeToolStaticFixer.ToolMethodNotSupported, "Method cannot be a tool", "{0}", "ClovaCodegen.Generator", DiagnosticSeverity.Error, isEnabledByDefault: true);
        var diagnostic = Diagnostic.Create(descriptor, Location.Create(tree, new TextSpan(start, length)), "it must be static");

        var actions = new List<CodeAction>();
        await new MakeToolStaticFixer().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return (actions, source, document);
    }
}
