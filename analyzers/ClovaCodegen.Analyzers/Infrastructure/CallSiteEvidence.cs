using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// Whether the code around a call site shows a kind of evidence: a string that contains one of some literal parts (a CLOVA
/// Studio API host), or an identifier of one of some names that binds to a symbol a predicate accepts (ClovaCodegen's API:
/// a name alone proves nothing, other libraries have types of the same names). The <c>endpoint</c> scope asks it whether
/// code talks to CLOVA; CLOVA009 whether options go to ClovaCodegen's chat client.
/// <para>
/// From the statement that holds the anchor it goes forward to the statements that use what that statement declares or
/// assigns (options → the call that sends them; a body → its content → the POST), then backward from every variable
/// those statements mention to where it was given its value. Where values come from and go to is
/// <see cref="ValueOrigins"/>'s (the one origin tracker); this class only says what counts as evidence, and remembers,
/// per compilation, what it found for each statement, field and property. Anything it can't see (parameters, other
/// types, other files) proves nothing, so it stays quiet.
/// </para>
/// </summary>
internal sealed class CallSiteEvidence
{
    private const int MaxHops = 3;
    private const int MaxNodes = 128;

    /// <summary>ClovaCodegen's API: code that names it talks to CLOVA.</summary>
    public static readonly string[] ClovaApiNames = { "ClovaOpenAI", "ClovaStudioClient", "ClovaStudioClientOptions", "ClovaStudioEndpoints", "ClovaChatClient", "ClovaEmbeddingGenerator", "ChatCompletionRequest", "EmbeddingRequest", "AddClovaStudio" };

    private readonly IReadOnlyList<string> _literalParts;
    private readonly IReadOnlyList<string> _identifiers;
    private readonly Func<ISymbol, bool> _isEvidence;
    private readonly ValueOrigins _origins;
    private readonly ConcurrentDictionary<SyntaxNode, bool> _decided = new();
    private readonly ConcurrentDictionary<ISymbol, bool> _memberEvidence = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxNode, bool> _directEvidence = new();
    private readonly ConcurrentDictionary<(SyntaxTree Tree, string Name), bool> _fileBindsToEvidence = new();

    /// <summary>One kind of evidence, for one compilation (it remembers what it found there).</summary>
    public CallSiteEvidence(IReadOnlyList<string> literalParts, IReadOnlyList<string> identifiers, Func<ISymbol, bool> isEvidence, ValueOrigins origins)
    {
        _literalParts = literalParts;
        _identifiers = identifiers;
        _isEvidence = isEvidence;
        _origins = origins;
    }

    /// <summary>
    /// Whether the anchor's statement, the statements its variables are passed to, or where any of their variables got
    /// their values, show the evidence. Decided once per statement: several findings in one statement (an options
    /// initializer that sets three fields wrongly) ask the same question.
    /// </summary>
    public bool Finds(SemanticModel model, SyntaxNode anchor, CancellationToken cancellationToken)
    {
        var start = ValueOrigins.Statement(anchor);
        if (!_decided.TryGetValue(start, out var found))
        {
            found = new Search(this, model, cancellationToken).Decide(start);
            _decided.TryAdd(start, found);
        }

        return found;
    }

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

    /// <summary>
    /// Whether the file can hold evidence at all: a literal part in its text, or an identifier of one of the names that binds
    /// to an evidence symbol (bound once per file: most files that spell such a name use someone else's).
    /// </summary>
    private bool FileMayHaveEvidence(SemanticModel model, CancellationToken cancellationToken)
    {
        var tree = model.SyntaxTree;
        foreach (var part in _literalParts)
        {
            if (Mentions(tree, part, wholeWord: false, cancellationToken))
            {
                return true;
            }
        }

        foreach (var name in _identifiers)
        {
            if (!Mentions(tree, name, wholeWord: true, cancellationToken))
            {
                continue;
            }

            if (!_fileBindsToEvidence.TryGetValue((tree, name), out var binds))
            {
                binds = _origins.IdentifiersNamed(tree.GetRoot(cancellationToken), name, cancellationToken)
                    .Any(identifier => _origins.Symbol(identifier, model, cancellationToken) is { } symbol && _isEvidence(symbol));
                _fileBindsToEvidence.TryAdd((tree, name), binds);
            }

            if (binds)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the node itself holds evidence: a string with a literal part, or a name bound to an evidence symbol.</summary>
    private bool HasDirectEvidence(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (_directEvidence.TryGetValue(node, out var found))
        {
            return found;
        }

        found = false;
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken) || token.IsKind(SyntaxKind.Utf8StringLiteralToken))
            {
                var text = token.ValueText;
                foreach (var part in _literalParts)
                {
                    if (text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        found = true;
                        break;
                    }
                }
            }
            else if (token.IsKind(SyntaxKind.IdentifierToken) && _identifiers.Contains(token.ValueText)
                && token.Parent is IdentifierNameSyntax identifier && _origins.Symbol(identifier, model, cancellationToken) is { } symbol && _isEvidence(symbol))
            {
                found = true;
            }

            if (found)
            {
                break;
            }
        }

