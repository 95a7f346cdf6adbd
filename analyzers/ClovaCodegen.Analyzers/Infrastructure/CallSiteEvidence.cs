using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// Decides, for the <c>endpoint</c> scope, whether the code around a call site provably talks to CLOVA Studio.
/// <para>
/// From the statement that holds the anchor it goes forward to the statements that use what that statement declares or
/// assigns (options → the call that sends them; a body → its content → the POST), then backward from every variable
/// those statements mention to where it was given its value: local declarations and assignments in the same body, field
/// and property initializers and assignments (constructors included) in the same type. The code talks to CLOVA when one
/// of those places names a CLOVA Studio API host or ClovaCodegen's API (ClovaOpenAI, ClovaStudioClient, endpoints,
/// generated requests). Anything it can't see (parameters, other types, other files) proves nothing, so it stays quiet.
/// </para>
/// </summary>
internal sealed class CallSiteEvidence
{
    private const int MaxHops = 3;
    private const int MaxNodes = 128;

    /// <summary>ClovaCodegen's API: code that names it talks to CLOVA.</summary>
    public static readonly string[] ClovaApiNames = { "ClovaOpenAI", "ClovaStudioClient", "ClovaStudioClientOptions", "ClovaStudioEndpoints", "ClovaChatClient", "ClovaEmbeddingGenerator", "ChatCompletionRequest", "EmbeddingRequest", "AddClovaStudio" };

    private readonly SemanticModel _model;
    private readonly IReadOnlyList<string> _literalParts;
    private readonly IReadOnlyList<string> _identifiers;
    private readonly Func<ISymbol, bool> _isEvidence;
    private readonly KnownTypes _types;
    private readonly CancellationToken _cancellationToken;
    private readonly ConcurrentDictionary<ISymbol, bool>? _memberEvidence;
    // Made when first needed: most searches end at the file check, before any of them is used.
    private HashSet<SyntaxNode>? _visitedNodes;
    private HashSet<ISymbol>? _membersInProgressSet;
    private Dictionary<SyntaxNode, ISymbol?>? _symbolsByNode;
    private Dictionary<SyntaxNode, List<ISymbol>>? _writtenByStatement;
    private string? _fileText;

