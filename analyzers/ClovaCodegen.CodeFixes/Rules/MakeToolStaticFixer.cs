using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClovaCodegen.CodeFixes.Rules;

/// <summary>
/// CLOVA210 (the generator's): a <c>[ClovaTool]</c> method that is not static becomes static, when its body uses nothing of
/// the instance (no <c>this</c>, <c>base</c> or instance member of its type by simple name), so that the change compiles.
/// The generator reports CLOVA210 for other reasons too (generic, a <c>ref</c> parameter, a type that is not partial); for
/// those the method is static already and nothing is offered.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeToolStaticFixer)), Shared]
public sealed class MakeToolStaticFixer : ClovaFixer
{
    /// <summary>The generator's ID (generator/ClovaCodegen.Generator/DiagnosticDescriptors.cs, ToolMethodNotSupported).</summary>
    public const string ToolMethodNotSupported = "CLOVA210";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(ToolMethodNotSupported);

    internal override async Task<ImmutableArray<ClovaFix>> GetFixesAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var method = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();
        if (method is null || method.Identifier.Span != diagnostic.Location.SourceSpan || method.Modifiers.Any(SyntaxKind.StaticKeyword)
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol
            || UsesTheInstance(method, symbol.ContainingType, model, cancellationToken))
        {
            return ImmutableArray<ClovaFix>.Empty;
        }

        return ImmutableArray.Create(new ClovaFix(
            $"Make '{method.Identifier.ValueText}' static",
            editor => editor.ReplaceNode(method, (current, _) =>
            {
                var declaration = (MethodDeclarationSyntax)current;
                var modifiers = declaration.Modifiers;
                // After the accessibility (public static ...), or first when there is none.
                var index = modifiers.IndexOf(modifiers.LastOrDefault(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.PrivateKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword))) + 1;
                var keyword = SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithTrailingTrivia(SyntaxFactory.Space);
                if (index == 0 && modifiers.Count == 0)
                {
                    // No modifier: the keyword takes the return type's leading trivia (indentation), the type keeps none.
                    return declaration.WithReturnType(declaration.ReturnType.WithoutLeadingTrivia())
                        .WithModifiers(SyntaxFactory.TokenList(keyword.WithLeadingTrivia(declaration.ReturnType.GetLeadingTrivia())));
                }

                if (index == 0)
                {
                    var first = modifiers[0];
                    return declaration.WithModifiers(modifiers.Replace(first, first.WithLeadingTrivia()).Insert(0, keyword.WithLeadingTrivia(first.LeadingTrivia)));
                }

                return declaration.WithModifiers(modifiers.Insert(index, keyword));
            })));
    }

    /// <summary>Whether the body reads <c>this</c>, <c>base</c>, or an instance member of the type (or a base type) by its simple name.</summary>
    private static bool UsesTheInstance(MethodDeclarationSyntax method, INamedTypeSymbol type, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode? body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
        if (body is null)
        {
            return true;
        }

        foreach (var node in body.DescendantNodesAndSelf())
        {
            if (node is ThisExpressionSyntax or BaseExpressionSyntax)
            {
                return true;
            }

            if (node is not SimpleNameSyntax name
                || name.Parent is MemberAccessExpressionSyntax access && access.Name == name
                || name.Parent is MemberBindingExpressionSyntax
                || name.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment && assignment.Left == name
                || name.Parent is NameColonSyntax)
            {
                continue;
            }

            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            if (symbol is IFieldSymbol or IPropertySymbol or IEventSymbol or IMethodSymbol { MethodKind: MethodKind.Ordinary }
                && !symbol.IsStatic
                && symbol.ContainingType is { } owner
                && InheritsFrom(type, owner))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InheritsFrom(INamedTypeSymbol type, INamedTypeSymbol owner)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, owner.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }
}
