using System;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>
/// CLOVA007: a string constant that looks like a CLOVA Studio key (the spec's <c>apiKey.prefix</c>, <c>nv-</c>, and a long
/// token) given to <c>ApiKeyCredential</c>, an <c>Authorization</c> header, or <c>ClovaStudioClientOptions.ApiKey</c>.
/// It ignores <c>clova_codegen.scope</c>: a key with CLOVA's prefix is evidence enough that it is a CLOVA key.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedApiKeyAnalyzer : ClovaRule
{
    private const int MinimumKeyLength = 20;

    public HardcodedApiKeyAnalyzer()
        : base(DiagnosticDescriptors.HardcodedApiKey)
    {
    }

    internal override void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types)
    {
        var prefix = spec.ApiKey?.Prefix ?? "nv-";
        var variable = spec.ApiKey?.EnvironmentVariable ?? "CLOVA_STUDIO_API_KEY";
        context.RegisterOperationAction(
            operation =>
            {
                var literal = (ILiteralOperation)operation.Operation;
                if (literal.StringValue() is not { } text)
                {
                    return;
                }

                var key = text.StartsWith("Bearer ", StringComparison.Ordinal) ? text.Substring(7) : text;
                if (!key.StartsWith(prefix, StringComparison.Ordinal) || key.Length < MinimumKeyLength || key.IndexOf(' ') >= 0 || !IsCredentialPosition(literal, types))
                {
                    return;
                }

                operation.ReportDiagnostic(Diagnostic.Create(Descriptor, literal.Syntax.GetLocation(), variable));
            },
            OperationKind.Literal);
    }

    private static bool IsCredentialPosition(ILiteralOperation literal, KnownTypes types)
    {
        var parent = literal.Parent is IConversionOperation conversion ? conversion.Parent : literal.Parent;
        return parent switch
        {
            IArgumentOperation { Parent: IObjectCreationOperation creation } => creation.Type.IsOrDerivesFrom(types.ApiKeyCredential) || creation.Type.IsOrDerivesFrom(types.AuthenticationHeaderValue),
            IArgumentOperation { Parent: IInvocationOperation invocation } => invocation.Arguments.Length > 1
                && invocation.Arguments[0].Value.ConstantValue.Value is string header
                && string.Equals(header, "Authorization", StringComparison.OrdinalIgnoreCase),
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } } => property.Name == "ApiKey" && property.ContainingType.IsOrDerivesFrom(types.ClovaStudioClientOptions),
            _ => false,
        };
    }
}
