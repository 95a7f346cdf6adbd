using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>
/// CLOVA002: embeddings requested without <c>"encoding_format": "float"</c>. The OpenAI SDK's EmbeddingClient sends
/// <c>"base64"</c> on every call (verified), which CLOVA Studio rejects: its embedding calls, and Microsoft.Extensions.AI
/// generators made from it, are flagged unless the client comes from ClovaCodegen.OpenAI (its policy rewrites the field)
/// or the options patch <c>encoding_format</c>; so are Semantic Kernel's embedding registrations
/// (<c>AddOpenAIEmbeddingGenerator</c>, <c>AddOpenAITextEmbeddingGeneration</c>), unless given such a client. Raw embeddings bodies are flagged when the key is missing or not "float",
/// and so are the protocol overloads' <c>BinaryContent</c> bodies, judged by their content when it is a readable constant.
/// </summary>
public sealed class EmbeddingEncodingAnalyzer : ClovaRule
{
    /// <summary>Diagnostic property: what the fix does (<see cref="FixAddPolicy"/>, <see cref="FixAddField"/>, <see cref="FixUseFloat"/>, <see cref="FixUseClovaClient"/>).</summary>
    public const string FixProperty = "Fix";
    public const string FixAddPolicy = "AddPolicy";
    /// <summary>An SK registration given an API key: give it <c>ClovaOpenAI.CreateClient(apiKey)</c> instead (the additional location is the key's argument).</summary>
    public const string FixUseClovaClient = "UseClovaClient";
    public const string FixAddField = "AddField";
    public const string FixUseFloat = "UseFloat";

    private const string Float = "float";
    private static readonly string[] PatchedField = { "encoding_format" };
    /// <summary>The names of ClovaCodegen.OpenAI's policy API, for the per-file text check (the search then compares symbols).</summary>
    private static readonly string[] PolicyApi = { "ClovaOpenAI", "ClovaCompatibilityPolicy" };

    public EmbeddingEncodingAnalyzer()
        : base(DiagnosticDescriptors.EmbeddingEncoding)
    {
    }