        _directEvidence.TryAdd(node, found);
        return found;
    }

    /// <summary>One search from one statement: the nodes and members it has visited.</summary>
    private sealed class Search
    {
        private readonly CallSiteEvidence _evidence;
        private readonly ValueOrigins _origins;
        private readonly SemanticModel _model;
        private readonly CancellationToken _cancellationToken;
        // Made when first needed: most searches end at the file check, before either is used.
        private HashSet<SyntaxNode>? _visitedNodes;
        private HashSet<ISymbol>? _membersInProgress;

        public Search(CallSiteEvidence evidence, SemanticModel model, CancellationToken cancellationToken)
        {
            _evidence = evidence;
            _origins = evidence._origins;
            _model = model;
            _cancellationToken = cancellationToken;
        }

        public bool Decide(SyntaxNode start)
        {
            // Every origin the search can reach is in this file: a file that never spells the evidence, or whose identifiers
            // of those names all bind to something else, can't have it.
            if (!_evidence.FileMayHaveEvidence(_model, _cancellationToken))
            {
                return false;
            }

            var related = new List<SyntaxNode> { start };
            var seeds = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var frontier = new List<ISymbol>();
            foreach (var written in _origins.Written(start, _model, _cancellationToken))
            {
                if (seeds.Add(written))
                {
                    frontier.Add(written);
                }
            }

            for (var hop = 0; hop < MaxHops && frontier.Count > 0 && related.Count < MaxNodes; hop++)
            {
                var next = new List<ISymbol>();
                foreach (var symbol in frontier)
                {
                    foreach (var use in _origins.PassedOn(symbol, _model, _cancellationToken))
                    {
                        if (related.Contains(use))
                        {
                            continue;
                        }

                        related.Add(use);
                        foreach (var written in _origins.Written(use, _model, _cancellationToken))
                        {
                            if (seeds.Add(written))
                            {
                                next.Add(written);
                            }
                        }
                    }
                }

                frontier = next;
            }

            foreach (var statement in related)
            {
                if (FromOrigins(statement))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether this node, or where any variable it mentions got its value, shows the evidence.</summary>
        private bool FromOrigins(SyntaxNode node)
        {
            var pending = new Stack<SyntaxNode>();
            pending.Push(node);
            var visited = _visitedNodes ??= new HashSet<SyntaxNode>();
            while (pending.Count > 0 && visited.Count < MaxNodes)
            {
                var current = pending.Pop();
                if (!visited.Add(current))
                {
                    continue;
                }

                if (_evidence.HasDirectEvidence(current, _model, _cancellationToken))
                {
                    return true;
                }

                foreach (var symbol in _origins.Variables(current, _model, _cancellationToken))
                {
                    if (symbol is ILocalSymbol)
                    {
                        foreach (var origin in _origins.Origins(symbol, _model, _cancellationToken))
                        {
                            pending.Push(origin);
                        }
                    }
                    else if (MemberHasEvidence(symbol))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// A field's or property's evidence, searched from its own origins. Only what was found is remembered: a search that
        /// found nothing may have been cut short by a cycle or the node budget, and the next caller should look again.
        /// </summary>
        private bool MemberHasEvidence(ISymbol member)
        {
            var inProgress = _membersInProgress ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            var memberEvidence = _evidence._memberEvidence;
            if (memberEvidence.TryGetValue(member, out var known) || !inProgress.Add(member))
            {
                return known;
            }

            // A member declared in no source (the SDK's options properties, written in every search) has no origins anywhere.
            if (member.DeclaringSyntaxReferences.IsEmpty)
            {
                inProgress.Remove(member);
                memberEvidence[member] = false;
                return false;
            }

            var found = _origins.Origins(member, _model, _cancellationToken).Any(FromOrigins);
            inProgress.Remove(member);
            if (found)
            {
                memberEvidence[member] = true;
            }

            return found;
        }
    }
}
