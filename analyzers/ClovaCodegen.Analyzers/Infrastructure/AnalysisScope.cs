using System;
using System.Collections.Concurrent;
using System.Linq;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// Which code counts as talking to CLOVA Studio, from the <c>.editorconfig</c> option <c>clova_codegen.scope</c>:
/// <c>project</c> (default: all code of a project that references ClovaCodegen) or <c>endpoint</c> (only files that show
/// evidence of CLOVA Studio: a CLOVA API host in a string, or ClovaCodegen's client, endpoints or generated requests).
/// The <c>endpoint</c> scope is decided per file, not per call site: a file that talks to both services is checked.
/// </summary>
public sealed class AnalysisScope
{
    public const string OptionName = "clova_codegen.scope";

    private readonly AnalyzerOptions _options;
    private readonly string[] _evidence;
    private readonly ConcurrentDictionary<SyntaxTree, bool> _decisions = new();

    public AnalysisScope(AnalyzerOptions options, CompatSpec spec)
    {
        _options = options;
        _evidence = spec.ApiHosts.Concat(new[] { "ClovaStudioClient", "ClovaStudioEndpoints", "ChatCompletionRequest", "EmbeddingRequest", "ClovaCodegen" }).ToArray();
    }

    /// <summary>Whether the rules apply to code in this operation's file.</summary>
    public bool Applies(OperationAnalysisContext context) => Applies(context.Operation.Syntax.SyntaxTree, context.CancellationToken);

    public bool Applies(SyntaxTree tree, System.Threading.CancellationToken cancellationToken) =>
        _decisions.TryGetValue(tree, out var decided) ? decided : _decisions.GetOrAdd(tree, Decide(tree, cancellationToken));

    private bool Decide(SyntaxTree tree, System.Threading.CancellationToken cancellationToken)
    {
        var scope = _options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(OptionName, out var value) ? value.Trim().ToLowerInvariant() : "project";
        if (scope != "endpoint")
        {
            return true;
        }

        var text = tree.GetText(cancellationToken).ToString();
        return _evidence.Any(e => text.IndexOf(e, StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
