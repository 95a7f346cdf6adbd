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
/// plain http, or a clovastudio host that is not one of the spec's API hosts.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BaseUrlAnalyzer : ClovaAnalyzer
{
    /// <summary>Diagnostic property: the canonical base URL the fix puts in.</summary>
    public const string CanonicalUrlProperty = "CanonicalUrl";

    public BaseUrlAnalyzer()
        : base(DiagnosticDescriptors.BaseUrl)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, CompatSpec spec, KnownTypes types)
    {
        var hosts = spec.ApiHosts;
        var patterns = spec.NativeUrlPatterns.Select(p => (p, new Regex(p.PathPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))).ToArray();
        context.RegisterOperationAction(
            operation =>
            {
                if (!types.Scope.Applies(operation))
                {
                    return;
                }

                var literal = (ILiteralOperation)operation.Operation;
                if (literal.ConstantValue.Value is not string text
                    || (text.IndexOf("clovastudio", StringComparison.OrdinalIgnoreCase) < 0 && !hosts.Any(h => text.IndexOf(h, StringComparison.OrdinalIgnoreCase) >= 0))
                    || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
                {
                    return;
                }

                var isApiHost = hosts.Any(h => string.Equals(h, uri.Host, StringComparison.OrdinalIgnoreCase));
                if (!isApiHost && !uri.Host.StartsWith("clovastudio.", StringComparison.OrdinalIgnoreCase))
                {
                    return; // not a CLOVA Studio URL
                }

                var problem = Problem(uri, isApiHost, patterns) ?? (UsedAsBaseUrl(literal) && EndsWithEndpointPath(uri, spec)
                    ? "a base URL must not include the endpoint path; the SDK appends it again"
                    : null);
                if (problem is null)
                {
                    return;
                }

                var canonical = Canonical(spec, uri.Host);
                var properties = System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(CanonicalUrlProperty, canonical);
                operation.ReportDiagnostic(Diagnostic.Create(Descriptor, literal.Syntax.GetLocation(), properties, text, problem, canonical));
            },
            OperationKind.Literal);
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

    /// <summary>Whether the literal becomes a base address: <c>Endpoint = new Uri("...")</c> or <c>BaseAddress = new Uri("...")</c>.</summary>
    private static bool UsedAsBaseUrl(ILiteralOperation literal)
    {
        var parent = literal.Parent;
        while (parent is IArgumentOperation or IConversionOperation or IObjectCreationOperation)
        {
            parent = parent.Parent;
            if (parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Endpoint" or "BaseAddress" } })
            {
                return true;
            }
        }

        return false;
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
