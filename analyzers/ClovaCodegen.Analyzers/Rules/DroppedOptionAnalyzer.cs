using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>
/// CLOVA009: setting a member an adapter silently drops (the spec's <c>droppedBy</c>), such as Microsoft.Extensions.AI's
/// <c>ChatOptions.TopK</c> and <c>AdditionalProperties</c> through its OpenAI adapter.
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
                if (!types.Scope.Applies(operation))
                {
                    return;
                }

                var assignment = (ISimpleAssignmentOperation)operation.Operation;
                if (assignment.Target is IPropertyReferenceOperation { Property: var property } target && spec.FindBinding(property) is { Binding.DroppedBy: { } adapter })
                {
                    operation.ReportDiagnostic(Diagnostic.Create(Descriptor, target.Syntax.GetLocation(), property.Name, adapter));
                }
            },
            OperationKind.SimpleAssignment);
    }
}
