using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Infrastructure;

internal sealed partial class ValueOrigins
{
    /// <summary>
    /// One search through the tracker, in one file: it answers where a variable gets its value and where it is passed on,
    /// remembering for this search what each name binds to and what each statement writes, and holds the search's working
    /// sets and stacks. Made once per thread and reused: a search allocates nothing of its own once its thread has run one.
    /// </summary>
    public sealed partial class Trace : IDisposable
    {
        private readonly Dictionary<SyntaxNode, ISymbol?> _symbols = new();
        private readonly Dictionary<SyntaxNode, (int Start, int Count)> _writes = new();
        private readonly Dictionary<ISymbol, (int Start, int Count)> _localOrigins = new(SymbolEqualityComparer.Default);
        private readonly List<ISymbol> _written = new();
        private readonly Dictionary<ISymbol, (int Start, int Count)> _mentions = new(SymbolEqualityComparer.Default);
        private readonly List<IdentifierNameSyntax> _mentioned = new();
        private readonly Dictionary<SyntaxNode, (int Start, int Count)> _walkedWrites = new();
        private readonly List<SyntaxNode> _writingNodes = new();
        // Append-only during a search: the ranges handed out (origins, uses) stay valid until it ends.
        private readonly List<SyntaxNode> _found = new();
        private ValueOrigins _owner = null!;
        private SemanticModel _model = null!;
        private CancellationToken _cancellationToken;
        private string? _text;

        /// <summary>The file's semantic model.</summary>
        public SemanticModel Model => _model;

        public CancellationToken CancellationToken => _cancellationToken;

        /// <summary>Working sets for the search on top (empty when it starts).</summary>
        public HashSet<SyntaxNode> VisitedNodes { get; } = new();

        public HashSet<ISymbol> Symbols { get; } = new(SymbolEqualityComparer.Default);

