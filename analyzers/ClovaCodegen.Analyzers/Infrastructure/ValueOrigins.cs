using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// The analyzers' one origin tracker: where a variable gets its value, and where it is passed on. A local gets its value
/// in its declarator and in the statements of its body that assign it (or a member of it) or configure it
/// (<c>x.AddPolicy(...)</c>, <c>x.Patch.Set(...)</c>); a field or property in its declaration and in such statements
/// anywhere in its type's declaration in the same file. Parameters, other types and other files end the trail: what can't
/// be seen proves nothing.
/// <para>
/// One instance per compilation (<see cref="KnownTypes.Origins"/>), shared by every rule and every search: the answer for
/// a variable, a statement or a name is worked out once, however many findings ask about it (in <c>endpoint</c> scope
/// each finding searches the code around it, and the findings of one method ask about the same client and options). Only
/// syntax and symbols are kept, never operations or semantic models. What a value proves is decided on top of this:
/// <see cref="CallSiteEvidence"/> (names and URLs, from syntax) and <see cref="Reaches"/> (operations).
/// </para>
/// </summary>
internal sealed partial class ValueOrigins
{
    private static readonly SyntaxNode[] None = Array.Empty<SyntaxNode>();
    private static readonly ISymbol[] NoSymbols = Array.Empty<ISymbol>();

    private readonly ConcurrentDictionary<SymbolInTree, SyntaxNode[]> _origins = new();
    private readonly ConcurrentDictionary<SymbolInTree, SyntaxNode[]> _passedOn = new();
    private readonly ConcurrentDictionary<SyntaxNode, ISymbol[]> _written = new();
    private readonly ConcurrentDictionary<SyntaxNode, ISymbol?> _symbols = new();
    private readonly ConcurrentDictionary<SyntaxNode, ISymbol[]> _variables = new();
    private readonly ConditionalWeakTable<SyntaxTree, string> _texts = new();

    /// <summary>
    /// Where the local, field or property gets its value, as far as this file shows: its declaration (a declarator, a
    /// property declaration), then the statements that assign or configure it, in the order written.
    /// </summary>
    public SyntaxNode[] Origins(ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        var key = new SymbolInTree(symbol, model.SyntaxTree);
        if (!_origins.TryGetValue(key, out var origins))
        {
            origins = FindOrigins(symbol, model, cancellationToken);
            _origins.TryAdd(key, origins);
        }

        return origins;
    }

    /// <summary>
    /// The statements (or member declarations) in the variable's region that pass it on: as an argument, an initializer, in
    /// an assignment or as the receiver of a member access; not those that merely read it into something else.
    /// </summary>
    public SyntaxNode[] PassedOn(ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        var key = new SymbolInTree(symbol, model.SyntaxTree);
        if (!_passedOn.TryGetValue(key, out var uses))
        {
            uses = ToArray(Uses(symbol, model, passedOnly: true, cancellationToken));
            _passedOn.TryAdd(key, uses);
        }

        return uses;
    }

    /// <summary>The symbols a statement declares or assigns (the root of each assignment's left side).</summary>
    public ISymbol[] Written(SyntaxNode statement, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!_written.TryGetValue(statement, out var written))
        {
            List<ISymbol>? found = null;
            foreach (var node in statement.DescendantNodesAndSelf())
            {
                var symbol = node switch
                {
                    VariableDeclaratorSyntax declarator => model.GetDeclaredSymbol(declarator, cancellationToken),
                    PropertyDeclarationSyntax property => model.GetDeclaredSymbol(property, cancellationToken),
                    AssignmentExpressionSyntax assignment when SyntaxRoot(assignment.Left) is { } root => Symbol(root, model, cancellationToken),
                    _ => null,
                };
                if (symbol is not null)
                {
                    (found ??= new List<ISymbol>()).Add(symbol);
                }
            }

            written = found is null ? NoSymbols : found.ToArray();
            _written.TryAdd(statement, written);
        }

