using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>
/// CLOVA001: writing a field the spec marks unsupported (warning) or undocumented (info) — through an SDK member the
/// spec's bindings name (assigned, initialized, or filled with Add/indexers), a <c>Patch</c> path, a key of a raw
/// request body, a key of a bag an adapter sends as top-level fields (Semantic Kernel's <c>ExtraBody</c>, where a
/// <c>$.</c> key is a path whose first segment is the field), or a key an adapter reads from a bag it otherwise drops
/// (the spec's <c>readKeys</c>: plain SK settings' <c>ExtensionData["user"]</c> sends <c>user</c>). Which member writes which field comes from the spec, so a user's spec can change what is flagged.
/// </summary>
public sealed class UnsupportedFieldAnalyzer : ClovaRule
{
    public UnsupportedFieldAnalyzer()
        : base(DiagnosticDescriptors.UnsupportedField)
    {
    }

    internal override void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types)
    {
        context.RegisterOperationAction(
            operation =>
            {
                if (RequestWrites.BoundMember(operation.Operation, spec, types) is { } bound)
                {
                    // Members an adapter drops are CLOVA009's.
                    if (bound.Binding.DroppedBy is null && bound.Field is { } field)
                    {
                        Report(operation, types.Scope, bound.Location, bound.Property.Name, field);
                    }

                    // A bag the adapter sends entry by entry (SK's ExtraBody): each key is a wire field of its own.
                    foreach (var (write, _) in RequestWrites.SentBagFields(bound, operation.Operation, spec, types))
                    {
                        Report(operation, types.Scope, write.Location, write.MemberOrKey, write.Field);
                    }

                    // A bag the adapter drops but for the keys it reads (plain SK settings' ExtensionData): those keys are sent.
                    foreach (var write in RequestWrites.ReadBagFields(bound, operation.Operation, spec, types))
                    {
                        Report(operation, types.Scope, write.Location, write.MemberOrKey, write.Field);
                    }
                }
                else if (operation.Operation.Kind == OperationKind.Invocation && RequestWrites.PatchPath((IInvocationOperation)operation.Operation, spec, types) is { } patch)
                {
                    Report(operation, types.Scope, patch.Location, patch.MemberOrKey, patch.Field);
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

                foreach (var write in body.Fields())
                {
                    Report(operation, types.Scope, write.Location, write.MemberOrKey, write.Field);
                }
            },
            RequestWrites.RawBodyKinds);
    }

    private void Report(OperationAnalysisContext operation, AnalysisScope scope, SyntaxNode location, string member, FieldSpec field)
    {
        var (severity, verb) = field.Status switch
        {
            FieldStatus.Unsupported => (DiagnosticSeverity.Warning, "does not support"),
            FieldStatus.Undocumented => (DiagnosticSeverity.Info, "does not document (it may be rejected or ignored)"),
            _ => ((DiagnosticSeverity?)null, ""),
        };
        if (severity is not null && scope.Applies(operation, location))
        {
            operation.ReportDiagnostic(Diagnostic.Create(Descriptor, location.GetLocation(), severity.Value, null, null, member, field.Name, verb));
        }
    }
}
