using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClovaCodegen.CodeFixes.Infrastructure;

/// <summary>
/// Edits of JSON written as a C# string literal (regular, verbatim, raw or UTF-8), made on the literal's text as written so
/// that its escapes, quotes and raw-string indentation stay as they are.
/// </summary>
internal static class JsonLiteralEdits
{
    /// <summary>
    /// The literal with <paramref name="edit"/> applied: it gets the text (as written, then as its value) and how a JSON
    /// quote is written in that text (<c>\"</c>, <c>""</c> or <c>"</c>). Null when the literal is no string, the edit
    /// declines, or the edited literal does not read back as the same edit of the value.
    /// </summary>
    public static LiteralExpressionSyntax? Edit(LiteralExpressionSyntax literal, Func<string, string, string?> edit)
    {
        var token = literal.Token;
        var quote = token.Kind() switch
        {
            SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken => token.Text.StartsWith("@", StringComparison.Ordinal) ? "\"\"" : "\\\"",
            SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
                or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken => "\"",
            _ => null,
        };
        if (quote is null || edit(token.Text, quote) is not { } text || edit(token.ValueText, "\"") is not { } expected
            || SyntaxFactory.ParseExpression(text) is not LiteralExpressionSyntax edited || edited.ContainsDiagnostics || edited.Token.ValueText != expected)
        {
            return null;
        }

        return literal.CopyAnnotationsTo(edited.WithTriviaFrom(literal));
    }

    /// <summary>Every member name <paramref name="from"/> (a quoted name followed by a colon) renamed <paramref name="to"/>; null when there is none.</summary>
    public static string? RenameKey(string text, string quote, string from, string to)
    {
        var quoted = quote + from + quote;
        var builder = new System.Text.StringBuilder(text.Length);
        var copied = 0;
        for (var at = text.IndexOf(quoted, StringComparison.Ordinal); at >= 0; at = text.IndexOf(quoted, at + quoted.Length, StringComparison.Ordinal))
        {
            var after = at + quoted.Length;
            while (after < text.Length && char.IsWhiteSpace(text[after]))
            {
                after++;
            }

            if (after < text.Length && text[after] == ':')
            {
                builder.Append(text, copied, at - copied).Append(quote).Append(to).Append(quote);
                copied = at + quoted.Length;
            }
        }

        return copied == 0 ? null : builder.Append(text, copied, text.Length - copied).ToString();
    }
}
