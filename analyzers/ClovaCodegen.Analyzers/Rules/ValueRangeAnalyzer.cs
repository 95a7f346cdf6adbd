using System.Globalization;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>CLOVA006: a constant assigned to an SDK member, or passed to a generated builder method, outside the field's documented range.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ValueRangeAnalyzer : ClovaAnalyzer
{
    public ValueRangeAnalyzer()
        : base(DiagnosticDescriptors.ValueRange)
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
                if (assignment.Target is IPropertyReferenceOperation { Property: var property } && spec.FindBinding(property) is { Field: { Range: { } range } field })
                {
                    Check(operation, assignment.Value, field, range);
                }
            },
            OperationKind.SimpleAssignment);
    }

    private void Check(OperationAnalysisContext context, IOperation value, FieldSpec field, NumericRange range)
    {
        if (value.WithoutConversions().ConstantValue.AsDouble() is { } number && !range.Contains(number))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, value.Syntax.GetLocation(), number.ToString(CultureInfo.InvariantCulture), field.Name, range.ToString()));
        }
    }
}
