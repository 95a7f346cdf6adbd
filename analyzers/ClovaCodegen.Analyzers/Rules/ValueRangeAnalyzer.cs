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
/// passed to a generated builder method (<c>.TopK(100)</c>), or given to a key of a raw request body or of a bag an
/// adapter sends as top-level fields (Semantic Kernel's <c>ExtraBody</c>).
/// <c>encoding_format</c> is left to CLOVA002, which says why and fixes it.
/// </summary>
public sealed class ValueRangeAnalyzer : ClovaRule
{
    /// <summary>
    /// Diagnostic property: the allowed values nearest to the constant, nearest first, one per line (a number's spelling or
    /// a string's text); absent when no allowed value is nearest (an exclusive bound). The fix offers each.
    /// </summary>
    public const string ReplacementsProperty = "Replacements";

    /// <summary>Diagnostic property: <c>number</c> or <c>string</c>, what <see cref="ReplacementsProperty"/> holds.</summary>
    public const string ReplacementKindProperty = "ReplacementKind";

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
                if (assignment.Target.Kind == OperationKind.PropertyReference && spec.FindBinding(((IPropertyReferenceOperation)assignment.Target).Property) is { Field: { } field })
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
                var endpointId = types.Generated(invocation.TargetMethod.ContainingType) switch
                {
                    GeneratedRequest.ChatBuilder => EndpointSpec.ChatCompletions,
                    GeneratedRequest.EmbeddingBuilder => EndpointSpec.Embeddings,
                    _ => null,
                };
                if (endpointId is not null && invocation.Arguments.Length == 1
                    && BuilderField(spec, endpointId, invocation.TargetMethod.Name) is { } field)
                {
                    Check(operation, types.Scope, invocation.Arguments[0].Value, field);
                }
            },
            OperationKind.Invocation);
        context.RegisterOperationAction(
            operation =>
            {
                // A key of a bag an adapter sends as top-level fields (SK's ExtraBody["top_k"] = 500).
                if (RequestWrites.BoundMember(operation.Operation, spec, types) is { Binding.Field: BindingSpec.AnyField } bound)
                {
                    foreach (var (write, value) in RequestWrites.SentBagFields(bound, operation.Operation, spec, types))
                    {
                        if (value is not null)
                        {
                            Check(operation, types.Scope, value, write.Field);
                        }
                    }
                }
            },
            RequestWrites.MemberWriteKinds);
        context.RegisterOperationAction(
            operation =>
            {
                if (RequestWrites.RawBody(operation.Operation, spec, types, operation.CancellationToken) is not { } body)
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
        string[] nearest = Array.Empty<string>();

        // Read once: each read of a numeric constant boxes it.
        var constantNumber = constant.ConstantValue.AsDouble();
        if (constantNumber is { } number)
        {
            if (!field.Allows(number) && field.Range is { } range)
            {
                problem = $"lies outside its documented range {range}";
                nearest = NearestBound(range, number);
            }
            else if (!field.AllowedValues.IsEmpty && field.AllowedValues.All(a => a.Kind == SpecLiteralKind.Number) && !field.Allows(SpecLiteral.FromNumber(number)))
            {
                problem = "is not one of its allowed values " + string.Join(", ", field.AllowedValues.Select(a => a.ToJson()));
                nearest = NearestAllowed(field, number);
            }
        }
        else if (RequestWrites.ConstantText(constant) is { } text && field.Name != "encoding_format"
            && !field.AllowedValues.IsEmpty && field.AllowedValues.Any(a => a.Kind == SpecLiteralKind.String) && !field.Allows(SpecLiteral.FromString(text)))
        {
            problem = "is not one of its allowed values " + string.Join(", ", field.AllowedValues.Select(a => a.ToJson()));
            nearest = field.AllowedValues.Where(a => a.Kind == SpecLiteralKind.String)
                .OrderBy(a => UnknownModelAnalyzer.Distance(a.Text.ToLowerInvariant(), text.ToLowerInvariant())).Select(a => a.Text).ToArray();
        }

        if (problem is not null && scope.Applies(context, value.Syntax))
        {
            var isNumber = constantNumber is not null;
            var shown = constantNumber is { } n ? n.ToString(CultureInfo.InvariantCulture) : "\"" + RequestWrites.ConstantText(constant) + "\"";
            var properties = nearest.Length == 0
                ? System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty
                : System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty
                    .Add(ReplacementsProperty, string.Join("\n", nearest))
                    .Add(ReplacementKindProperty, isNumber ? "number" : "string");
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, value.Syntax.GetLocation(), properties, shown, field.Name, problem));
        }
    }

    /// <summary>The bound a number outside the range crossed, when the bound itself is allowed (not for an exclusive one).</summary>
    // Its own method: the lambda captures the number, and the compiler would allocate the capture on every check.
    private static string[] NearestAllowed(FieldSpec field, double number) =>
        field.AllowedValues.OrderBy(a => Math.Abs(a.Number!.Value - number)).Select(a => a.Text).ToArray();

    private static string[] NearestBound(NumericRange range, double number)
    {
        var bound = range.Minimum is { } min && number <= min ? (range.ExclusiveMinimum ? null : min)
            : range.Maximum is { } max && number >= max ? (range.ExclusiveMaximum ? null : max)
            : (double?)null;
        return bound is { } b ? new[] { SpecLiteral.FromNumber(b).Text } : Array.Empty<string>();
    }

    /// <summary>
    /// The field a generated builder method sets. A method of its own: a lambda in the action would capture the invocation,
    /// and the compiler would then allocate the captured state on every call of the action, for every call of the project.
    /// </summary>
    private static FieldSpec? BuilderField(CompatSpec spec, string endpointId, string methodName) =>
        spec.FindEndpoint(endpointId)?.Fields.FirstOrDefault(f => PascalCase(f.Name) == methodName);

    private static string PascalCase(string wireName) =>
        string.Concat(wireName.Split('_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
}
