using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>The per-file text check in front of every search: a file that never spells the evidence can't hold it.</summary>
internal sealed partial class CallSiteEvidence
{
    // Per file, a plain dictionary under a lock: a file is asked about a handful of words, and a concurrent dictionary for
    // each of a thousand files allocated more than every rule's analysis of them.
    private static readonly ConditionalWeakTable<SyntaxTree, Dictionary<(string Word, bool WholeWord), bool>> MentionsByTree = new();
    private static readonly ConditionalWeakTable<SyntaxTree, Dictionary<(string Word, bool WholeWord), bool>>.CreateValueCallback NewMentions = static _ => new Dictionary<(string Word, bool WholeWord), bool>();

    /// <summary>
    /// Whether the file's text contains any of the literal parts (anywhere, case-insensitive) or any of the identifiers (as
    /// a whole word: not inside a longer name such as <c>ChatCompletionRequestOptions</c>), remembered per file and word.
    /// </summary>
    public static bool MentionsAny(SyntaxTree tree, IReadOnlyList<string> literalParts, IReadOnlyList<string> identifiers, CancellationToken cancellationToken)
    {
        // Index loops: a foreach over an IReadOnlyList boxes its enumerator, on every question.
        for (var i = 0; i < literalParts.Count; i++)
        {
            if (Mentions(tree, literalParts[i], wholeWord: false, cancellationToken))
            {
                return true;
            }
        }

        for (var i = 0; i < identifiers.Count; i++)
        {
            if (Mentions(tree, identifiers[i], wholeWord: true, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Mentions(SyntaxTree tree, string word, bool wholeWord, CancellationToken cancellationToken)
    {
        var known = MentionsByTree.GetValue(tree, NewMentions);
        var key = (word, wholeWord);
        lock (known)
        {
            if (known.TryGetValue(key, out var found))
            {
                return found;
            }
        }

        var text = tree.GetText(cancellationToken).ToString();
        var mentioned = wholeWord ? HasWholeWord(text, word) : text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;
        lock (known)
        {
            known[key] = mentioned;
        }

        return mentioned;
    }

    /// <summary>Whether <paramref name="word"/> stands in the text as a whole word (case-sensitive), not inside a longer name.</summary>
    private static bool HasWholeWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var after = at + word.Length;
            if ((at == 0 || !IsIdentifierPart(text[at - 1])) && (after >= text.Length || !IsIdentifierPart(text[after])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
