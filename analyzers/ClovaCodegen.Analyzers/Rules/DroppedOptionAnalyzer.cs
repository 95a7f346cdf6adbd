using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>
/// CLOVA009: writing a member an adapter silently drops (the spec's <c>droppedBy</c>), such as Microsoft.Extensions.AI's
/// <c>ChatOptions.TopK</c> and <c>AdditionalProperties</c> (assigned, initialized, or filled with Add/indexers) through its
/// OpenAI adapter.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DroppedOptionAnalyzer : ClovaAnalyzer
{
    public DroppedOptionAnalyzer()
        : base(DiagnosticDescriptors.DroppedOption)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, CompatSpec spec, KnownTypes types)
    {
        context.RegisterOperationAction(
            operation =>
            {
                if (RequestWrites.BoundMember(operation.Operation, spec) is { Binding.DroppedBy: { } adapter } bound && types.Scope.Applies(operation, bound.Location))
                {
                    operation.ReportDiagnostic(Diagnostic.Create(Descriptor, bound.Location.GetLocation(), bound.Property.Name, adapter));
                }
            },
            RequestWrites.MemberWriteKinds);
    }
}