    private CallSiteEvidence(SemanticModel model, IReadOnlyList<string> literalParts, IReadOnlyList<string> identifiers, Func<ISymbol, bool> isEvidence, KnownTypes types, ConcurrentDictionary<ISymbol, bool>? memberEvidence, CancellationToken cancellationToken)
    {
        _model = model;
        _literalParts = literalParts;
        _identifiers = identifiers;
        _isEvidence = isEvidence;
        _types = types;
        _memberEvidence = memberEvidence;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Whether the code at the anchor provably talks to CLOVA: a CLOVA API host or ClovaCodegen's API.
    /// <paramref name="memberEvidence"/> remembers, per compilation, what was found for fields and properties: every method
    /// of a service class asks about the same client field.
    /// </summary>
    /// <paramref name="decided"/> remembers, per compilation, the answer for each statement searched from: several
    /// findings in one statement (an options initializer that sets three fields wrongly) are decided once.
    public static bool TalksToClova(SemanticModel model, SyntaxNode anchor, IReadOnlyList<string> hosts, KnownTypes types, ConcurrentDictionary<ISymbol, bool> memberEvidence, ConcurrentDictionary<SyntaxNode, bool> decided, CancellationToken cancellationToken)
    {
        var start = Statement(anchor);
        if (!decided.TryGetValue(start, out var talks))
        {
            talks = new CallSiteEvidence(model, hosts, ClovaApiNames, types.IsOursCheck, types, memberEvidence, cancellationToken).Decide(anchor, followUses: true);
            decided.TryAdd(start, talks);
        }

        return talks;
    }

    /// <summary>
    /// Whether the code at the anchor, or where its variables got their values, has a string containing one of
    /// <paramref name="literalParts"/> or an identifier spelled as one of <paramref name="identifiers"/> that binds to a
    /// symbol <paramref name="isEvidence"/> accepts (a name alone proves nothing: other libraries have types of the same
    /// names). With <paramref name="followUses"/> the search starts from the anchor's statement and the calls its
    /// variables are passed to; without, from the anchor node alone (what a call's receiver and arguments are made of).
    /// <paramref name="memberEvidence"/> remembers, per compilation and evidence, what was found for fields and properties.
    /// </summary>
    public static bool Finds(SemanticModel model, SyntaxNode anchor, IReadOnlyList<string> literalParts, IReadOnlyList<string> identifiers, Func<ISymbol, bool> isEvidence, KnownTypes types, bool followUses, ConcurrentDictionary<ISymbol, bool> memberEvidence, CancellationToken cancellationToken) =>
        new CallSiteEvidence(model, literalParts, identifiers, isEvidence, types, memberEvidence, cancellationToken).Decide(anchor, followUses);

    private bool Decide(SyntaxNode anchor, bool followUses)
    {
        // Every origin the search can reach is in this file: a file that never spells the evidence, or whose identifiers
        // of those names all bind to something else, can't have it.
        if (!FileMayHaveEvidence())
        {
            return false;
        }

        if (!followUses)
        {
            return FromOrigins(anchor);
        }

        var start = Statement(anchor);
        var related = new List<SyntaxNode> { start };
        var seeds = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var frontier = new List<ISymbol>();
        foreach (var written in Written(start))
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
                foreach (var use in Uses(symbol, passedOnly: true))
                {
                    if (related.Contains(use))
                    {
                        continue;
                    }

                    related.Add(use);
                    foreach (var written in Written(use))
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

    // Per file, a plain dictionary under a lock: a file is asked about a handful of words (in endpoint scope, also the
    // name of each variable a search follows), and a concurrent dictionary for each of a thousand files allocated more
    // than every rule's analysis of them.
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
    /// to an evidence symbol (bound once per file and compilation: most files that spell such a name use someone else's).
    /// </summary>
    private bool FileMayHaveEvidence()
    {
        var tree = _model.SyntaxTree;
        foreach (var part in _literalParts)
        {
            if (Mentions(tree, part, wholeWord: false, _cancellationToken))
            {
                return true;
            }
        }

        foreach (var name in _identifiers)
        {
            if (!Mentions(tree, name, wholeWord: true, _cancellationToken))
            {
                continue;
            }

            if (!_types.TryGetFileEvidence(tree, name, _isEvidence, out var binds))
            {
                binds = FileBindsToEvidence(name);
                _types.SetFileEvidence(tree, name, _isEvidence, binds);
            }

            if (binds)
            {
                return true;
            }
        }

        return false;
    }

    private bool FileBindsToEvidence(string name)
    {
        var root = _model.SyntaxTree.GetRoot(_cancellationToken);
        foreach (var identifier in IdentifiersNamed(root, name))
        {
            if (Symbol(identifier) is { } symbol && _isEvidence(symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether this node, or where any variable it mentions got its value, shows CLOVA evidence.</summary>
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

            if (HasDirectEvidence(current))
            {
                return true;
            }

            foreach (var descendant in current.DescendantNodesAndSelf())
            {
                if (descendant is not IdentifierNameSyntax identifier || !CanNameVariable(identifier))
                {
                    continue;
                }

                var symbol = Symbol(identifier);
                if (symbol is IFieldSymbol or IPropertySymbol && _memberEvidence is not null)
                {
                    if (MemberHasEvidence(symbol))
                    {
                        return true;
                    }
                }
                else if (symbol is ILocalSymbol or IFieldSymbol or IPropertySymbol)
                {
                    foreach (var origin in Origins(symbol))
                    {
                        pending.Push(origin);
                    }
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
        var inProgress = _membersInProgressSet ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (_memberEvidence!.TryGetValue(member, out var known) || !inProgress.Add(member))
        {
            return known;
        }

        // A member declared in no source (the SDK's options properties, written in every search) has no origins anywhere.
        if (member.DeclaringSyntaxReferences.IsEmpty)
        {
            inProgress.Remove(member);
            _memberEvidence[member] = false;
            return false;
        }

        var found = Origins(member).ToList().Any(FromOrigins);
        inProgress.Remove(member);
        if (found)
        {
            _memberEvidence[member] = true;
        }

        return found;
    }

    private bool HasDirectEvidence(SyntaxNode node)
    {
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken) || token.IsKind(SyntaxKind.Utf8StringLiteralToken))
            {
                var text = token.ValueText;
                foreach (var part in _literalParts)
                {
                    if (text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return true;
                    }
                }
            }
            else if (token.IsKind(SyntaxKind.IdentifierToken) && _identifiers.Contains(token.ValueText)
                && token.Parent is IdentifierNameSyntax identifier && Symbol(identifier) is { } symbol && _isEvidence(symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where a local, field or property of this type gets its value: its declarator, the assignments to it, and the calls
    /// that change it (<c>options.Patch.Set(...)</c>, <c>options.AddPolicy(...)</c>).
    /// </summary>
    private IEnumerable<SyntaxNode> Origins(ISymbol symbol)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == _model.SyntaxTree)
            {
                yield return reference.GetSyntax(_cancellationToken);
            }
        }

        foreach (var use in Uses(symbol))
        {
            if (Writes(use, symbol) || IsCallOn(use, symbol))
            {
                yield return use;
            }
        }
    }

    private bool Writes(SyntaxNode statement, ISymbol symbol)
    {
        foreach (var written in Written(statement))
        {
            if (SymbolEqualityComparer.Default.Equals(written, symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The statements (or member declarations) in the symbol's region that mention it; with <paramref name="passedOnly"/>,
    /// only those that pass it on (as an argument, an initializer or the receiver of a call), not that merely print it.
    /// </summary>
    private IEnumerable<SyntaxNode> Uses(ISymbol symbol, bool passedOnly = false)
    {
        var region = Region(symbol);
        if (region is null)
        {
            yield break;
        }

        var seen = new HashSet<SyntaxNode>();
        foreach (var identifier in IdentifiersNamed(region, symbol.Name))
        {
            if ((!passedOnly || identifier.Parent is ArgumentSyntax or EqualsValueClauseSyntax or AssignmentExpressionSyntax || identifier.Parent is MemberAccessExpressionSyntax access && access.Expression == identifier)
                && SymbolEqualityComparer.Default.Equals(Symbol(identifier), symbol)
                && Statement(identifier) is var statement
                && seen.Add(statement))
            {
                yield return statement;
            }
        }
    }

    /// <summary>
    /// The identifiers spelled <paramref name="name"/> in the region, found by searching the file's text: a field's region
    /// is its whole type, and walking every node of it (a thousand or more in a small service class) to find the two or
    /// three that matter cost more than the rest of the search. An identifier written with a Unicode escape is not found;
    /// the search then sees less and stays quiet.
    /// </summary>
    private IEnumerable<IdentifierNameSyntax> IdentifiersNamed(SyntaxNode region, string name)
    {
        if (name.Length == 0)
        {
            yield break;
        }

        // A parsed file's text is usually backed by one string, which ToString() returns without copying.
        var text = _fileText ??= _model.SyntaxTree.GetText(_cancellationToken).ToString();
        var end = region.Span.End;
        for (var at = text.IndexOf(name, region.SpanStart, end - region.SpanStart, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, end - at - name.Length, StringComparison.Ordinal))
        {
            // The match may sit inside a longer name, a string or a comment: only an identifier token of exactly this name counts.
            var token = region.FindToken(at);
            if (token.Span.Contains(at) && token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name && token.Parent is IdentifierNameSyntax identifier)
            {
                yield return identifier;
            }
        }
    }

    /// <summary>A local lives in its body; a field or property in its type's declaration in this file.</summary>
    private SyntaxNode? Region(ISymbol symbol)
    {
        var declaration = symbol.DeclaringSyntaxReferences.FirstOrDefault(r => r.SyntaxTree == _model.SyntaxTree)?.GetSyntax(_cancellationToken);
        return symbol switch
        {
            ILocalSymbol => declaration?.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax),
            IFieldSymbol or IPropertySymbol => declaration?.FirstAncestorOrSelf<TypeDeclarationSyntax>(),
            _ => null,
        };
    }

    /// <summary>The symbols a statement declares or assigns (the root of each assignment's left side).</summary>
    private List<ISymbol> Written(SyntaxNode statement)
    {
        // The same statements come up as uses of one symbol and origins of another: each is read once per search.
        var known = _writtenByStatement ??= new Dictionary<SyntaxNode, List<ISymbol>>();
        if (!known.TryGetValue(statement, out var written))
        {
            written = new List<ISymbol>();
            foreach (var symbol in WrittenIn(statement))
            {
                written.Add(symbol);
            }

            known[statement] = written;
        }

        return written;
    }

    private IEnumerable<ISymbol> WrittenIn(SyntaxNode statement)
    {
        foreach (var node in statement.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax declarator when _model.GetDeclaredSymbol(declarator, _cancellationToken) is { } declared:
                    yield return declared;
                    break;
                case PropertyDeclarationSyntax property when _model.GetDeclaredSymbol(property, _cancellationToken) is { } declared:
                    yield return declared;
                    break;
                case AssignmentExpressionSyntax assignment when ValueOrigins.SyntaxRoot(assignment.Left) is { } root && Symbol(root) is { } assigned:
                    yield return assigned;
                    break;
            }
        }
    }

    /// <summary>
    /// A statement that configures the symbol: <c>x.AddPolicy(...)</c>, <c>x.SetY(...)</c>, <c>x.Patch.Set(...)</c>,
    /// <c>x.Headers.Add(...)</c>. Calls that merely use it (<c>http.PostAsync(...)</c>) don't count: they say nothing about
    /// where the object points.
    /// </summary>
    private bool IsCallOn(SyntaxNode statement, ISymbol symbol) =>
        statement is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } }
        && (access.Expression is MemberAccessExpressionSyntax || ValueOrigins.IsConfiguringName(access.Name.Identifier.ValueText))
        && ValueOrigins.SyntaxRoot(access.Expression) is { } root && SymbolEqualityComparer.Default.Equals(Symbol(root), symbol);

    /// <summary>The identifier's symbol, looked up once per search (the same names come up again and again).</summary>
    private ISymbol? Symbol(IdentifierNameSyntax identifier)
    {
        var symbols = _symbolsByNode ??= new Dictionary<SyntaxNode, ISymbol?>();
        if (!symbols.TryGetValue(identifier, out var symbol))
        {
            symbol = (CanNameVariable(identifier) ? ReferencedVariable(identifier) : null) ?? _model.GetSymbolInfo(identifier, _cancellationToken).Symbol;
            symbols[identifier] = symbol;
        }

        return symbol;
    }

    /// <summary>
    /// The local, parameter, field or property a name refers to, read from the operation the compiler already built for it
    /// (a lookup in the model's map: asking the binder for symbol info took most of a search's time); null when the name
    /// has no reference operation of its own, and the binder is asked.
    /// </summary>
    private ISymbol? ReferencedVariable(IdentifierNameSyntax identifier) => _model.GetOperation(identifier, _cancellationToken)?.WithoutConversions() switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
        _ => null,
    };

    /// <summary>
    /// Whether an identifier can name a variable: not the member after a dot (<c>x.Name</c>, but <c>this.x</c> is), not a type (<c>new T()</c>,
    /// <c>T x</c>, <c>A.B</c>, <c>List&lt;T&gt;</c>), not a method being called. Saves most symbol lookups.
    /// </summary>
    private static bool CanNameVariable(IdentifierNameSyntax identifier) => identifier.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression == identifier || access.Expression is ThisExpressionSyntax,
        ObjectCreationExpressionSyntax or QualifiedNameSyntax or VariableDeclarationSyntax or TypeArgumentListSyntax or NameEqualsSyntax => false,
        InvocationExpressionSyntax invocation => invocation.Expression != identifier,
        _ => true,
    };

    /// <summary>The innermost statement (not a block) or member declaration holding the node.</summary>
    private static SyntaxNode Statement(SyntaxNode node) =>
        node.FirstAncestorOrSelf<SyntaxNode>(n => n is StatementSyntax and not BlockSyntax || n is MemberDeclarationSyntax and not TypeDeclarationSyntax) ?? node;
}
