using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Analyzers;
using ClovaCodegen.Analyzers.Rules;
using ClovaCodegen.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClovaCodegen.CodeFixes.Rules;

/// <summary>
/// CLOVA010: send the message as <c>system</c> instead of <c>developer</c> (OpenAI's newer name for the same role): the
/// member's system counterpart (<c>ChatDeveloperPrompt</c> → <c>ChatSystemPrompt</c>, <c>AddDeveloperMessage</c> →
/// <c>AddSystemMessage</c>, <c>DeveloperChatMessage</c> → <c>SystemChatMessage</c>, ...) or, for a role made from a
/// string, <c>"system"</c>. The analyzer puts the replacement in the diagnostic's properties.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MessageRoleFixer)), Shared]
public sealed class MessageRoleFixer : ClovaFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.MessageRole);

    internal override Task<ImmutableArray<ClovaFix>> GetFixesAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(MessageRoleAnalyzer.ReplacementProperty, out var replacement) || replacement is null)
        {
            return Task.FromResult(ImmutableArray<ClovaFix>.Empty);
        }

        var fix = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) switch
        {
            SimpleNameSyntax name => new ClovaFix(
                $"Use '{replacement}' (role system)",
                editor => editor.ReplaceNode(name, name.WithIdentifier(SyntaxFactory.Identifier(replacement).WithTriviaFrom(name.Identifier)))),
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => new ClovaFix(
                $"Use role \"{replacement}\"",
                editor => editor.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(replacement)).WithTriviaFrom(literal))),
            _ => null,
        };
        return Task.FromResult(fix is null ? ImmutableArray<ClovaFix>.Empty : ImmutableArray.Create(fix));
    }
}
