using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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
internal sealed partial class CallSiteEvidence
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
    private readonly ConcurrentDictionary<(SyntaxTree Tree, string Name), bool> _fileBindsToEvidence = new();
    private readonly ConcurrentDictionary<SyntaxTree, bool> _fileMayHaveEvidence = new();

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
            using var trace = _origins.Begin(model, cancellationToken);
            found = new Search(this, trace).Decide(start);
            _decided.TryAdd(start, found);
        }

        return found;
    }

    /// <summary>
    /// Whether the file can hold evidence at all: a literal part in its text, or an identifier of one of the names that binds
    /// to an evidence symbol (bound once per file: most files that spell such a name use someone else's).
    /// </summary>
    private bool FileMayHaveEvidence(ValueOrigins.Trace trace)
    {
        // Decided once per file: every search in the file asks, and each question below takes a lock.
        var tree = trace.Model.SyntaxTree;
        if (!_fileMayHaveEvidence.TryGetValue(tree, out var may))
        {
            may = FileShowsEvidence(trace, tree);
            _fileMayHaveEvidence.TryAdd(tree, may);
        }

        return may;
    }

    private bool FileShowsEvidence(ValueOrigins.Trace trace, SyntaxTree tree)
    {
        foreach (var part in _literalParts)
        {
            if (Mentions(tree, part, wholeWord: false, trace.CancellationToken))
            {
                return true;
            }
        }

        foreach (var name in _identifiers)
        {
            if (!Mentions(tree, name, wholeWord: true, trace.CancellationToken))
            {
                continue;
            }

            if (!_fileBindsToEvidence.TryGetValue((tree, name), out var binds))
            {
                binds = FileBindsToEvidence(trace, name);
                _fileBindsToEvidence.TryAdd((tree, name), binds);
            }

            if (binds)
            {
                return true;
            }
        }

        return false;
    }

    private bool FileBindsToEvidence(ValueOrigins.Trace trace, string name)
    {
        foreach (var identifier in trace.IdentifiersNamed(trace.Model.SyntaxTree.GetRoot(trace.CancellationToken), name))
        {
            if (trace.Symbol(identifier) is { } symbol && _isEvidence(symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the node itself holds evidence (a string with a literal part, or a name bound to an evidence symbol), in one
    /// walk that also collects, into <see cref="ValueOrigins.Trace.WalkedNames"/>, the names in it that can name a variable
    /// (in the order written), for the caller to follow when the node itself shows nothing.
    /// </summary>
    private bool HasDirectEvidence(SyntaxNode node, ValueOrigins.Trace trace)
    {
        var walk = trace.WalkNodes;
        var floor = walk.Count;
        var writes = trace.BeginWalk();
        walk.Push(node);
        try
        {
            while (walk.Count > floor)
            {
                var current = walk.Pop();
                switch (current)
                {
                    // The tokens a string can hold: a literal's (a plain or UTF-8 string; raw strings don't count) and an
                    // interpolated string's text parts.
                    case LiteralExpressionSyntax literal:
                        if ((literal.Token.IsKind(SyntaxKind.StringLiteralToken) || literal.Token.IsKind(SyntaxKind.Utf8StringLiteralToken)) && HasLiteralPart(literal.Token.ValueText))
                        {
                            return true;
                        }

                        continue;
                    case InterpolatedStringTextSyntax text:
                        if (HasLiteralPart(text.TextToken.ValueText))
                        {
                            return true;
                        }

                        continue;
                    case IdentifierNameSyntax identifier:
                        if (IsIdentifier(identifier.Identifier.ValueText) && trace.Symbol(identifier) is { } symbol && _isEvidence(symbol))
                        {
                            return true;
                        }

                        // A member an object initializer sets (Temperature of new ChatCompletionOptions { Temperature = 1 }) is
                        // given a value here, not read: where it got other values says nothing about this one.
                        if (ValueOrigins.CanNameVariable(identifier) && !(identifier.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } set && set.Left == identifier))
                        {
                            trace.WalkedNames.Add(identifier);
                        }

                        continue;
                }

                // What a node declares or assigns is met here too: the search asks for it next (see Trace.Written).
                trace.NoteWriting(current);
                ValueOrigins.PushChildren(current, walk);
            }

            trace.EndWalk(node, writes);
            return false;
        }
        finally
        {
            while (walk.Count > floor)
            {
                walk.Pop();
            }
        }
    }

    private bool HasLiteralPart(string text)
    {
        for (var i = 0; i < _literalParts.Count; i++)
        {
            if (text.IndexOf(_literalParts[i], StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsIdentifier(string text)
    {
        for (var i = 0; i < _identifiers.Count; i++)
        {
            if (_identifiers[i] == text)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One search from one statement, over one trace of the origin tracker.</summary>
    private readonly struct Search
    {
        private readonly CallSiteEvidence _evidence;
        private readonly ValueOrigins.Trace _trace;

        public Search(CallSiteEvidence evidence, ValueOrigins.Trace trace)
        {
            _evidence = evidence;
            _trace = trace;
        }

        public bool Decide(SyntaxNode start)
        {
            // Every origin the search can reach is in this file: a file that never spells the evidence, or whose identifiers
            // of those names all bind to something else, can't have it.
            if (!_evidence.FileMayHaveEvidence(_trace))
            {
                return false;
            }

            // Forward: the statements the start's variables are passed to, up to MaxHops away; each is searched backward (for
            // where its variables got their values) as soon as it is found. The statements are searched in the order they are
            // found, as if all were found first, so the answer is the same; but most searches that find the evidence find it
            // in the start or in the first statement it is passed to, and then the statements further away are never looked for.
            var related = _trace.RelatedNodes;
            related.Add(start);
            if (FromOrigins(start))
            {
                return true;
            }

            var seeds = _trace.Symbols;
            var frontier = _trace.Frontier;
            var next = _trace.NextFrontier;
            AddNew(_trace.Written(start), seeds, frontier);
            for (var hop = 0; hop < MaxHops && frontier.Count > 0 && related.Count < MaxNodes; hop++)
            {
                next.Clear();
                foreach (var symbol in frontier)
                {
                    var uses = _trace.PassedOn(symbol);
                    for (var i = 0; i < uses.Count; i++)
                    {
                        var use = uses[i];
                        if (!related.Contains(use))
                        {
                            related.Add(use);
                            if (FromOrigins(use))
                            {
                                return true;
                            }

                            AddNew(_trace.Written(use), seeds, next);
                        }
                    }
                }

                (frontier, next) = (next, frontier);
            }

            return false;
        }

        private static void AddNew(ValueOrigins.WrittenSymbols written, HashSet<ISymbol> seen, List<ISymbol> into)
        {
            for (var i = 0; i < written.Count; i++)
            {
                if (seen.Add(written[i]))
                {
                    into.Add(written[i]);
                }
            }
        }

        /// <summary>Whether this node, or where any variable it mentions got its value, shows the evidence.</summary>
        private bool FromOrigins(SyntaxNode node)
        {
            var floor = _trace.PendingNodes.Count;
            _trace.PendingNodes.Add(node);
            var visited = _trace.VisitedNodes;
            var names = _trace.WalkedNames;
            var namesFloor = names.Count;
            try
            {
                while (visited.Count < MaxNodes && _trace.PopAbove(floor) is { } current)
                {
                    if (!visited.Add(current))
                    {
                        continue;
                    }

                    // The node's own strings and names first, then where its variables got their values (the names its
                    // walk collected: the ones above where this node's walk started; a nested search removes its own).
                    names.RemoveRange(namesFloor, names.Count - namesFloor);
                    if (_evidence.HasDirectEvidence(current, _trace))
                    {
                        return true;
                    }

                    var namesEnd = names.Count;
                    for (var n = namesFloor; n < namesEnd; n++)
                    {
                        var symbol = _trace.Symbol(names[n]);
                        if (symbol is ILocalSymbol)
                        {
                            var origins = _trace.Origins(symbol);
                            for (var i = 0; i < origins.Count; i++)
                            {
                                _trace.PendingNodes.Add(origins[i]);
                            }
                        }
                        else if (symbol is IFieldSymbol or IPropertySymbol && MemberHasEvidence(symbol))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }
            finally
            {
                _trace.PendingNodes.RemoveRange(floor, _trace.PendingNodes.Count - floor);
                names.RemoveRange(namesFloor, names.Count - namesFloor);
            }
        }

        /// <summary>
        /// A field's or property's evidence, searched from its own origins. Only what was found is remembered: a search that
        /// found nothing may have been cut short by a cycle or the node budget, and the next caller should look again.
        /// </summary>
        private bool MemberHasEvidence(ISymbol member)
        {
            var inProgress = _trace.MembersInProgress;
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

            var found = false;
            var origins = _trace.Origins(member);
            for (var i = 0; i < origins.Count && !found; i++)
            {
                found = FromOrigins(origins[i]);
            }

            inProgress.Remove(member);
            if (found)
            {
                memberEvidence[member] = true;
            }

            return found;
        }
    }
}
