using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// The analyzers' one origin tracker: where a variable gets its value, and where it is passed on. A local gets its value
/// in its declarator and in the statements of its body that assign it (or a member of it) or configure it
/// (<c>x.AddPolicy(...)</c>, <c>x.Patch.Set(...)</c>); a field or property in its declaration and in such statements
/// anywhere in its type's declaration in the same file. Parameters, other types and other files end the trail: what can't
/// be seen proves nothing.
/// <para>
/// One instance per compilation (<see cref="KnownTypes.Origins"/>). A search asks it through a <see cref="Trace"/>, which
/// remembers for that search what each name binds to and what each statement writes (the same names and statements come
/// up again and again within one search, rarely across searches: keeping them for the compilation cost more to store than
/// it saved). What a field or property gets is kept for the compilation: every method of a service class asks about the
/// same client field. Origins are read from syntax (<see cref="Trace.Origins"/>) for evidence that is written in the code,
/// and from the bound operations the compiler already built (<see cref="Trace.GivenIn"/>: the same declarators,
/// assignments and configuring calls) for evidence that is an operation, where reading syntax would bind again what is
/// bound. What a value proves is decided on top of this: <see cref="CallSiteEvidence"/> (names and URLs) and
/// <see cref="Reaches"/> (operations: CLOVA002's policy and Patch).
/// </para>
/// </summary>
internal sealed partial class ValueOrigins
{
    private static readonly SyntaxNode[] None = Array.Empty<SyntaxNode>();

    private readonly ConcurrentDictionary<(ISymbol Member, SyntaxTree Tree), SyntaxNode[]> _memberOrigins = new(MemberInTree.Comparer);

    // One trace per thread, reused search after search (a search does not start another; if one did, it would get a new one).
    [ThreadStatic]
    private static Trace? t_idle;

    /// <summary>Starts a search in one file; dispose the trace when the search ends (it forgets the compilation then).</summary>
    public Trace Begin(SemanticModel model, CancellationToken cancellationToken)
    {
        var trace = t_idle ?? new Trace();
        t_idle = null;
        trace.Start(this, model, cancellationToken);
        return trace;
    }

    /// <summary>The innermost statement (not a block) or member declaration holding the node.</summary>
    public static SyntaxNode Statement(SyntaxNode node) =>
        node.FirstAncestorOrSelf<SyntaxNode>(n => n is StatementSyntax and not BlockSyntax || n is MemberDeclarationSyntax and not TypeDeclarationSyntax) ?? node;

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

    /// <summary>
    /// The identifiers spelled <paramref name="name"/> in the region, found by searching the file's text: a field's region
    /// is its whole type, and walking every node of it (a thousand or more in a small service class) to find the two or
    /// three that matter cost more than the rest of the search. An identifier written with a Unicode escape is not found;
    /// the search then sees less and stays quiet.
    /// </summary>
    internal static IEnumerable<IdentifierNameSyntax> IdentifiersNamed(SyntaxNode region, string name, string text)
    {
        if (name.Length == 0)
        {
            yield break;
        }

        var end = region.Span.End;
        for (var at = text.IndexOf(name, region.SpanStart, end - region.SpanStart, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, end - at - name.Length, StringComparison.Ordinal))
        {
            // The match may sit inside a longer name, a string or a comment: only an identifier token of exactly this name counts.
            // A letter, digit or underscore right after it continues the name it sits in (the lexer reads a name to its
            // end), so that match is no such token, and the token need not be looked up.
            var after = at + name.Length;
            if (after < text.Length && (char.IsLetterOrDigit(text[after]) || text[after] == '_'))
            {
                continue;
            }

            var token = region.FindToken(at);
            if (token.Span.Contains(at) && token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name && token.Parent is IdentifierNameSyntax identifier)
            {
                yield return identifier;
            }
        }
    }

    /// <summary>A local lives in its body; a field or property in its type's declaration in this file.</summary>
    private static SyntaxNode? Region(ISymbol symbol, SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (symbol is not (ILocalSymbol or IFieldSymbol or IPropertySymbol) || DeclarationIn(symbol, tree, cancellationToken) is not { } declaration)
        {
            return null;
        }

        return symbol is ILocalSymbol
            ? declaration.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax)
            : declaration.FirstAncestorOrSelf<TypeDeclarationSyntax>();
    }

    private static SyntaxNode? DeclarationIn(ISymbol symbol, SyntaxTree tree, CancellationToken cancellationToken)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == tree)
            {
                return reference.GetSyntax(cancellationToken);
            }
        }

        return null;
    }

    private static SyntaxNode[] ToArray(List<SyntaxNode> nodes, int from)
    {
        if (nodes.Count == from)
        {
            return None;
        }

        // Copied straight into the array (GetRange(...).ToArray() made a list first).
        var array = new SyntaxNode[nodes.Count - from];
        nodes.CopyTo(from, array, 0, array.Length);
        return array;
    }

    /// <summary>
    /// Pushes the node's child nodes onto a walk's stack, last first, so that popping visits them in the order written (the
    /// order of <c>DescendantNodesAndSelf()</c>, whose iterators allocated more per search than the search's own lists).
    /// </summary>
    internal static void PushChildren(SyntaxNode node, Stack<SyntaxNode> walk)
    {
        foreach (var child in node.ChildNodesAndTokens().Reverse())
        {
            if (child.AsNode() is { } childNode)
            {
                walk.Push(childNode);
            }
        }
    }

    /// <summary>A field or property as seen from one file (what a file shows of it depends on the file).</summary>
    private sealed class MemberInTree : IEqualityComparer<(ISymbol Member, SyntaxTree Tree)>
    {
        public static readonly MemberInTree Comparer = new();

        public bool Equals((ISymbol Member, SyntaxTree Tree) x, (ISymbol Member, SyntaxTree Tree) y) =>
            x.Tree == y.Tree && SymbolEqualityComparer.Default.Equals(x.Member, y.Member);

        public int GetHashCode((ISymbol Member, SyntaxTree Tree) obj) =>
            (SymbolEqualityComparer.Default.GetHashCode(obj.Member) * 397) ^ obj.Tree.GetHashCode();
    }
}
