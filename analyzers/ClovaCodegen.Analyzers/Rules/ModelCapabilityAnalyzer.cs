using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>
/// CLOVA011: a generated chat builder asks a model for a capability the spec's <c>capabilities</c> section does not list
/// it for: <c>ResponseFormat&lt;T&gt;()</c> (structured outputs) or <c>AddTool</c>, <c>AddTools</c>,
/// <c>AddFunctionTool</c> (tools). The model is the constant given to <c>ChatCompletionRequest.Create</c> at the root of the
/// same fluent chain; a model that is not a constant, or a builder kept in a variable, is not guessed at. A model the
/// endpoint does not list at all is CLOVA004's, not this rule's.
/// </summary>
public sealed class ModelCapabilityAnalyzer : ClovaRule
{
    /// <summary>
    /// Diagnostic property: the models the fix offers, comma-separated, in the spec's order: those the capability lists
    /// that also have every other capability the same chain asks for (none, and so no fix, when no model has them all).
    /// </summary>
    public const string SuggestionsProperty = "Suggestions";

    public ModelCapabilityAnalyzer()
        : base(DiagnosticDescriptors.ModelCapability)
    {
    }

    internal override void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types)
    {
        var chat = spec.FindEndpoint(EndpointSpec.ChatCompletions);
        var structuredOutputs = Listed(spec, CapabilitySpec.StructuredOutputs, chat);
        var tools = Listed(spec, CapabilitySpec.Tools, chat);

        // Nothing to check without a model list, or without the generated builders whose methods ask for the capabilities.
        if (chat is null || (structuredOutputs is null && tools is null) || !types.MayHaveGeneratedChatBuilder())
        {
            return;
        }

        // The generated builder's methods that turn a capability on. ResponseFormat(string) and JsonObjectResponse() also
        // set response_format, but need not ask for a JSON Schema: only the generic method surely does.
        CapabilitySpec? CapabilityOf(IMethodSymbol method) => method.Name switch
        {
            "ResponseFormat" when method.IsGenericMethod => structuredOutputs,
            "AddTool" or "AddTools" or "AddFunctionTool" => tools,
            _ => null,
        };

        context.RegisterOperationAction(
            operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                if (CapabilityOf(invocation.TargetMethod) is not { } capability
                    || types.Generated(invocation.TargetMethod.ContainingType) != GeneratedRequest.ChatBuilder
                    || ChainRoot(invocation) is not { } create
                    || types.Generated(create.TargetMethod.ContainingType) != GeneratedRequest.ChatRequest
                    || create.Arguments.Named("model")?.Value.WithoutConversions() is not { ConstantValue: { HasValue: true, Value: string model } } modelValue
                    || capability.Lists(model)
                    || chat.FindModel(model) is null
                    || !types.Scope.Applies(operation, modelValue.Syntax))
                {
                    return;
                }

                // The fix must not trade this capability for another the chain asks for.
                var others = ChainCalls(invocation).Select(call => CapabilityOf(call.TargetMethod)).Where(c => c is not null && c != capability).Distinct().ToList();
                var suggestions = capability.Models.Where(m => others.All(other => other!.Lists(m))).ToList();
                var properties = ImmutableDictionary<string, string?>.Empty.Add(SuggestionsProperty, string.Join(",", suggestions));
                var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name.GetLocation() : invocation.Syntax.GetLocation();
                var listed = string.Join(", ", capability.Models) + (capability.Uncertain ? " (uncertain for the OpenAI-compatible API)" : "");
                operation.ReportDiagnostic(Diagnostic.Create(
                    Descriptor, location, new[] { modelValue.Syntax.GetLocation() }, properties,
                    Written(invocation.TargetMethod), model, capability.Id.Replace('-', ' '), listed));
            },
            OperationKind.Invocation);
    }

    /// <summary>The capability with a model list for the chat endpoint, or null.</summary>
    private static CapabilitySpec? Listed(CompatSpec spec, string id, EndpointSpec? chat) =>
        spec.FindCapability(id) is { Models.IsEmpty: false } capability && capability.Endpoint == chat?.Id ? capability : null;

    /// <summary>The static call a fluent chain starts with (<c>Create(model)</c>), or null when it starts with anything else.</summary>
    private static IInvocationOperation? ChainRoot(IInvocationOperation call) =>
        call.ChainBackFrom().Last() is var first && first.Instance is null && first.TargetMethod.IsStatic ? first : null;

    /// <summary>Every call of the fluent chain <paramref name="call"/> is part of, from its last call back to its root.</summary>
    private static IEnumerable<IInvocationOperation> ChainCalls(IInvocationOperation call)
    {
        while (call.Parent is IInvocationOperation next && next.Instance?.WithoutConversions() == call)
        {
            call = next;
        }

        return call.ChainBackFrom();
    }

    /// <summary>The method as the message names it: <c>ResponseFormat&lt;Receipt&gt;()</c>, <c>AddTools(...)</c>.</summary>
    private static string Written(IMethodSymbol method) =>
        method.Name + (method.IsGenericMethod ? "<" + string.Join(", ", method.TypeArguments.Select(t => t.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))) + ">" : "")
        + (method.Parameters.IsEmpty ? "()" : "(...)");
}
