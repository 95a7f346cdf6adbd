using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ClovaCodegen.Spec.Diagnostics;
using ClovaCodegen.Spec.Json;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Spec;

/// <summary>The spec's header sections: sources, the API key, base URLs and native URL patterns.</summary>
public static partial class SpecReader
{
    private static EquatableArray<SourceSpec> ReadSources(SpecReadContext context, JsonNode root)
    {
        var node = context.GetObject(root, "sources", required: false);
        if (node is null)
        {
            return EquatableArray<SourceSpec>.Empty;
        }

        var sources = new List<SourceSpec>();
        foreach (var property in node.Properties)
        {
            if (context.ExpectKind(property.Value, JsonNodeKind.String, $"Source '{property.Name}'"))
            {
                sources.Add(new SourceSpec(property.Name, property.Value.StringValue!));
                context.SourceKeys.Add(property.Name);
            }
        }

        context.HasSourceTable = true;
        return sources.ToEquatableArray();
    }

    private static ApiKeySpec? ReadApiKey(SpecReadContext context, JsonNode root)
    {
        var node = context.GetObject(root, "apiKey", required: false);
        if (node is null)
        {
            return null;
        }

        context.CheckProperties(node, "apiKey", "header", "scheme", "prefix", "environmentVariable", "note", "source");
        context.CheckSource(node);
        return new ApiKeySpec(
            context.GetString(node, "header", required: false),
            context.GetString(node, "scheme", required: false),
            context.GetString(node, "prefix", required: false),
            context.GetString(node, "environmentVariable", required: false),
            context.GetString(node, "note", required: false));
    }

    private static EquatableArray<BaseUrlSpec> ReadBaseUrls(SpecReadContext context, JsonNode root)
    {
        var clouds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var baseUrls = context.ReadObjects(root, "baseUrls", required: true, "A base URL entry", item => ReadBaseUrl(context, item, clouds));
        if (root.Find("baseUrls")?.Value is { Kind: JsonNodeKind.Array, Items.Count: 0 } empty)
        {
            context.Report(SpecDiagnosticIds.InvalidValue, empty, "baseUrls must list at least one base URL");
        }

        return baseUrls;
    }

    private static BaseUrlSpec? ReadBaseUrl(SpecReadContext context, JsonNode item, HashSet<string> clouds)
    {
        context.CheckProperties(item, "a base URL", "cloud", "url", "verified", "note", "source");
        context.CheckSource(item);
        var cloud = context.GetNonEmptyString(item, "cloud");
        var url = context.GetNonEmptyString(item, "url");
        if (cloud is not null && !clouds.Add(cloud))
        {
            context.Report(SpecDiagnosticIds.DuplicateEntry, item.Find("cloud")!.Value, $"Cloud '{cloud}' has more than one base URL");
        }

        if (url is not null)
        {
            var urlNode = item.Find("url")!.Value;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "https")
            {
                context.Report(SpecDiagnosticIds.InvalidUrlOrPattern, urlNode, $"Base URL '{url}' is not an absolute https URL");
            }
            else if (!url.EndsWith("/", StringComparison.Ordinal))
            {
                context.Report(SpecDiagnosticIds.InvalidUrlOrPattern, urlNode, $"Base URL '{url}' must end with '/' so that relative endpoint paths resolve under it");
            }
        }

        if (cloud is null || url is null)
        {
            return null;
        }

        return new BaseUrlSpec(
            cloud,
            url,
            context.GetBoolean(item, "verified") ?? false,
            context.GetString(item, "note", required: false),
            context.GetString(item, "source", required: false));
    }

    private static EquatableArray<NativeUrlPatternSpec> ReadNativeUrlPatterns(SpecReadContext context, JsonNode root)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        return context.ReadObjects(root, "nativeUrlPatterns", required: false, "A native URL pattern", item => ReadNativeUrlPattern(context, item, ids));
    }

    private static NativeUrlPatternSpec? ReadNativeUrlPattern(SpecReadContext context, JsonNode item, HashSet<string> ids)
    {
        context.CheckProperties(item, "a native URL pattern", "id", "pathPattern", "note", "source");
        context.CheckSource(item);
        var id = context.GetNonEmptyString(item, "id");
        var pattern = context.GetNonEmptyString(item, "pathPattern");
        if (id is not null && !ids.Add(id))
        {
            context.Report(SpecDiagnosticIds.DuplicateEntry, item.Find("id")!.Value, $"Native URL pattern '{id}' is declared more than once");
        }

        if (pattern is not null)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                context.Report(SpecDiagnosticIds.InvalidUrlOrPattern, item.Find("pathPattern")!.Value, $"pathPattern is not a valid regular expression: {ex.Message}");
                return null;
            }
        }

        return id is null || pattern is null
            ? null
            : new NativeUrlPatternSpec(id, pattern, context.GetString(item, "note", required: false), context.GetString(item, "source", required: false));
    }
}
