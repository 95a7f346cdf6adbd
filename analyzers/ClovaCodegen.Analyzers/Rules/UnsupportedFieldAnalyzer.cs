using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>
/// CLOVA001: setting an SDK member that writes a field the spec marks unsupported (warning) or undocumented (info).
/// Which member writes which field comes from the spec's bindings, so a user's spec can add members.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsupportedFieldAnalyzer : ClovaAnalyzer
{
    public UnsupportedFieldAnalyzer()
        : base(DiagnosticDescriptors.UnsupportedField)
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
                if (assignment.Target is not IPropertyReferenceOperation { Property: var property } target || spec.FindBinding(property) is not { } bound)
                {
                    return;
                }

                if (bound.Binding.DroppedBy is not null || bound.Field is not { } field)
                {
                    return; // dropped members are CLOVA009's
                }

                var (severity, verb) = field.Status switch
                {
                    FieldStatus.Unsupported => (DiagnosticSeverity.Warning, "does not support"),
                    FieldStatus.Undocumented => (DiagnosticSeverity.Info, "does not document (it may be rejected or ignored)"),
                    _ => ((DiagnosticSeverity?)null, ""),
                };
                if (severity is null)
                {
                    return;
                }

                operation.ReportDiagnostic(Diagnostic.Create(Descriptor, target.Syntax.GetLocation(), severity.Value, null, null, property.Name, field.Name, verb));
            },
            OperationKind.SimpleAssignment);
    }
}
