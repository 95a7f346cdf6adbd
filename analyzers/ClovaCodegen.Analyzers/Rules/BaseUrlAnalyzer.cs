using System;
using System.Linq;
using System.Text.RegularExpressions;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>
/// CLOVA003: a CLOVA Studio URL in a string constant that is wrong for the OpenAI-compatible API: a native path
/// (the spec's nativeUrlPatterns: testapp/serviceapp, /v3/chat-completions/..., native embeddings), no /v1/openai,
/// plain http, a clovastudio host that is not one of the spec's API hosts, a base URL that already ends with the endpoint
/// path, or another host (not loopback, where the emulator runs) given to ClovaCodegen's or the OpenAI SDK's endpoint.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
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
        context.RegisterOperationAction(
            operation =>
            {
                var literal = (ILiteralOperation)operation.Operation;
                if (literal.StringValue() is not { } text
                    || !text.StartsWith("http", StringComparison.OrdinalIgnoreCase)
                    || urls.GetOrAdd(text, t => Url.Parse(t, spec, patterns)) is not { } url)
                {
                    return;
                }

                string? problem;
                if (url.IsClovaHost)
                {
                    // A CLOVA Studio host is evidence enough that this is meant for CLOVA, in either scope.
                    problem = url.Problem ?? (url.EndsWithEndpointPath && Sink(literal) is not null
                        ? "a base URL must not include the endpoint path; the SDK appends it again"
                        : null);
                }
                else
                {
                    // Another host where a CLOVA endpoint is expected: ClovaCodegen's options always; the OpenAI SDK's
                    // options only in project scope (in endpoint scope that URL is what makes the client not CLOVA's).
                    var sink = Sink(literal);
                    var isClovaEndpoint = sink is "ClovaStudioClientOptions" or "ClovaOpenAI"
                        || (sink == "OpenAIClientOptions" && !types.Scope.IsEndpointMode(literal.Syntax.SyntaxTree));
                    problem = isClovaEndpoint && !url.Uri.IsLoopback ? $"'{url.Uri.Host}' is not a CLOVA Studio API host" : null;
                }

                if (problem is null)
                {
                    return;
                }

                var canonical = Canonical(spec, url.Uri.Host);
                var properties = System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(CanonicalUrlProperty, canonical);
                operation.ReportDiagnostic(Diagnostic.Create(Descriptor, literal.Syntax.GetLocation(), properties, text, problem, canonical));
            },
            OperationKind.Literal);
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

    /// <summary>
    /// Where the literal becomes a base address, by the receiving type's name: <c>X.Endpoint = new Uri("...")</c>,
    /// <c>X.BaseAddress = new Uri("...")</c>, or the <c>endpoint</c> argument of <c>ClovaOpenAI</c>'s factories; null otherwise.
    /// </summary>
    private static string? Sink(ILiteralOperation literal)
    {
        IOperation current = literal;
        for (var depth = 0; depth < 8 && current.Parent is { } parent; depth++, current = parent)
        {
            switch (parent)
            {
                case IConversionOperation or IObjectCreationOperation { Type.Name: "Uri" }:
                    continue;
                case IArgumentOperation { Parent: IObjectCreationOperation { Type.Name: "Uri" } }:
                    continue;
                case IArgumentOperation { Parameter.Name: "endpoint", Parent: IInvocationOperation { TargetMethod.ContainingType.Name: "ClovaOpenAI" } }:
                    return "ClovaOpenAI";
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "Endpoint" or "BaseAddress" } property } }:
                    return property.ContainingType.Name;
                default:
                    return null;
            }
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
