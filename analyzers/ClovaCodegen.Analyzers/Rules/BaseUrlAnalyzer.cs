using System;
using System.Linq;
using System.Text.RegularExpressions;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>
/// CLOVA003: a CLOVA Studio URL that is wrong for the OpenAI-compatible API: a native path (the spec's nativeUrlPatterns:
/// testapp/serviceapp, /v3/chat-completions/..., native embeddings), no /v1/openai, plain http, a clovastudio host that is
/// not one of the spec's API hosts, a base URL that already ends with the endpoint path, or another host (not loopback,
/// where the emulator runs) given to ClovaCodegen's or the OpenAI SDK's endpoint. A URL literal is judged where it stands;
/// a const's value, a piece of a longer string and a bare host are judged where the URL they make is used
/// (<c>new Uri(...)</c>, an <c>HttpClient</c> request), so <c>$"{Host}/v1/openai/"</c> is right and
/// <c>$"{Host}/testapp/..."</c> is not.
/// </summary>
public sealed class BaseUrlAnalyzer : ClovaRule
{
    /// <summary>Diagnostic property: the canonical base URL the fix puts in.</summary>
    public const string CanonicalUrlProperty = "CanonicalUrl";

    public BaseUrlAnalyzer()
        : base(DiagnosticDescriptors.BaseUrl)
    {
    }

