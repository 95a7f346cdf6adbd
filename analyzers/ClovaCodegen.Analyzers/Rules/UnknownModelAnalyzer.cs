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
/// builder's <c>Create</c> (a generated type: the configured namespace or the generator's <c>[GeneratedCode]</c>), as the
/// <c>modelId</c> of a Semantic Kernel OpenAI connector registration (<c>AddOpenAIChatCompletion</c>,
/// <c>AddOpenAIEmbeddingGenerator</c>, ...), or as the <c>model</c> key of a raw request body. An embedding model for chat, or a chat model
/// for embeddings, is caught the same way.
/// </summary>
public sealed class UnknownModelAnalyzer : ClovaRule
{
    /// <summary>
    /// Diagnostic property: the names the fix offers, comma-separated, best first: the endpoint's default model (the spec
    /// marks it), then the nearest names; a near-miss spelling (<c>hcx-dash-002</c>) comes before the default.
    /// </summary>
    public const string SuggestionsProperty = "Suggestions";

    /// <summary>How many names the fix offers.</summary>
    private const int SuggestionCount = 3;

    /// <summary>An edit distance up to which a name reads as a misspelling of a known one rather than another model.</summary>
    private const int MisspellingDistance = 2;

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
                    "Create" when invocation.TargetMethod.IsStatic => types.Generated(type) switch
                    {
                        GeneratedRequest.ChatRequest => chat,
                        GeneratedRequest.EmbeddingRequest => embeddings,
                        _ => null,
                    },
                    _ when name.StartsWith("AddOpenAI", StringComparison.Ordinal) => types.SemanticKernelRegistrationEndpoint(invocation.TargetMethod) switch
                    {
                        EndpointSpec.ChatCompletions => chat,
                        EndpointSpec.Embeddings => embeddings,
                        _ => null,
                    },
                    _ => null,
                };
                if (endpoint is not null)
                {
                    // Semantic Kernel's registrations call it modelId.
                    Check(operation, types.Scope, endpoint, (invocation.Arguments.Named("model") ?? invocation.Arguments.Named("modelId"))?.Value);
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
                if (RequestWrites.RawBody(operation.Operation, spec, types, operation.CancellationToken) is { } body)
                {
                    Check(operation, types.Scope, body.Endpoint, body.ValueOf("model"));
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

        var kind = endpoint.Id == EndpointSpec.Embeddings ? "an embedding" : "a chat";
        var properties = ImmutableDictionary<string, string?>.Empty.Add(SuggestionsProperty, string.Join(",", Suggestions(endpoint, model)));
        var accepted = string.Join(", ", endpoint.Models.Select(m => m.Name));
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, value.Syntax.GetLocation(), properties, model, kind, accepted));
    }

    /// <summary>
    /// The names to offer instead of <paramref name="model"/>, best first. Nearness alone put an older model first for an
    /// OpenAI name (<c>gpt-4o</c> → HCX-003 before HCX-005): a name that is no misspelling gets the endpoint's default.
    /// </summary>
    internal static string[] Suggestions(EndpointSpec endpoint, string model)
    {
        var wanted = model.ToLowerInvariant();
        var byDistance = endpoint.Models
            .Select(m => (m.Name, Distance: Distance(m.Name.ToLowerInvariant(), wanted)))
            .OrderBy(m => m.Distance).ThenBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
        var first = byDistance[0].Distance <= MisspellingDistance ? byDistance[0].Name : endpoint.DefaultModel?.Name ?? byDistance[0].Name;
        return new[] { first }.Concat(byDistance.Select(m => m.Name).Where(n => n != first)).Take(SuggestionCount).ToArray();
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
