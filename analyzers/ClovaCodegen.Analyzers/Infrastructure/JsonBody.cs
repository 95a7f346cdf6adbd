using System;
using Microsoft.CodeAnalysis;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>A request body written as constant JSON text (see <see cref="RequestWrites.JsonChatBody"/>).</summary>
internal sealed class JsonBody
{
    public JsonBody(IOperation operation, IOperation content, IOperation source, string text)
    {
        Content = content;
        Source = source;
        Text = text;

        // On the text when it is written in the call; on the body the call is given when the text is elsewhere (a local's
        // value): a diagnostic belongs to the code being analyzed.
        ReportAt = operation.Syntax.Span.Contains(source.Syntax.Span) ? source.Syntax : content.Syntax;
    }

    /// <summary>What the call is given (<c>BinaryContent.Create(...)</c>, the string).</summary>
    public IOperation Content { get; }

    /// <summary>The operation with the constant text (a literal, a constant, where a local got its value).</summary>
    public IOperation Source { get; }

    public string Text { get; }

    /// <summary>Where a finding about the body is reported (the fix edits <see cref="Source"/>).</summary>
    public SyntaxNode ReportAt { get; }

    public bool Has(string key) => HasKey(Text, key);

    /// <summary>Whether <c>"key"</c> stands in the text as a member name (followed by a colon), at any depth.</summary>
    public static bool HasKey(string json, string key)
    {
        var quoted = "\"" + key + "\"";
        for (var at = json.IndexOf(quoted, StringComparison.Ordinal); at >= 0; at = json.IndexOf(quoted, at + 1, StringComparison.Ordinal))
        {
            var after = at + quoted.Length;
            while (after < json.Length && char.IsWhiteSpace(json[after]))
            {
                after++;
            }

            if (after < json.Length && json[after] == ':')
            {
                return true;
            }
        }

        return false;
    }
}
