using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// Which code counts as talking to CLOVA Studio, from the <c>.editorconfig</c> option <c>clova_codegen.scope</c>:
/// <c>project</c> (default: all code of a project that references ClovaCodegen) or <c>endpoint</c> (only call sites whose
/// client, options or URL provably lead to CLOVA Studio; see <see cref="CallSiteEvidence"/>). A project that also calls
/// api.openai.com uses <c>endpoint</c> and gets no diagnostics on that code.
/// </summary>
public sealed class AnalysisScope
{
    public const string OptionName = "clova_codegen.scope";

    private readonly AnalyzerOptions _options;
    private readonly IReadOnlyList<string> _hosts;
    private readonly ConcurrentDictionary<SyntaxTree, bool> _endpointMode = new();
    private CallSiteEvidence? _talksToClova;

    public AnalysisScope(AnalyzerOptions options, CompatSpec spec)
    {
        _options = options;
        _hosts = spec.ApiHosts.ToArray();
    }

    /// <summary>The compilation's analyzer options.</summary>
    public AnalyzerOptions Options => _options;

    /// <summary>The compilation's known types (set by <see cref="KnownTypes"/>, which is made with this scope): evidence is a symbol.</summary>
    internal KnownTypes? Types { get; set; }

    /// <summary>Whether the rules apply to the code at <paramref name="anchor"/> (default: the operation itself).</summary>
    public bool Applies(OperationAnalysisContext context, SyntaxNode? anchor = null)
    {
        var tree = context.Operation.Syntax.SyntaxTree;
        if (!IsEndpointMode(tree))
        {
            return true;
        }

        return context.Operation.SemanticModel is { } model && TalksToClova() is { } evidence
            && evidence.Finds(model, anchor ?? context.Operation.Syntax, context.CancellationToken);
    }

    /// <summary>The evidence that code talks to CLOVA: a CLOVA Studio API host, or ClovaCodegen's API (once per compilation).</summary>
    private CallSiteEvidence? TalksToClova()
    {
        if (_talksToClova is null && Types is { } types)
        {
            Interlocked.CompareExchange(ref _talksToClova, new CallSiteEvidence(_hosts, CallSiteEvidence.ClovaApiNames, types.IsOursCheck, types.Origins), null);
        }

        return _talksToClova;
    }

    /// <summary>Whether the file's configured scope is <c>endpoint</c>.</summary>
    public bool IsEndpointMode(SyntaxTree tree) =>
        _endpointMode.TryGetValue(tree, out var decided) ? decided : _endpointMode.GetOrAdd(tree, ReadMode(tree));

    private bool ReadMode(SyntaxTree tree) =>
        _options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(OptionName, out var value)
        && value.Trim().ToLowerInvariant() == "endpoint";
}