    internal override void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types)
    {
        var patterns = spec.NativeUrlPatterns.Select(p => (p, new Regex(p.PathPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))).ToArray();
        // The same few URLs come up in file after file: each is parsed and judged once per compilation.
        var urls = new System.Collections.Concurrent.ConcurrentDictionary<string, Url?>(StringComparer.Ordinal);
        Func<string, Url?> parse = t => Url.Parse(t, spec, patterns);
        context.RegisterOperationAction(
            operation =>
            {
                // Every literal of the project comes here: most are ruled out by their token's kind and first characters,
                // before the operation's type or constant value is asked for.
                if (operation.Operation.Syntax is not LiteralExpressionSyntax { Token: var token }
                    || !token.IsKind(SyntaxKind.StringLiteralToken) && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
                    || !token.ValueText.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }

                var literal = (ILiteralOperation)operation.Operation;
                if (literal.StringValue() is not { } text
                    || !text.StartsWith("http", StringComparison.OrdinalIgnoreCase)
                    || IsPartOfConstant(literal)
                    || urls.GetOrAdd(text, parse) is not { } url)
                {
                    return;
                }

                // A bare host (no path) is a prefix until it is used as a URL: judged there, with what is appended to it.
                var sink = Sink(literal, types);
                if (sink == Use.None && IsBareHost(text))
                {
                    return;
                }

                Judge(operation, spec, types, text, url, sink, literal.Syntax);
            },
            OperationKind.Literal);
        context.RegisterOperationAction(
            operation =>
            {
                // A URL built from constants (a host constant and a path, an interpolation of constants, a const URL) is
                // judged where it is used as one; a literal written there is judged by the action above.
                if (UsedUrl(operation.Operation, types) is { } used
                    && used.WithoutConversions() is not ILiteralOperation
                    && RequestWrites.ConstantText(used) is { } text
                    && text.StartsWith("http", StringComparison.OrdinalIgnoreCase)
                    && urls.GetOrAdd(text, parse) is { } url)
                {
                    Judge(operation, spec, types, text, url, Sink(used, types), used.Syntax);
                }
            },
            OperationKind.ObjectCreation,
            OperationKind.Invocation);
    }

    private void Judge(OperationAnalysisContext operation, CompatSpec spec, KnownTypes types, string text, Url url, Use sink, SyntaxNode at)
    {
        string? problem;
        if (url.IsClovaHost)
        {
            // A CLOVA Studio host is evidence enough that this is meant for CLOVA, in either scope.
            problem = url.Problem ?? (url.EndsWithEndpointPath && sink is not (Use.None or Use.Request)
                ? "a base URL must not include the endpoint path; the SDK appends it again"
                : null);
        }
        else
        {
            // Another host where a CLOVA endpoint is expected: ClovaCodegen's options always; the OpenAI SDK's
            // options only in project scope (in endpoint scope that URL is what makes the client not CLOVA's).
            var isClovaEndpoint = sink == Use.ClovaEndpoint || (sink == Use.OpenAIEndpoint && !types.Scope.IsEndpointMode(at.SyntaxTree));
            problem = isClovaEndpoint && !url.Uri.IsLoopback ? $"'{url.Uri.Host}' is not a CLOVA Studio API host" : null;
        }

        if (problem is null)
        {
            return;
        }

        var canonical = Canonical(spec, url.Uri.Host);
        var properties = System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(CanonicalUrlProperty, canonical);
        operation.ReportDiagnostic(Diagnostic.Create(Descriptor, at.GetLocation(), properties, text, problem, canonical));
    }

    /// <summary>Where a URL goes.</summary>
    private enum Use
    {
        /// <summary>Not used as a URL where it stands (a const's value, an argument of the user's own method, ...).</summary>
        None,

        /// <summary>A request URL: <c>new Uri(...)</c> used as such, <c>HttpClient.PostAsync(url, ...)</c>.</summary>
        Request,

        /// <summary>A base address of something that is neither ours nor the OpenAI SDK's (<c>HttpClient.BaseAddress</c>).</summary>
        OtherEndpoint,

        /// <summary>The OpenAI SDK's <c>OpenAIClientOptions.Endpoint</c>, or the <c>endpoint</c> of Semantic Kernel's OpenAI registrations.</summary>
        OpenAIEndpoint,

        /// <summary>ClovaCodegen's <c>ClovaStudioClientOptions.Endpoint</c> or the <c>endpoint</c> of <c>ClovaOpenAI</c>'s factories.</summary>
        ClovaEndpoint,
    }

    /// <summary>A literal that is a const's value or a piece of a longer string: judged where the whole is used, not here.</summary>
    private static bool IsPartOfConstant(ILiteralOperation literal)
    {
        var parent = literal.Parent is IConversionOperation conversion ? conversion.Parent : literal.Parent;
        return parent switch
        {
            IBinaryOperation or IInterpolatedStringContentOperation or IInterpolatedStringOperation => true,
            IFieldInitializerOperation field => field.InitializedFields.Any(f => f.IsConst),
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol.IsConst: true } } => true,
            _ => false,
        };
    }

    private static bool IsBareHost(string text)
    {
        var afterScheme = text.IndexOf("://", StringComparison.Ordinal);
        return afterScheme >= 0 && text.IndexOf('/', afterScheme + 3) is var slash && (slash < 0 || slash == text.Length - 1);
    }

    /// <summary>The string an operation uses as a URL: <c>new Uri(s)</c>, <c>new HttpRequestMessage(m, s)</c>, <c>HttpClient.XxxAsync(s, ...)</c>.</summary>
    private static IOperation? UsedUrl(IOperation operation, KnownTypes types)
    {
        var (type, arguments) = operation.Kind switch
        {
            OperationKind.ObjectCreation => (operation.Type, ((IObjectCreationOperation)operation).Arguments),
            OperationKind.Invocation => (((IInvocationOperation)operation).TargetMethod.ContainingType, ((IInvocationOperation)operation).Arguments),
            _ => (null, default),
        };

        // Every creation and call comes here: ruled out by the type's name before any symbol is compared.
        if (type is not { Name: "Uri" or "HttpClient" or "HttpRequestMessage" } || arguments.IsDefaultOrEmpty
            || !(SymbolEqualityComparer.Default.Equals(type, types.Uri) || SymbolEqualityComparer.Default.Equals(type, types.HttpClient) || SymbolEqualityComparer.Default.Equals(type, types.HttpRequestMessage)))
        {
            return null;
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter is { Name: "uriString" or "requestUri", Type.SpecialType: SpecialType.System_String })
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// Where a string becomes a URL: the <c>Endpoint</c>/<c>BaseAddress</c> it is assigned to (through <c>new Uri(...)</c>),
    /// the <c>endpoint</c> of <c>ClovaOpenAI</c>'s factories, a request URL; <see cref="Use.None"/> otherwise.
    /// </summary>
    private static Use Sink(IOperation value, KnownTypes types)
    {
        var use = Use.None;
        IOperation current = value;
        for (var depth = 0; depth < 8 && current.Parent is { } parent; depth++, current = parent)
        {
            switch (parent)
            {
                case IConversionOperation:
                    continue;
                case IArgumentOperation { Parent: IObjectCreationOperation creation } when SymbolEqualityComparer.Default.Equals(creation.Type, types.Uri):
                    use = Use.Request;
                    continue;
                case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, types.Uri):
                    continue;
                case IArgumentOperation { Parameter.Name: "endpoint", Parent: IInvocationOperation invocation } when SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, types.ClovaOpenAI):
                    return Use.ClovaEndpoint;
                // Semantic Kernel's OpenAI registrations hand their endpoint to the SDK's OpenAIClientOptions.Endpoint.
                case IArgumentOperation { Parameter.Name: "endpoint", Parent: IInvocationOperation registration } when types.SemanticKernelRegistrationEndpoint(registration.TargetMethod) is not null:
                    return Use.OpenAIEndpoint;
                case IArgumentOperation { Parameter: { Name: "requestUri" or "uriString" } } argument when UsedUrl(argument.Parent!, types) == current:
                    return Use.Request;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "Endpoint" or "BaseAddress" } property } }:
                    return property.ContainingType.IsOrDerivesFrom(types.ClovaStudioClientOptions) ? Use.ClovaEndpoint
                        : property.ContainingType.IsOrDerivesFrom(types.OpenAIClientOptions) ? Use.OpenAIEndpoint
                        : Use.OtherEndpoint;
                default:
                    return use;
            }
        }

        return use;
    }

    /// <summary>What a URL literal is, independent of where it is used (null when it is not an absolute URL).</summary>
    private sealed class Url
    {
        private Url(Uri uri, bool isClovaHost, string? problem, bool endsWithEndpointPath)
        {
            Uri = uri;
            IsClovaHost = isClovaHost;
            Problem = problem;
            EndsWithEndpointPath = endsWithEndpointPath;
        }

        public Uri Uri { get; }

        /// <summary>One of the spec's API hosts, or another clovastudio.* host.</summary>
        public bool IsClovaHost { get; }

        /// <summary>What is wrong with a CLOVA host's URL wherever it is used (native path, http, no /v1/openai, ...).</summary>
        public string? Problem { get; }

        public bool EndsWithEndpointPath { get; }

        public static Url? Parse(string text, CompatSpec spec, (NativeUrlPatternSpec Spec, Regex Regex)[] patterns)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
            {
                return null;
            }

            var isApiHost = spec.ApiHosts.Any(h => string.Equals(h, uri.Host, StringComparison.OrdinalIgnoreCase));
            var isClovaHost = isApiHost || uri.Host.StartsWith("clovastudio.", StringComparison.OrdinalIgnoreCase);
            return new Url(uri, isClovaHost, isClovaHost ? Problem(uri, isApiHost, patterns) : null, EndsWithEndpointPath(uri, spec));
        }
    }

    private static string? Problem(Uri uri, bool isApiHost, (NativeUrlPatternSpec Spec, Regex Regex)[] patterns)
    {
        foreach (var (pattern, regex) in patterns)
        {
            if (regex.IsMatch(uri.AbsolutePath))
            {
                return pattern.Note ?? $"it has the native path shape '{pattern.Id}'";
            }
        }

        if (!isApiHost)
        {
            return $"'{uri.Host}' is not a CLOVA Studio API host";
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return "CLOVA Studio is served over https only";
        }

        if (!uri.AbsolutePath.StartsWith("/v1/openai", StringComparison.Ordinal))
        {
            return "the OpenAI-compatible API lives under /v1/openai/";
        }

        return null;
    }

    private static bool EndsWithEndpointPath(Uri uri, CompatSpec spec) =>
        spec.Endpoints.Any(e => uri.AbsolutePath.TrimEnd('/').EndsWith("/" + e.Path, StringComparison.Ordinal));

    /// <summary>The spec's base URL of the same cloud: gov when the host names the gov cloud, else public.</summary>
    private static string Canonical(CompatSpec spec, string host)
    {
        var cloud = host.IndexOf("gov-", StringComparison.OrdinalIgnoreCase) >= 0 ? "gov" : "public";
        return (spec.BaseUrls.FirstOrDefault(b => b.Cloud == cloud) ?? spec.BaseUrls[0]).Url;
    }
}