    internal override void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types)
    {
        if (types.EmbeddingClient is not null)
        {
            var origins = types.Origins;
            Func<IOperation, bool> sendsFloat = operation => SendsFloat(operation, spec, types);
            context.RegisterOperationAction(operation => AnalyzeSdkCall(operation, types, origins, sendsFloat), OperationKind.Invocation);
        }

        context.RegisterOperationAction(
            operation =>
            {
                if (RequestWrites.RawBody(operation.Operation, spec, types, operation.CancellationToken) is not { Endpoint.Id: EndpointSpec.Embeddings } body)
                {
                    return;
                }

                var encoding = body.Keys.FirstOrDefault(k => k.Key == "encoding_format");
                if (encoding.Key is null)
                {
                    var at = body.Creation.Syntax is BaseObjectCreationExpressionSyntax or AnonymousObjectCreationExpressionSyntax ? body.Creation.Syntax.GetFirstToken().GetLocation() : body.Creation.Syntax.GetLocation();
                    Report(operation, types, body.Creation.Syntax, at, FixAddField, "This embeddings request body has no encoding_format", "add \"encoding_format\": \"float\"");
                }
                else if (RequestWrites.ConstantText(encoding.Value) is { } value && value != Float)
                {
                    Report(operation, types, encoding.Value!.Syntax, encoding.Value.Syntax.GetLocation(), FixUseFloat, $"This embeddings request body sets encoding_format to \"{value}\"", "use \"float\"");
                }
            },
            RequestWrites.RawBodyKinds);
    }

    private void AnalyzeSdkCall(OperationAnalysisContext operation, KnownTypes types, ValueOrigins origins, Func<IOperation, bool> sendsFloat)
    {
        var invocation = (IInvocationOperation)operation.Operation;
        var method = invocation.TargetMethod;
        var client = method.Name.StartsWith("GenerateEmbedding", StringComparison.Ordinal) && method.ContainingType.IsOrDerivesFrom(types.EmbeddingClient) ? invocation.Instance
            : method.Name == "AsIEmbeddingGenerator" && method.IsExtensionMethod && invocation.Arguments.Length > 0 && invocation.Arguments[0].Value.WithoutConversions().Type.IsOrDerivesFrom(types.EmbeddingClient) ? invocation.Arguments[0].Value
            : null;
        if (client is null)
        {
            if (method.Name.StartsWith("AddOpenAI", StringComparison.Ordinal) && types.SemanticKernelRegistrationEndpoint(method) == EndpointSpec.Embeddings)
            {
                AnalyzeSemanticKernelRegistration(operation, types, origins, sendsFloat, invocation);
            }

            return;
        }

        // A protocol overload sends the body it is given, nothing by default: judged by that body's content.
        if (method.Name.StartsWith("GenerateEmbedding", StringComparison.Ordinal) && types.BinaryContent is not null
            && RequestWrites.ArgumentOfType(invocation, types.BinaryContent) is { } content)
        {
            AnalyzeProtocolBody(operation, types, content.Value);
            return;
        }

        // A client from ClovaOpenAI (or with its policy added), or options that Patch encoding_format, sends "float". A file
        // that never spells any of them can't have one, so most files are decided without following a value.
        if (CallSiteEvidence.MentionsAny(invocation.Syntax.SyntaxTree, PatchedField, PolicyApi, operation.CancellationToken)
            && origins.Reaches(invocation, operation.ContainingSymbol, sendsFloat, operation.CancellationToken))
        {
            return;
        }

        var creation = ClientCreation(client.WithoutConversions(), types);
        var where = method.Name == "AsIEmbeddingGenerator" ? $"The embedding generator from this EmbeddingClient (via {method.Name}) sends \"base64\"" : $"{method.Name} sends \"base64\" by default";
        Report(operation, types, invocation.Syntax, invocation.Syntax.GetLocation(), creation is null ? null : FixAddPolicy, where,
            "create the client with ClovaOpenAI.CreateClientOptions(...) (ClovaCodegen.OpenAI's compatibility policy), or Patch the field", creation?.Syntax.GetLocation());
    }

    /// <summary>
    /// Semantic Kernel's embedding registrations make Microsoft.Extensions.AI's generator over the SDK's EmbeddingClient
    /// (verified: base64 on every request). One given an OpenAIClient is fine when that client comes from ClovaOpenAI (or
    /// has its policy); one given only an API key builds a stock client, which nothing can rewrite.
    /// </summary>
    private void AnalyzeSemanticKernelRegistration(OperationAnalysisContext operation, KnownTypes types, ValueOrigins origins, Func<IOperation, bool> sendsFloat, IInvocationOperation registration)
    {
        var client = types.OpenAIClient is null ? null : RequestWrites.ArgumentOfType(registration, types.OpenAIClient);
        if (client is not null && CallSiteEvidence.MentionsAny(registration.Syntax.SyntaxTree, PatchedField, PolicyApi, operation.CancellationToken)
            && origins.Reaches(registration, operation.ContainingSymbol, sendsFloat, operation.CancellationToken))
        {
            return;
        }

        var where = $"The embedding generator Semantic Kernel's {registration.TargetMethod.Name} registers sends \"base64\"";
        var remedy = client is null
            ? "register it with an OpenAIClient from ClovaOpenAI.CreateClient(...) (ClovaCodegen.OpenAI's compatibility policy)"
            : "create the client with ClovaOpenAI.CreateClient(...) or ClovaOpenAI.CreateClientOptions(...) (ClovaCodegen.OpenAI's compatibility policy)";
        if (client is not null)
        {
            // A client created in sight gets ClovaOpenAI's options, as for the SDK's own embedding calls.
            var creation = ClientCreation(client.Value, types);
            Report(operation, types, registration.Syntax, registration.Syntax.GetLocation(), creation is null ? null : FixAddPolicy, where, remedy, creation?.Syntax.GetLocation());
            return;
        }

        var apiKey = types.ClovaOpenAI is null ? null : ReplaceableApiKey(registration);
        Report(operation, types, registration.Syntax, registration.Syntax.GetLocation(), apiKey is null ? null : FixUseClovaClient, where, remedy, apiKey?.Syntax.GetLocation());
    }

    /// <summary>
    /// The API key argument of an SK registration that only names the model and the key (and, by name, <c>dimensions</c>
    /// or <c>serviceId</c>, which the client overloads take under the same names): such a call becomes one over
    /// <c>ClovaOpenAI.CreateClient(apiKey)</c> with nothing lost. Null when it passes more (an organization, an HttpClient
    /// whose base address may be the endpoint), or passes those positionally (the client overloads order them otherwise).
    /// </summary>
    private static IArgumentOperation? ReplaceableApiKey(IInvocationOperation registration)
    {
        IArgumentOperation? apiKey = null;
        foreach (var argument in registration.Arguments)
        {
            // The builder or service collection the extension method is called on stays as it is.
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is not { } parameter
                || (parameter.Ordinal == 0 && parameter.ContainingSymbol is IMethodSymbol { IsExtensionMethod: true }))
            {
                continue;
            }

            switch (parameter.Name)
            {
                case "modelId":
                    break;
                case "apiKey" when parameter.Type.SpecialType == SpecialType.System_String:
                    apiKey = argument;
                    break;
                case "dimensions" or "serviceId" when argument.Syntax is ArgumentSyntax { NameColon: not null }:
                    break;
                default:
                    return null;
            }
        }

        return apiKey?.Syntax is ArgumentSyntax ? apiKey : null;
    }

    /// <summary>ClovaCodegen.OpenAI's policy (its factory, the policy itself) or a Patch of encoding_format.</summary>
    /// <remarks>By kind first: the search asks about every operation it visits, and a type test per interface costs more than the rest.</remarks>
    private static bool SendsFloat(IOperation operation, CompatSpec spec, KnownTypes types) => operation.Kind switch
    {
        OperationKind.Invocation => ((IInvocationOperation)operation) is var invocation && (IsPolicyApi(invocation.TargetMethod.ContainingType, types) || RequestWrites.PatchPath(invocation, spec, types) is { Field.Name: "encoding_format" }),
        OperationKind.ObjectCreation => IsPolicyApi(operation.Type, types),
        OperationKind.FieldReference or OperationKind.PropertyReference or OperationKind.MethodReference or OperationKind.EventReference => IsPolicyApi(((IMemberReferenceOperation)operation).Member.ContainingType, types),
        _ => false,
    };

    // Asked of every operation an origin search visits: names are compared before symbols (Is).
    private static bool IsPolicyApi(ITypeSymbol? type, KnownTypes types) =>
        type.Is(types.ClovaOpenAI) || type.Is(types.ClovaCompatibilityPolicy);

    private static readonly Regex EncodingFormat = new("\"encoding_format\"\\s*:\\s*\"(?<value>[^\"]*)\"", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>
    /// A protocol call's JSON body, when it can be read as a constant (<c>BinaryContent.Create(BinaryData.FromString("..."))</c>,
    /// through locals in the same body): an embeddings body (one with <c>"input"</c>) must set <c>"encoding_format": "float"</c>.
    /// A body that can't be read, or that is not an embeddings body, proves nothing and is left alone.
    /// </summary>
    private void AnalyzeProtocolBody(OperationAnalysisContext operation, KnownTypes types, IOperation content)
    {
        if (RequestWrites.ConstantText(RequestWrites.ConstantJsonSource(content, types)) is not { } json || json.IndexOf("\"input\"", StringComparison.Ordinal) < 0)
        {
            return;
        }

        var match = EncodingFormat.Match(json);
        if (!match.Success)
        {
            Report(operation, types, content.Syntax, content.Syntax.GetLocation(), null, "This embeddings request body has no encoding_format", "add \"encoding_format\": \"float\"");
        }
        else if (match.Groups["value"].Value != Float)
        {
            Report(operation, types, content.Syntax, content.Syntax.GetLocation(), null, $"This embeddings request body sets encoding_format to \"{match.Groups["value"].Value}\"", "use \"float\"");
        }
    }

    private void Report(OperationAnalysisContext operation, KnownTypes types, SyntaxNode anchor, Location location, string? fix, string what, string remedy, Location? additional = null)
    {
        if (!types.Scope.Applies(operation, anchor))
        {
            return;
        }

        var properties = fix is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix);
        operation.ReportDiagnostic(Diagnostic.Create(Descriptor, location, additional is null ? null : new[] { additional }, properties, what, remedy));
    }

    /// <summary>
    /// The <c>new OpenAIClient(...)</c> or <c>new EmbeddingClient(...)</c> the client came from, followed through local
    /// initializers and <c>GetEmbeddingClient</c> in the same body (null when it can't be seen).
    /// </summary>
    private static IObjectCreationOperation? ClientCreation(IOperation client, KnownTypes types)
    {
        for (var hops = 0; hops < 8; hops++)
        {
            switch (client.WithoutConversions())
            {
                case IObjectCreationOperation creation when creation.Type.IsOrDerivesFrom(types.OpenAIClient) || creation.Type.IsOrDerivesFrom(types.EmbeddingClient):
                    return creation;
                case IInvocationOperation { TargetMethod.Name: "GetEmbeddingClient", Instance: { } owner }:
                    client = owner;
                    break;
                case ILocalReferenceOperation local when RequestWrites.LocalInitializer(local) is { } initializer:
                    client = initializer;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }
}
