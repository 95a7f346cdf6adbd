using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClovaCodegen.CodeFixes.Infrastructure;

/// <summary>Adds a field to a raw request body or a member to an options object's initializer, laid out like its neighbours.</summary>
internal static class InitializerEdits
{
    /// <summary>
    /// A raw body (anonymous object, or a dictionary/JsonObject with an initializer) with the key <paramref name="key"/> added;
    /// null when the body already has it or is no such creation.
    /// </summary>
    public static SyntaxNode? WithEntry(SyntaxNode body, string key, ExpressionSyntax value)
    {
        switch (body)
        {
            case AnonymousObjectCreationExpressionSyntax anonymous:
                if (anonymous.Initializers.Any(i => (i.NameEquals?.Name.Identifier.ValueText ?? (i.Expression as IdentifierNameSyntax)?.Identifier.ValueText) == key))
                {
                    return null;
                }

                var member = SyntaxFactory.AnonymousObjectMemberDeclarator(SyntaxFactory.NameEquals(key), value.WithoutTrivia());
                return anonymous.WithInitializers(Append(anonymous.Initializers, member));
            case BaseObjectCreationExpressionSyntax { Initializer: { Expressions.Count: > 0 } initializer } creation:
                if (initializer.Expressions.Any(e => EntryKey(e) == key))
                {
                    return null;
                }

                // Parsed rather than built, so the entry reads as a person would write it: ["k"] = v or { "k", v }.
                var keyText = SyntaxFactory.Literal(key).Text;
                var entryText = initializer.Expressions[0] is AssignmentExpressionSyntax ? $"[{keyText}] = {value.WithoutTrivia()}" : $"{{ {keyText}, {value.WithoutTrivia()} }}";
                var entry = ((ObjectCreationExpressionSyntax)SyntaxFactory.ParseExpression("new T { " + entryText + " }")).Initializer!.Expressions[0].WithoutTrivia();
                return creation.WithInitializer(initializer.WithExpressions(Append(initializer.Expressions, entry)));
            default:
                return null;
        }
    }

    /// <summary>
    /// An object creation with <c>Member = value</c> in its object initializer (added when it has none); null when the
    /// initializer sets the member already or is a collection initializer.
    /// </summary>
    public static BaseObjectCreationExpressionSyntax? WithMember(BaseObjectCreationExpressionSyntax creation, string member, ExpressionSyntax value)
    {
        var assignment = SyntaxFactory.ParseExpression($"{member} = {value.WithoutTrivia()}");
        switch (creation.Initializer)
        {
            case null:
                // new T() → new T() { M = v }; new T → new T { M = v }
                var initializer = SyntaxFactory.InitializerExpression(
                    SyntaxKind.ObjectInitializerExpression,
                    SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
                    SyntaxFactory.SingletonSeparatedList(assignment),
                    SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Space));
                return creation.WithoutTrailingTrivia().WithInitializer(initializer).WithTrailingTrivia(creation.GetTrailingTrivia());
            case { } existing when existing.IsKind(SyntaxKind.ObjectInitializerExpression):
                if (existing.Expressions.Any(e => e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } && name.Identifier.ValueText == member))
                {
                    return null;
                }

                return existing.Expressions.Count == 0
                    ? creation.WithInitializer(existing.WithExpressions(SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(assignment.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space))))
                    : creation.WithInitializer(existing.WithExpressions(Append(existing.Expressions, assignment)));
            default:
                return null;
        }
    }

    /// <summary>The string key of a dictionary initializer entry (<c>["k"] = v</c> or <c>{ "k", v }</c>), or null.</summary>
    private static string? EntryKey(ExpressionSyntax entry) => entry switch
    {
        AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax { ArgumentList.Arguments: [{ Expression: LiteralExpressionSyntax key }] } } => key.Token.ValueText,
        InitializerExpressionSyntax { Expressions: [LiteralExpressionSyntax key, ..] } => key.Token.ValueText,
        _ => null,
    };

    /// <summary>Appends an element laid out like the last one (same indentation; a trailing comma stays trailing).</summary>
    private static SeparatedSyntaxList<T> Append<T>(SeparatedSyntaxList<T> list, T element)
        where T : SyntaxNode
    {
        if (list.Count == 0)
        {
            return list.Add(element);
        }

        var last = list[list.Count - 1];
        var nodes = list.Take(list.Count - 1).ToList();
        var separators = Enumerable.Range(0, list.SeparatorCount).Select(i => list.GetSeparator(i)).ToList();
        var hasTrailingComma = list.SeparatorCount == list.Count;
        if (hasTrailingComma)
        {
            // a, b, → a, b, new,
            nodes.Add(last);
            nodes.Add(element.WithLeadingTrivia(last.GetLeadingTrivia()).WithTrailingTrivia(last.GetTrailingTrivia()));
            separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(LayoutOnly(separators[separators.Count - 1].TrailingTrivia)));
        }
        else
        {
            // a, b → a, b, new: the comma takes b's trailing trivia (a space or a line break).
            nodes.Add(last.WithTrailingTrivia());
            nodes.Add(element.WithLeadingTrivia(last.GetLeadingTrivia()).WithTrailingTrivia(LayoutOnly(last.GetTrailingTrivia())));
            separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(last.GetTrailingTrivia()));
        }

        return SyntaxFactory.SeparatedList(nodes, separators);
    }

    /// <summary>
    /// The line break (or, on one line, the spaces) of a neighbour's trailing trivia, without its comment: a comment that
    /// ends the last line (<c>TopP = 1.5f, // why</c>) belongs to that line, not to the one the fix adds after it.
    /// </summary>
    private static SyntaxTriviaList LayoutOnly(SyntaxTriviaList trivia)
    {
        var lineBreaks = trivia.Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToList();
        return SyntaxFactory.TriviaList(lineBreaks.Count > 0 ? lineBreaks : trivia.Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
    }
}
