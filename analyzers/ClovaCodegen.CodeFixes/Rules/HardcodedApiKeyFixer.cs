using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Analyzers;
using ClovaCodegen.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClovaCodegen.CodeFixes.Rules;

/// <summary>CLOVA007: read the key from <c>CLOVA_STUDIO_API_KEY</c> instead of the source.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedApiKeyFixer)), Shared]
public sealed class HardcodedApiKeyFixer : ClovaFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.HardcodedApiKey);

    internal override Task<ImmutableArray<ClovaFix>> GetFixesAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal)
        {
            return Task.FromResult(ImmutableArray<ClovaFix>.Empty);
        }

        var bearer = literal.Token.ValueText.StartsWith("Bearer ", System.StringComparison.Ordinal);
        var read = "System.Environment.GetEnvironmentVariable(\"CLOVA_STUDIO_API_KEY\") ?? throw new System.InvalidOperationException(\"Set CLOVA_STUDIO_API_KEY.\")";
        var expression = SyntaxFactory.ParseExpression(bearer ? $"\"Bearer \" + ({read})" : $"({read})")
            .WithTriviaFrom(literal)
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation);
        return Task.FromResult(ImmutableArray.Create(new ClovaFix("Read the key from CLOVA_STUDIO_API_KEY", editor => editor.ReplaceNode(literal, expression))));
    }
}
