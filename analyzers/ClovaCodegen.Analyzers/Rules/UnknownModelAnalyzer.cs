using System;
using System.Collections.Immutable;
using System.Linq;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>
/// CLOVA004: a constant model name not in the spec's list for its endpoint, given to the OpenAI SDK
/// (<c>GetChatClient</c>, <c>GetEmbeddingClient</c>, <c>new ChatClient</c>, <c>new EmbeddingClient</c>) or to a generated
/// builder's <c>Create</c>, or as the <c>model</c> key of a raw request body. An embedding model for chat, or a chat model
/// for embeddings, is caught the same way.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnknownModelAnalyzer : ClovaRule
{
    /// <summary>Diagnostic property: the nearest known names, comma-separated, for the fix.</summary>
    public const string SuggestionsProperty = "Suggestions";

    public UnknownModelAnalyzer()
        : base(DiagnosticDescriptors.UnknownModel)
    {
    }

    internal override void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types)
    {
        var chat = spec.FindEndpoint(EndpointSpec.ChatCompletions);
        var embeddings = spec.FindEndpoint(EndpointSpec.Embeddings);
        context.RegisterOperationAction(
            operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                var name = invocation.TargetMethod.Name;
                var type = invocation.TargetMethod.ContainingType;

                // By method name first: most invocations are ruled out before their type's base chain is walked.
                var endpoint = name switch
                {
                    "GetChatClient" when type.IsOrDerivesFrom(types.OpenAIClient) => chat,
                    "GetEmbeddingClient" when type.IsOrDerivesFrom(types.OpenAIClient) => embeddings,
                    "Create" when invocation.TargetMethod.IsStatic => type.Name == "ChatCompletionRequest" ? chat : type.Name == "EmbeddingRequest" ? embeddings : null,
                    _ => null,
                };
                if (endpoint is not null)
                {
                    Check(operation, types.Scope, endpoint, invocation.Arguments.Named("model")?.Value);
                }
            },
            OperationKind.Invocation);
        context.RegisterOperationAction(
            operation =>
            {
                var creation = (IObjectCreationOperation)operation.Operation;
                var endpoint = creation.Arguments.IsEmpty ? null : creation.Type.IsOrDerivesFrom(types.ChatClient) ? chat : creation.Type.IsOrDerivesFrom(types.EmbeddingClient) ? embeddings : null;
                if (endpoint is not null)
                {
                    Check(operation, types.Scope, endpoint, creation.Arguments.Named("model")?.Value);
                }
            },
            OperationKind.ObjectCreation);
        context.RegisterOperationAction(
            operation =>
            {
                if (RequestWrites.RawBody(operation.Operation, spec, operation.CancellationToken) is { } body)
                {
                    Check(operation, types.Scope, body.Endpoint, body.Keys.FirstOrDefault(k => k.Key == "model").Value);
                }
            },
            RequestWrites.RawBodyKinds);
    }

    private void Check(OperationAnalysisContext context, AnalysisScope scope, EndpointSpec? endpoint, IOperation? modelValue)
    {
        if (endpoint is null || endpoint.Models.IsEmpty || modelValue?.WithoutConversions() is not { ConstantValue: { HasValue: true, Value: string model } } value)
        {
            return;
        }

        if (endpoint.FindModel(model) is not null || !scope.Applies(context, value.Syntax))
        {
            return;
        }

        var nearest = endpoint.Models.Select(m => m.Name).OrderBy(m => Distance(m.ToLowerInvariant(), model.ToLowerInvariant())).ThenBy(m => m, StringComparer.Ordinal).Take(3).ToArray();
        var kind = endpoint.Id == EndpointSpec.Embeddings ? "embedding" : "chat";
        var properties = ImmutableDictionary<string, string?>.Empty.Add(SuggestionsProperty, string.Join(",", nearest));
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, value.Syntax.GetLocation(), properties, model, kind, "; known: " + string.Join(", ", nearest)));
    }

    /// <summary>Levenshtein distance, for the nearest-name suggestions.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
