using System;
using System.Globalization;
using System.Linq;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>
/// CLOVA006: a constant outside a field's documented range or allowed values — assigned to an SDK member the spec binds,
/// passed to a generated builder method (<c>.TopK(100)</c>), or given to a key of a raw request body.
/// <c>encoding_format</c> is left to CLOVA002, which says why and fixes it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ValueRangeAnalyzer : ClovaRule
{
    public ValueRangeAnalyzer()
        : base(DiagnosticDescriptors.ValueRange)
    {
    }

    internal override void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types)
    {
        context.RegisterOperationAction(
            operation =>
            {
                var assignment = (ISimpleAssignmentOperation)operation.Operation;
                if (assignment.Target is IPropertyReferenceOperation { Property: var property } && spec.FindBinding(property) is { Field: { } field })
                {
                    Check(operation, types.Scope, assignment.Value, field);
                }
            },
            OperationKind.SimpleAssignment);
        context.RegisterOperationAction(
            operation =>
            {
                // Generated builders name each method after its wire field in PascalCase (TopK → top_k).
                var invocation = (IInvocationOperation)operation.Operation;
                var builder = invocation.TargetMethod.ContainingType.Name;
                var endpointId = builder == "ChatCompletionRequestBuilder" ? EndpointSpec.ChatCompletions : builder == "EmbeddingRequestBuilder" ? EndpointSpec.Embeddings : null;
                if (endpointId is not null && invocation.Arguments.Length == 1
                    && spec.FindEndpoint(endpointId)?.Fields.FirstOrDefault(f => PascalCase(f.Name) == invocation.TargetMethod.Name) is { } field)
                {
                    Check(operation, types.Scope, invocation.Arguments[0].Value, field);
                }
            },
            OperationKind.Invocation);
        context.RegisterOperationAction(
            operation =>
            {
                if (RequestWrites.RawBody(operation.Operation, spec, operation.CancellationToken) is not { } body)
                {
                    return;
                }

                foreach (var (key, _, value) in body.Keys)
                {
                    if (value is not null && body.Endpoint.FindField(key) is { } field)
                    {
                        Check(operation, types.Scope, value, field);
                    }
                }
            },
            RequestWrites.RawBodyKinds);
    }

    private void Check(OperationAnalysisContext context, AnalysisScope scope, IOperation value, FieldSpec field)
    {
        // Most fields written have no range or allowed values to break: decided before the constant is boxed and read.
        if (field.Range is null && field.AllowedValues.IsEmpty)
        {
            return;
        }

        var constant = value.WithoutConversions();
        string? problem = null;
        if (constant.ConstantValue.AsDouble() is { } number)
        {
            if (!field.Allows(number) && field.Range is { } range)
            {
                problem = $"lies outside its documented range {range}";
            }
            else if (!field.AllowedValues.IsEmpty && field.AllowedValues.All(a => a.Kind == SpecLiteralKind.Number) && !field.Allows(SpecLiteral.FromNumber(number)))
            {
                problem = "is not one of its allowed values " + string.Join(", ", field.AllowedValues.Select(a => a.ToJson()));
            }
        }
        else if (RequestWrites.ConstantText(constant) is { } text && field.Name != "encoding_format"
            && !field.AllowedValues.IsEmpty && field.AllowedValues.Any(a => a.Kind == SpecLiteralKind.String) && !field.Allows(SpecLiteral.FromString(text)))
        {
            problem = "is not one of its allowed values " + string.Join(", ", field.AllowedValues.Select(a => a.ToJson()));
        }

        if (problem is not null && scope.Applies(context, value.Syntax))
        {
            var shown = constant.ConstantValue.AsDouble() is { } n ? n.ToString(CultureInfo.InvariantCulture) : "\"" + RequestWrites.ConstantText(constant) + "\"";
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, value.Syntax.GetLocation(), shown, field.Name, problem));
        }
    }

    private static string PascalCase(string wireName) =>
        string.Concat(wireName.Split('_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
}
