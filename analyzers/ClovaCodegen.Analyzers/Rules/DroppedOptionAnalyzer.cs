using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>
/// CLOVA009: writing a member an adapter silently drops (the spec's <c>droppedBy</c>), such as Microsoft.Extensions.AI's
/// <c>ChatOptions.TopK</c> and <c>AdditionalProperties</c> (assigned, initialized, or filled with Add/indexers) through its
/// OpenAI adapter. Options that provably go to ClovaCodegen's <c>ClovaChatClient</c> are left alone: it sends them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DroppedOptionAnalyzer : ClovaRule
{
    /// <summary>ClovaCodegen.Extensions.AI's IChatClient, made directly or with <c>clovaStudioClient.AsIChatClient()</c>.</summary>
    private static readonly string[] ClovaChatClients = { "ClovaChatClient", "ClovaStudioClient" };

    public DroppedOptionAnalyzer()
        : base(DiagnosticDescriptors.DroppedOption)
    {
    }

    internal override void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types)
    {
        var clovaChatClientEvidence = new System.Collections.Concurrent.ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
        context.RegisterOperationAction(
            operation =>
            {
                if (RequestWrites.BoundMember(operation.Operation, spec) is { Binding.DroppedBy: { } adapter } bound
                    && types.Scope.Applies(operation, bound.Location)
                    && !GoesToClovaChatClient(operation, bound.Location, clovaChatClientEvidence))
                {
                    operation.ReportDiagnostic(Diagnostic.Create(Descriptor, bound.Location.GetLocation(), bound.Property.Name, adapter));
                }
            },
            RequestWrites.MemberWriteKinds);
    }

    /// <summary>Options that provably go to ClovaCodegen's own IChatClient, which sends TopK and AdditionalProperties.</summary>
    private static bool GoesToClovaChatClient(OperationAnalysisContext operation, SyntaxNode location, System.Collections.Concurrent.ConcurrentDictionary<ISymbol, bool> memberEvidence) =>
        operation.Operation.SemanticModel is { } model
        && CallSiteEvidence.Finds(model, location, System.Array.Empty<string>(), ClovaChatClients, followUses: true, memberEvidence, operation.CancellationToken);
}
