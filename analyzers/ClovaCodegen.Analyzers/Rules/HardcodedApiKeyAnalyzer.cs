using System;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>
/// CLOVA007: a constant that looks like a CLOVA Studio key (the spec's <c>apiKey.prefix</c>, <c>nv-</c>, and a long token),
/// written as a literal, a <c>const</c>, a concatenation or an interpolation of constants, and given to an API that takes a
/// key: <c>ClovaStudioClientOptions.ApiKey</c>, <c>ClovaOpenAI.CreateClient</c>, the OpenAI SDK's <c>apiKey</c> parameters,
/// <c>ApiKeyCredential</c>, <c>AuthenticationHeaderValue</c>, or an <c>Authorization</c> header added by name.
/// It ignores <c>clova_codegen.scope</c>: a key with CLOVA's prefix is evidence enough that it is a CLOVA key.
/// </summary>
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
                if (KeyArgument(operation.Operation, types) is { } value && IsKey(value, prefix))
                {
                    operation.ReportDiagnostic(Diagnostic.Create(Descriptor, value.Syntax.GetLocation(), variable));
                }
            },
            OperationKind.ObjectCreation,
            OperationKind.Invocation,
            OperationKind.SimpleAssignment);
    }

    /// <summary>Whether the value is a constant that looks like a CLOVA key (<c>"Bearer "</c> in front allowed).</summary>
    private static bool IsKey(IOperation value, string prefix)
    {
        if (RequestWrites.ConstantText(value) is not { } text)
        {
            return false;
        }

        var key = text.StartsWith("Bearer ", StringComparison.Ordinal) ? text.Substring(7) : text;
        return key.StartsWith(prefix, StringComparison.Ordinal) && key.Length >= MinimumKeyLength && key.IndexOf(' ') < 0;
    }

    /// <summary>The value this operation hands to an API as a key, by the API's symbols (null for everything else).</summary>
    private static IOperation? KeyArgument(IOperation operation, KnownTypes types)
    {
        // By kind, then a cast: every creation, call and assignment of the project comes here, and a type test per
        // interface costs more than the rest.
        switch (operation.Kind)
        {
            case OperationKind.ObjectCreation when ((IObjectCreationOperation)operation) is { Arguments.IsEmpty: false, Type: { } type } creation:
                // Every creation of the project comes here: names are compared before symbols (Is), and a type's assembly
                // is read only for a creation that passes a string apiKey.
                if (type.Is(types.ApiKeyCredential))
                {
                    return creation.Arguments[0].Value;
                }

                if (type.Is(types.AuthenticationHeaderValue))
                {
                    return creation.Arguments.Named("parameter")?.Value;
                }

                // new OpenAIClient("key"), new ChatClient(model, "key"), ...: a string apiKey parameter of a type of the SDK's.
                return types.OpenAIClient is not null && StringApiKey(creation.Arguments) is { } key
                    && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, types.OpenAIClient.ContainingAssembly)
                    ? key
                    : null;
            case OperationKind.Invocation when ((IInvocationOperation)operation) is { Arguments.Length: > 1 } invocation:
                // ClovaOpenAI.CreateClient("key"), or headers.Add("Authorization", ...) in any of its forms (by the header's name).
                if (invocation.TargetMethod.ContainingType.Is(types.ClovaOpenAI))
                {
                    return StringApiKey(invocation.Arguments);
                }

                // Only a string can be a constant string (read first: reading a constant boxes a number).
                return invocation.Arguments[0].Value is { Type.SpecialType: SpecialType.System_String, ConstantValue: { HasValue: true, Value: string header } } && string.Equals(header, "Authorization", StringComparison.OrdinalIgnoreCase)
                    ? invocation.Arguments[1].Value
                    : null;
            case OperationKind.Invocation when ((IInvocationOperation)operation) is { Arguments.Length: 1 } invocation && invocation.TargetMethod.ContainingType.Is(types.ClovaOpenAI):
                return StringApiKey(invocation.Arguments);
            case OperationKind.SimpleAssignment when ((ISimpleAssignmentOperation)operation) is { Target: IPropertyReferenceOperation { Property: { Name: "ApiKey" } property } } assignment
                && property.ContainingType.IsOrDerivesFrom(types.ClovaStudioClientOptions):
                return assignment.Value;
            default:
                return null;
        }
    }

    private static IOperation? StringApiKey(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments) =>
        arguments.Named("apiKey") is { Parameter.Type.SpecialType: SpecialType.System_String } argument ? argument.Value : null;
}