        return written;
    }

    /// <summary>
    /// The locals, fields and properties a node's names stand for, in the order written (a variable named twice is listed
    /// twice): a search visits the same declarations and statements for finding after finding, and each is walked once.
    /// </summary>
    public ISymbol[] Variables(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!_variables.TryGetValue(node, out var variables))
        {
            List<ISymbol>? found = null;
            foreach (var descendant in node.DescendantNodesAndSelf())
            {
                if (descendant is IdentifierNameSyntax identifier && CanNameVariable(identifier)
                    && Symbol(identifier, model, cancellationToken) is { } symbol && symbol is ILocalSymbol or IFieldSymbol or IPropertySymbol)
                {
                    (found ??= new List<ISymbol>()).Add(symbol);
                }
            }

            variables = found is null ? NoSymbols : found.ToArray();
            _variables.TryAdd(node, variables);
        }

        return variables;
    }

    /// <summary>
    /// The symbol a name stands for: the local, parameter, field or property read from the operation the compiler already
    /// built for it (a lookup in the model's map: asking the binder took most of a search's time), else what the binder says.
    /// </summary>
    public ISymbol? Symbol(IdentifierNameSyntax identifier, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!_symbols.TryGetValue(identifier, out var symbol))
        {
            symbol = (CanNameVariable(identifier) ? ReferencedVariable(identifier, model, cancellationToken) : null)
                ?? model.GetSymbolInfo(identifier, cancellationToken).Symbol;
            _symbols.TryAdd(identifier, symbol);
        }

        return symbol;
    }

    /// <summary>
    /// Whether an identifier can name a variable: not the member after a dot (<c>x.Name</c>, but <c>this.x</c> is), not a type (<c>new T()</c>,
    /// <c>T x</c>, <c>A.B</c>, <c>List&lt;T&gt;</c>), not a method being called. Saves most symbol lookups.
    /// </summary>
    public static bool CanNameVariable(IdentifierNameSyntax identifier) => identifier.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression == identifier || access.Expression is ThisExpressionSyntax,
        ObjectCreationExpressionSyntax or QualifiedNameSyntax or VariableDeclarationSyntax or TypeArgumentListSyntax or NameEqualsSyntax => false,
        InvocationExpressionSyntax invocation => invocation.Expression != identifier,
        _ => true,
    };

    /// <summary>The innermost statement (not a block) or member declaration holding the node.</summary>
    public static SyntaxNode Statement(SyntaxNode node) =>
        node.FirstAncestorOrSelf<SyntaxNode>(n => n is StatementSyntax and not BlockSyntax || n is MemberDeclarationSyntax and not TypeDeclarationSyntax) ?? node;

    /// <summary>The identifiers spelled <paramref name="name"/> in the region (see <see cref="FindIdentifiers"/>).</summary>
    public IEnumerable<IdentifierNameSyntax> IdentifiersNamed(SyntaxNode region, string name, CancellationToken cancellationToken) =>
        FindIdentifiers(region, name, FileText(region.SyntaxTree, cancellationToken));

    /// <summary><c>a</c> of <c>a</c>, <c>a.B.C</c>, <c>this.a</c>, <c>a[i]</c>, as written.</summary>
    internal static IdentifierNameSyntax? SyntaxRoot(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case IdentifierNameSyntax identifier:
                    return identifier;
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name }:
                    return name;
                case MemberAccessExpressionSyntax access:
                    expression = access.Expression;
                    break;
                case ElementAccessExpressionSyntax element:
                    expression = element.Expression;
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>A method that configures its receiver by name (<c>AddPolicy</c>, <c>SetY</c>), as opposed to one that uses it.</summary>
    internal static bool IsConfiguringName(string methodName) =>
        methodName.StartsWith("Add", StringComparison.Ordinal) || methodName.StartsWith("Set", StringComparison.Ordinal);

    private SyntaxNode[] FindOrigins(ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        var origins = new List<SyntaxNode>();
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == model.SyntaxTree)
            {
                origins.Add(reference.GetSyntax(cancellationToken));
            }
        }

        foreach (var use in Uses(symbol, model, passedOnly: false, cancellationToken))
        {
            if (Contains(Written(use, model, cancellationToken), symbol) || IsCallOn(use, symbol, model, cancellationToken))
            {
                origins.Add(use);
            }
        }

        return origins.Count == 0 ? None : origins.ToArray();
    }

    private static bool Contains(ISymbol[] symbols, ISymbol symbol)
    {
        foreach (var candidate in symbols)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, symbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A statement that configures the symbol: <c>x.AddPolicy(...)</c>, <c>x.SetY(...)</c>, <c>x.Patch.Set(...)</c>,
    /// <c>x.Headers.Add(...)</c>, as a statement or as the expression body of a constructor or method
    /// (<c>static T() => Options.AddPolicy(...);</c>). Calls that merely use it (<c>http.PostAsync(...)</c>) don't count:
    /// they say nothing about where the object points.
    /// </summary>
    private bool IsCallOn(SyntaxNode statement, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken) =>
        statement switch
        {
            ExpressionStatementSyntax expression => expression.Expression,
            BaseMethodDeclarationSyntax { ExpressionBody: { } body } => body.Expression,
            LocalFunctionStatementSyntax { ExpressionBody: { } body } => body.Expression,
            _ => null,
        } is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
        && (access.Expression is MemberAccessExpressionSyntax || IsConfiguringName(access.Name.Identifier.ValueText))
        && SyntaxRoot(access.Expression) is { } root && SymbolEqualityComparer.Default.Equals(Symbol(root, model, cancellationToken), symbol);

    /// <summary>The statements (or member declarations) in the symbol's region that mention it (with <paramref name="passedOnly"/>, that pass it on).</summary>
    private List<SyntaxNode> Uses(ISymbol symbol, SemanticModel model, bool passedOnly, CancellationToken cancellationToken)
    {
        var uses = new List<SyntaxNode>();
        if (Region(symbol, model, cancellationToken) is not { } region)
        {
            return uses;
        }

        foreach (var identifier in FindIdentifiers(region, symbol.Name, FileText(model.SyntaxTree, cancellationToken)))
        {
            if ((!passedOnly || identifier.Parent is ArgumentSyntax or EqualsValueClauseSyntax or AssignmentExpressionSyntax || identifier.Parent is MemberAccessExpressionSyntax access && access.Expression == identifier)
                && SymbolEqualityComparer.Default.Equals(Symbol(identifier, model, cancellationToken), symbol)
                && Statement(identifier) is var statement
                && !uses.Contains(statement))
            {
                uses.Add(statement);
            }
        }

        return uses;
    }

    /// <summary>
    /// The identifiers spelled <paramref name="name"/> in the region, found by searching the file's text: a field's region
    /// is its whole type, and walking every node of it (a thousand or more in a small service class) to find the two or
    /// three that matter cost more than the rest of the search. An identifier written with a Unicode escape is not found;
    /// the search then sees less and stays quiet.
    /// </summary>
    private static IEnumerable<IdentifierNameSyntax> FindIdentifiers(SyntaxNode region, string name, string text)
    {
        if (name.Length == 0)
        {
            yield break;
        }

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

    /// <summary>The file's text as one string (a parsed file's text is usually backed by one, which ToString() returns without copying).</summary>
    private string FileText(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (!_texts.TryGetValue(tree, out var text))
        {
            text = tree.GetText(cancellationToken).ToString();
            lock (_texts)
            {
                if (!_texts.TryGetValue(tree, out _))
                {
                    _texts.Add(tree, text);
                }
            }
        }

        return text;
    }

    /// <summary>A local lives in its body; a field or property in its type's declaration in this file.</summary>
    private static SyntaxNode? Region(ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode? declaration = null;
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == model.SyntaxTree)
            {
                declaration = reference.GetSyntax(cancellationToken);
                break;
            }
        }

        return symbol switch
        {
            ILocalSymbol => declaration?.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax),
            IFieldSymbol or IPropertySymbol => declaration?.FirstAncestorOrSelf<TypeDeclarationSyntax>(),
            _ => null,
        };
    }

    /// <summary>The local, parameter, field or property a name refers to, from its operation; null when it has none of its own.</summary>
    private static ISymbol? ReferencedVariable(IdentifierNameSyntax identifier, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetOperation(identifier, cancellationToken)?.WithoutConversions() switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
            _ => null,
        };

    private static SyntaxNode[] ToArray(List<SyntaxNode> nodes) => nodes.Count == 0 ? None : nodes.ToArray();

    /// <summary>A symbol as seen from one file (what a file shows of it depends on the file).</summary>
    private readonly struct SymbolInTree : IEquatable<SymbolInTree>
    {
        public SymbolInTree(ISymbol symbol, SyntaxTree tree)
        {
            Symbol = symbol;
            Tree = tree;
        }

        public ISymbol Symbol { get; }

        public SyntaxTree Tree { get; }

        public bool Equals(SymbolInTree other) => Tree == other.Tree && SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol);

        public override bool Equals(object? obj) => obj is SymbolInTree other && Equals(other);

        public override int GetHashCode() => (SymbolEqualityComparer.Default.GetHashCode(Symbol) * 397) ^ Tree.GetHashCode();
    }
}
