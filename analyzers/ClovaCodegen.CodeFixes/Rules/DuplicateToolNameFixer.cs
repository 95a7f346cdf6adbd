using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Analyzers;
using ClovaCodegen.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClovaCodegen.CodeFixes.Rules;

/// <summary>
/// CLOVA012: gives the later of the two clashing tools a name of its own, its class's name before the tool's
/// (<c>[ClovaTool("...", Name = "ForecastTools_GetWeather")]</c>), on the method's attribute, which may be in another
/// document than the call. Not a <see cref="Infrastructure.ClovaFixer"/>, whose edits stay in the diagnostic's document,
/// and no Fix All: which tool to rename, and to what, is a choice per clash (the model reads the name).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DuplicateToolNameFixer)), Shared]
public sealed class DuplicateToolNameFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.DuplicateToolName);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DuplicateToolNameAnalyzer.MethodProperty, out var id) || id is null
                || !diagnostic.Properties.TryGetValue(DuplicateToolNameAnalyzer.NewNameProperty, out var newName) || newName is null)
            {
                continue;
            }

            var compilation = await context.Document.Project.GetCompilationAsync(context.CancellationToken).ConfigureAwait(false);
            if (compilation is null || DocumentationCommentId.GetFirstSymbolForDeclarationId(id, compilation) is not IMethodSymbol method)
            {
                continue;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var declaration = await reference.GetSyntaxAsync(context.CancellationToken).ConfigureAwait(false) as MethodDeclarationSyntax;
                var document = context.Document.Project.Solution.GetDocument(reference.SyntaxTree);
                if (declaration is null || document is null || ToolAttribute(declaration, await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false), context.CancellationToken) is not { } attribute)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Name the tool of {method.ContainingType.Name}.{method.Name} '{newName}'",
                        token => RenameAsync(document, attribute, newName, token),
                        nameof(DuplicateToolNameFixer)),
                    diagnostic);
                break;
            }
        }
    }

    /// <summary>The method's <c>[ClovaTool]</c>.</summary>
    private static AttributeSyntax? ToolAttribute(MethodDeclarationSyntax method, SemanticModel? model, CancellationToken cancellationToken) =>
        method.AttributeLists.SelectMany(list => list.Attributes).FirstOrDefault(attribute =>
            model?.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType is { Name: "ClovaToolAttribute", ContainingNamespace: { Name: "ClovaCodegen", ContainingNamespace.IsGlobalNamespace: true } });

    /// <summary>Sets the attribute's <c>Name = "..."</c>, replacing the one it has.</summary>
    private static async Task<Solution> RenameAsync(Document document, AttributeSyntax attribute, string newName, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(newName));
        var existing = attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Name");
        var renamed = existing is not null
            ? attribute.ReplaceNode(existing.Expression, literal.WithTriviaFrom(existing.Expression))
            : attribute.AddArgumentListArguments(SyntaxFactory.AttributeArgument(literal).WithNameEquals(SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("Name"))));
        return document.Project.Solution.WithDocumentSyntaxRoot(document.Id, root!.ReplaceNode(attribute, renamed));
    }
}