        public HashSet<ISymbol> MembersInProgress { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>A stack shared by nested walks: each pops down to where it started (see <see cref="PopAbove"/>).</summary>
        public List<SyntaxNode> PendingNodes { get; } = new();

        public List<SyntaxNode> RelatedNodes { get; } = new();

        public List<ISymbol> Frontier { get; } = new();

        public List<ISymbol> NextFrontier { get; } = new();

        public Stack<IOperation> PendingOperations { get; } = new(32);

        public List<ISymbol> FollowedSymbols { get; } = new();

        /// <summary>A syntax walk's stack (see <see cref="PushChildren"/>); each walk pops down to where it started.</summary>
        public Stack<SyntaxNode> WalkNodes { get; } = new(64);

        /// <summary>Names met in a walk, to look at once it is done; nested walks each keep to what they added.</summary>
        public List<IdentifierNameSyntax> WalkedNames { get; } = new();

        internal void Start(ValueOrigins owner, SemanticModel model, CancellationToken cancellationToken)
        {
            _owner = owner;
            _model = model;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Ends the search: nothing of the compilation is kept, and the thread's next search reuses this one.</summary>
        public void Dispose()
        {
            _symbols.Clear();
            _writes.Clear();
            _localOrigins.Clear();
            _written.Clear();
            _mentions.Clear();
            _mentioned.Clear();
            _walkedWrites.Clear();
            _writingNodes.Clear();
            _found.Clear();
            VisitedNodes.Clear();
            Symbols.Clear();
            MembersInProgress.Clear();
            PendingNodes.Clear();
            RelatedNodes.Clear();
            Frontier.Clear();
            NextFrontier.Clear();
            PendingOperations.Clear();
            FollowedSymbols.Clear();
            WalkNodes.Clear();
            WalkedNames.Clear();
            ClearGiven();
            _owner = null!;
            _model = null!;
            _text = null;
            t_idle = this;
        }

        /// <summary>Pops the top of <see cref="PendingNodes"/> if it is above <paramref name="floor"/> (where a walk started).</summary>
        public SyntaxNode? PopAbove(int floor)
        {
            var pending = PendingNodes;
            if (pending.Count <= floor)
            {
                return null;
            }

            var node = pending[pending.Count - 1];
            pending.RemoveAt(pending.Count - 1);
            return node;
        }

        /// <summary>
        /// Where the local, field or property gets its value, as far as this file shows: its declaration (a declarator, a
        /// property declaration), then the statements that assign or configure it, in the order written.
        /// </summary>
        public Nodes Origins(ISymbol symbol)
        {
            if (symbol is ILocalSymbol)
            {
                if (!_localOrigins.TryGetValue(symbol, out var range))
                {
                    var start = _found.Count;
                    AddOrigins(symbol);
                    range = (start, _found.Count - start);
                    _localOrigins[symbol] = range;
                }

                return new Nodes(_found, range.Start, range.Count);
            }

            var key = (symbol, _model.SyntaxTree);
            if (!_owner._memberOrigins.TryGetValue(key, out var origins))
            {
                var start = _found.Count;
                AddOrigins(symbol);
                origins = ToArray(_found, start);
                _found.RemoveRange(start, _found.Count - start);
                _owner._memberOrigins.TryAdd(key, origins);
            }

            return new Nodes(origins);
        }

        /// <summary>
        /// The statements (or member declarations) in the variable's region that pass it on: as an argument, an initializer,
        /// in an assignment or as the receiver of a member access; not those that merely read it into something else.
        /// </summary>
        public Nodes PassedOn(ISymbol symbol)
        {
            var start = _found.Count;
            AddPassedOn(symbol);
            return new Nodes(_found, start, _found.Count - start);
        }

        /// <summary>The symbols a statement declares or assigns (the root of each assignment's left side).</summary>
        public WrittenSymbols Written(SyntaxNode statement)
        {
            if (!_writes.TryGetValue(statement, out var range))
            {
                var start = _written.Count;
                if (_walkedWrites.TryGetValue(statement, out var walked))
                {
                    // A walk of the whole statement already met its declarators and assignments, in the order written.
                    for (var i = walked.Start; i < walked.Start + walked.Count; i++)
                    {
                        AddWritten(_writingNodes[i]);
                    }
                }
                else
                {
                    var walk = WalkNodes;
                    var floor = walk.Count;
                    walk.Push(statement);
                    while (walk.Count > floor)
                    {
                        var node = walk.Pop();
                        // Type syntax (names, generic names, predefined types; not array types, whose sizes are expressions) and
                        // literals hold no declarator or assignment: their tokens are not walked.
                        if (node is not (TypeSyntax or LiteralExpressionSyntax) || node is ArrayTypeSyntax)
                        {
                            PushChildren(node, walk);
                        }

                        if (IsWriting(node))
                        {
                            AddWritten(node);
                        }
                    }
                }

                range = (start, _written.Count - start);
                _writes[statement] = range;
            }

            return new WrittenSymbols(_written, range.Start, range.Count);
        }

        /// <summary>
        /// Notes, during another walk of a whole node (in the order written), a declarator or assignment it holds, so that
        /// <see cref="Written"/> of that node needs no walk of its own: see <see cref="BeginWalk"/> and <see cref="EndWalk"/>.
        /// </summary>
        public void NoteWriting(SyntaxNode node)
        {
            if (IsWriting(node))
            {
                _writingNodes.Add(node);
            }
        }

        /// <summary>Starts noting the declarators and assignments of a walk (returns where its notes start).</summary>
        public int BeginWalk() => _writingNodes.Count;

        /// <summary>Ends a walk that visited every node of <paramref name="walked"/>: its notes are what the node writes.</summary>
        public void EndWalk(SyntaxNode walked, int start)
        {
            if (!_walkedWrites.ContainsKey(walked))
            {
                _walkedWrites[walked] = (start, _writingNodes.Count - start);
            }
        }

        private static bool IsWriting(SyntaxNode node) => node is VariableDeclaratorSyntax or PropertyDeclarationSyntax or AssignmentExpressionSyntax;

        private void AddWritten(SyntaxNode node)
        {
            var symbol = node switch
            {
                // A local's declarator has an operation already built (a lookup; asking the binder costs more).
                VariableDeclaratorSyntax declarator => (_model.GetOperation(declarator, _cancellationToken) as IVariableDeclaratorOperation)?.Symbol
                    ?? _model.GetDeclaredSymbol(declarator, _cancellationToken),
                PropertyDeclarationSyntax property => _model.GetDeclaredSymbol(property, _cancellationToken),
                AssignmentExpressionSyntax assignment when SyntaxRoot(assignment.Left) is { } root => Symbol(root),
                _ => null,
            };
            if (symbol is not null)
            {
                _written.Add(symbol);
            }
        }

        /// <summary>
        /// The symbol a name stands for: the local, parameter, field or property read from the operation the compiler already
        /// built for it (a lookup in the model's map: asking the binder took most of a search's time), else what the binder says.
        /// </summary>
        public ISymbol? Symbol(IdentifierNameSyntax identifier)
        {
            if (!_symbols.TryGetValue(identifier, out var symbol))
            {
                symbol = (CanNameVariable(identifier) ? ReferencedVariable(identifier) : null) ?? _model.GetSymbolInfo(identifier, _cancellationToken).Symbol;
                _symbols[identifier] = symbol;
            }

            return symbol;
        }

        /// <summary>The identifiers spelled <paramref name="name"/> in the region (see <see cref="ValueOrigins.IdentifiersNamed"/>).</summary>
        public IEnumerable<IdentifierNameSyntax> IdentifiersNamed(SyntaxNode region, string name) =>
            ValueOrigins.IdentifiersNamed(region, name, FileText());

        private void AddOrigins(ISymbol symbol)
        {
            var declaration = DeclarationIn(symbol, _model.SyntaxTree, _cancellationToken);
            if (declaration is not null)
            {
                _found.Add(declaration);
            }

            // Then the statements that write or configure it, in the order written. Whether a mention writes (the root of an
            // assignment's left side) or configures (the receiver's root of a configuring call made as a statement) shows in
            // the syntax around it, so only those mentions are bound: most mentions read the symbol, and binding each of them
            // and walking its statement for what it writes cost more than the rest of the search.
            var mentions = Mentions(symbol);
            var start = _found.Count;
            for (var i = mentions.Start; i < mentions.Start + mentions.Count; i++)
            {
                var identifier = _mentioned[i];
                if (WritesOrConfigures(identifier, out var statement)
                    && statement != declaration
                    && SymbolEqualityComparer.Default.Equals(Symbol(identifier), symbol)
                    && !FoundSince(start, statement))
                {
                    _found.Add(statement);
                }
            }
        }

        /// <summary>
        /// Whether the name is written to (<c>x = v</c>, <c>x.A = v</c>, <c>this.x[i] = v</c>: the root of an assignment's
        /// left side) or configured (<c>x.AddPolicy(...)</c>, <c>x.Patch.Set(...)</c>, see <see cref="ConfiguringCall"/>) where it
        /// stands; <paramref name="statement"/> is the statement that holds it.
        /// </summary>
        private static bool WritesOrConfigures(IdentifierNameSyntax identifier, out SyntaxNode statement)
        {
            // Up the access chain the name is the root of: x, x.A, x.A[i], this.x.
            ExpressionSyntax chain = identifier;
            while (true)
            {
                if (chain.Parent is MemberAccessExpressionSyntax access && (access.Expression == chain || access.Expression is ThisExpressionSyntax && access.Name == chain)
                    || chain.Parent is ElementAccessExpressionSyntax element && element.Expression == chain)
                {
                    chain = (ExpressionSyntax)chain.Parent;
                    continue;
                }

                break;
            }

            statement = Statement(identifier);
            if (chain.Parent is AssignmentExpressionSyntax assignment && assignment.Left == chain)
            {
                return true;
            }

            return ConfiguringCall(statement) is { } call
                && call.Expression is MemberAccessExpressionSyntax receiver
                && SyntaxRoot(receiver.Expression) == identifier;
        }

        /// <summary>The statements (or member declarations) in the symbol's region that pass it on.</summary>
        private void AddPassedOn(ISymbol symbol)
        {
            var mentions = Mentions(symbol);
            var start = _found.Count;
            for (var i = mentions.Start; i < mentions.Start + mentions.Count; i++)
            {
                var identifier = _mentioned[i];
                if ((identifier.Parent is ArgumentSyntax or EqualsValueClauseSyntax or AssignmentExpressionSyntax || identifier.Parent is MemberAccessExpressionSyntax access && access.Expression == identifier)
                    && SymbolEqualityComparer.Default.Equals(Symbol(identifier), symbol)
                    && Statement(identifier) is var statement
                    && !FoundSince(start, statement))
                {
                    _found.Add(statement);
                }
            }
        }

        /// <summary>
        /// The identifiers spelled as the symbol's name in its region (a local's body, a field's or property's type in this
        /// file), found once per search (see <see cref="ValueOrigins.IdentifiersNamed"/>): where a symbol gets its value and
        /// where it is passed on are read from the same mentions, and finding each one's token was a fifth of a search.
        /// </summary>
        private (int Start, int Count) Mentions(ISymbol symbol)
        {
            if (!_mentions.TryGetValue(symbol, out var range))
            {
                var start = _mentioned.Count;
                if (Region(symbol, _model.SyntaxTree, _cancellationToken) is { } region)
                {
                    foreach (var identifier in ValueOrigins.IdentifiersNamed(region, symbol.Name, FileText()))
                    {
                        _mentioned.Add(identifier);
                    }
                }

                range = (start, _mentioned.Count - start);
                _mentions[symbol] = range;
            }

            return range;
        }

        private bool FoundSince(int start, SyntaxNode node)
        {
            for (var i = start; i < _found.Count; i++)
            {
                if (_found[i] == node)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The call a statement configures something with: <c>x.AddPolicy(...)</c>, <c>x.SetY(...)</c>, <c>x.Patch.Set(...)</c>,
        /// <c>x.Headers.Add(...)</c>, as a statement or as the expression body of a constructor or method
        /// (<c>static T() => Options.AddPolicy(...);</c>). Calls that merely use it (<c>http.PostAsync(...)</c>) don't count:
        /// they say nothing about where the object points.
        /// </summary>
        private static InvocationExpressionSyntax? ConfiguringCall(SyntaxNode statement) =>
            statement switch
            {
                ExpressionStatementSyntax expression => expression.Expression,
                BaseMethodDeclarationSyntax { ExpressionBody: { } body } => body.Expression,
                LocalFunctionStatementSyntax { ExpressionBody: { } body } => body.Expression,
                _ => null,
            } is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
            && (access.Expression is MemberAccessExpressionSyntax || IsConfiguringName(access.Name.Identifier.ValueText))
                ? invocation
                : null;

        /// <summary>The local, parameter, field or property a name refers to, from its operation; null when it has none of its own.</summary>
        private ISymbol? ReferencedVariable(IdentifierNameSyntax identifier) =>
            _model.GetOperation(identifier, _cancellationToken)?.WithoutConversions() switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
                _ => null,
            };

        /// <summary>The file's text as one string (a parsed file's text is usually backed by one, which ToString() returns without copying).</summary>
        private string FileText() => _text ??= _model.SyntaxTree.GetText(_cancellationToken).ToString();
    }

    /// <summary>Syntax nodes the tracker found: a slice of a search's list, or an array kept for the compilation.</summary>
    public readonly struct Nodes
    {
        private readonly List<SyntaxNode>? _list;
        private readonly SyntaxNode[]? _array;
        private readonly int _start;

        public Nodes(List<SyntaxNode> list, int start, int count)
        {
            _list = list;
            _array = null;
            _start = start;
            Count = count;
        }

        public Nodes(SyntaxNode[] array)
        {
            _list = null;
            _array = array;
            _start = 0;
            Count = array.Length;
        }

        public int Count { get; }

        public SyntaxNode this[int index] => _array is { } array ? array[index] : _list![_start + index];
    }

    /// <summary>The symbols a statement writes: a slice of a search's list.</summary>
    public readonly struct WrittenSymbols
    {
        private readonly List<ISymbol> _list;
        private readonly int _start;

        public WrittenSymbols(List<ISymbol> list, int start, int count)
        {
            _list = list;
            _start = start;
            Count = count;
        }

        public int Count { get; }

        public ISymbol this[int index] => _list[_start + index];

        public bool Contains(ISymbol symbol)
        {
            for (var i = 0; i < Count; i++)
            {
                if (SymbolEqualityComparer.Default.Equals(this[i], symbol))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
