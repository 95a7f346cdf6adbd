using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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
/// CLOVA006: replace a written constant with the nearest allowed value the analyzer found in the spec: the bound of the
/// range it crossed, or the allowed values nearest first. The number keeps the written literal's type (<c>1.5f</c> → <c>1f</c>).
/// A named constant is left alone: changing its use would hide it, changing it would change its other uses.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ValueRangeFixer)), Shared]
public sealed class ValueRangeFixer : ClovaFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.ValueRange);

    internal override async Task<ImmutableArray<ClovaFix>> GetFixesAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(ValueRangeAnalyzer.ReplacementsProperty, out var replacements) || replacements is null
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax written
            || !IsWrittenConstant(written))
        {
            return ImmutableArray<ClovaFix>.Empty;
        }

        var isNumber = diagnostic.Properties.TryGetValue(ValueRangeAnalyzer.ReplacementKindProperty, out var kind) && kind == "number";
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var type = model?.GetTypeInfo(written, cancellationToken).Type?.SpecialType ?? SpecialType.None;
        var fixes = ImmutableArray.CreateBuilder<ClovaFix>();
        foreach (var replacement in replacements.Split('\n'))
        {
            var text = isNumber ? NumberText(replacement, type) : SyntaxFactory.Literal(replacement).Text;
            if (text is not null)
            {
                var expression = SyntaxFactory.ParseExpression(text).WithTriviaFrom(written);
                fixes.Add(new ClovaFix($"Use {text}, the nearest allowed value", editor => editor.ReplaceNode(written, expression)));
            }
        }

        return fixes.ToImmutable();
    }

    /// <summary>A literal, or a negated one (<c>-3f</c>).</summary>
    private static bool IsWrittenConstant(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax => true,
        PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax } unary => unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.UnaryPlusExpression),
        _ => false,
    };

    /// <summary>The spec's number as a C# literal of the written constant's type; null when that type can't hold it.</summary>
    private static string? NumberText(string number, SpecialType type)
    {
        var integral = number.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;
        return type switch
        {
            SpecialType.System_Single => number + "f",
            SpecialType.System_Double => integral ? number + ".0" : number,
            SpecialType.System_Decimal => number + "m",
            SpecialType.System_Int64 => integral ? number + "L" : null,
            SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_UInt16 => integral ? number : null,
            SpecialType.System_UInt32 or SpecialType.System_UInt64 => integral && !number.StartsWith("-", System.StringComparison.Ordinal) ? number : null,
            _ => null,
        };
    }
}
