using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ClovaCodegen.Spec.Diagnostics;
using ClovaCodegen.Spec.Json;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Spec;

/// <summary>The outcome of reading a spec: the model (null when the spec has errors) and every problem found.</summary>
public sealed record SpecReadResult(CompatSpec? Spec, EquatableArray<SpecDiagnostic> Diagnostics)
{
    /// <summary>True when any diagnostic is an error (then <see cref="Spec"/> is null).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == SpecSeverity.Error);
}

/// <summary>
/// Turns spec text into a <see cref="CompatSpec"/>. Never throws on bad input: every problem becomes a
/// <see cref="SpecDiagnostic"/> (CLOVA1xx) located in the spec file, and a spec with errors yields no model.
/// </summary>
public static class SpecReader
{
    /// <summary>File name of the default spec (and of the embedded resource's logical name suffix).</summary>
    public const string DefaultSpecFileName = "clova-openai-compat.json";

    private const string DefaultResourceName = "ClovaCodegen.Spec.clova-openai-compat.json";

    private static readonly Lazy<string> DefaultText = new(LoadDefaultText);
    private static readonly Lazy<SpecReadResult> DefaultResult = new(() => Read(DefaultText.Value, DefaultSpecFileName));

    /// <summary>The text of the spec embedded in this assembly (the one the package ships).</summary>
    public static string DefaultSpecText => DefaultText.Value;

    /// <summary>The embedded default spec, read once.</summary>
    public static SpecReadResult ReadDefault() => DefaultResult.Value;

    /// <summary>Reads a spec from its text; <paramref name="filePath"/> locates the diagnostics.</summary>
    public static SpecReadResult Read(string? text, string filePath)
    {
        var context = new ReadContext(text ?? "", filePath ?? "");
        if (text is null)
        {
            context.Report(SpecDiagnosticIds.Unreadable, 0, 0, "The spec file's text could not be read");
            return context.Result(null);
        }

        CompatSpec? spec;
        try
        {
            spec = Parse(context);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A reader bug must not become a compiler crash (CS8785/AD0001): report it where the file starts.
            context.Report(SpecDiagnosticIds.Unreadable, 0, 0, $"The spec could not be read: {ex.GetType().Name}: {ex.Message}");
            spec = null;
        }

        return context.Result(spec);
    }

    private static string LoadDefaultText()
    {
        using var stream = typeof(SpecReader).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {DefaultResourceName} is missing from {typeof(SpecReader).Assembly.FullName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static CompatSpec? Parse(ReadContext context)
    {
        var parsed = JsonParser.Parse(context.Text);
        if (parsed.Root is null)
        {
            context.Report(SpecDiagnosticIds.InvalidJson, parsed.ErrorOffset, parsed.ErrorLength, parsed.Error!);
            return null;
        }

        var root = parsed.Root;
        if (!context.ExpectObject(root, "The spec"))
        {
            return null;
        }

        context.CheckProperties(root, "the spec", "$schema", "specVersion", "title", "sources", "apiKey", "requestIdHeader", "baseUrls", "nativeUrlPatterns", "endpoints", "bindings");

        var version = context.GetInteger(root, "specVersion", required: true);
        if (version is not null && version != 1)
        {
            context.Report(SpecDiagnosticIds.UnsupportedVersion, root.Find("specVersion")!.Value, $"specVersion {version} is not supported; this reader understands version 1");
        }

        context.GetString(root, "$schema", required: false);
        var sources = ReadSources(context, root);
        var apiKey = ReadApiKey(context, root);
        var baseUrls = ReadBaseUrls(context, root);
        var patterns = ReadNativeUrlPatterns(context, root);
        var endpoints = ReadEndpoints(context, root);
        var bindings = ReadBindings(context, root, endpoints);

        if (context.HasErrors)
        {
            return null;
        }

        return new CompatSpec(
            (int)(version ?? 1),
            context.GetString(root, "title", required: false),
            apiKey,
            context.GetString(root, "requestIdHeader", required: false),
            sources,
            baseUrls,
            patterns,
            endpoints,
            bindings);
    }

    private static EquatableArray<SourceSpec> ReadSources(ReadContext context, JsonNode root)
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

    private static ApiKeySpec? ReadApiKey(ReadContext context, JsonNode root)
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

    private static EquatableArray<BaseUrlSpec> ReadBaseUrls(ReadContext context, JsonNode root)
    {
        var array = context.GetArray(root, "baseUrls", required: true);
        var result = new List<BaseUrlSpec>();
        if (array is null)
        {
            return EquatableArray<BaseUrlSpec>.Empty;
        }

        if (array.Items.Count == 0)
        {
            context.Report(SpecDiagnosticIds.InvalidValue, array, "baseUrls must list at least one base URL");
        }

        var clouds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in array.Items)
        {
            if (!context.ExpectObject(item, "A base URL entry"))
            {
                continue;
            }

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

            if (cloud is not null && url is not null)
            {
                result.Add(new BaseUrlSpec(
                    cloud,
                    url,
                    context.GetBoolean(item, "verified") ?? false,
                    context.GetString(item, "note", required: false),
                    context.GetString(item, "source", required: false)));
            }
        }

        return result.ToEquatableArray();
    }

    private static EquatableArray<NativeUrlPatternSpec> ReadNativeUrlPatterns(ReadContext context, JsonNode root)
    {
        var array = context.GetArray(root, "nativeUrlPatterns", required: false);
        var result = new List<NativeUrlPatternSpec>();
        if (array is null)
        {
            return EquatableArray<NativeUrlPatternSpec>.Empty;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in array.Items)
        {
            if (!context.ExpectObject(item, "A native URL pattern"))
            {
                continue;
            }

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
                    continue;
                }
            }

            if (id is not null && pattern is not null)
            {
                result.Add(new NativeUrlPatternSpec(id, pattern, context.GetString(item, "note", required: false), context.GetString(item, "source", required: false)));
            }
        }

        return result.ToEquatableArray();
    }

    private static EquatableArray<EndpointSpec> ReadEndpoints(ReadContext context, JsonNode root)
    {
        var array = context.GetArray(root, "endpoints", required: true);
        var result = new List<EndpointSpec>();
        if (array is null)
        {
            return EquatableArray<EndpointSpec>.Empty;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in array.Items)
        {
            if (!context.ExpectObject(item, "An endpoint"))
            {
                continue;
            }

            context.CheckProperties(item, "an endpoint", "id", "method", "path", "note", "source", "models", "fields");
            context.CheckSource(item);
            var id = context.GetNonEmptyString(item, "id");
            if (id is not null)
            {
                context.DeclaredEndpointIds.Add(id);
                var idNode = item.Find("id")!.Value;
                if (!EndpointSpec.KnownIds.Contains(id))
                {
                    context.Report(SpecDiagnosticIds.UnknownEndpoint, idNode, $"Unknown endpoint '{id}'; known endpoints are {string.Join(", ", EndpointSpec.KnownIds)}");
                }
                else if (!ids.Add(id))
                {
                    context.Report(SpecDiagnosticIds.DuplicateEntry, idNode, $"Endpoint '{id}' is declared more than once");
                }
            }

            var method = context.GetNonEmptyString(item, "method");
            if (method is not null && method != "GET" && method != "POST")
            {
                context.Report(SpecDiagnosticIds.InvalidValue, item.Find("method")!.Value, $"Method '{method}' is not GET or POST");
            }

            var path = context.GetNonEmptyString(item, "path");
            if (path is not null && (path.StartsWith("/", StringComparison.Ordinal) || path.Contains("://")))
            {
                context.Report(SpecDiagnosticIds.InvalidUrlOrPattern, item.Find("path")!.Value, $"Endpoint path '{path}' must be relative to the base URL (no leading '/')");
            }

            var models = ReadModels(context, item);
            var fields = ReadFields(context, item, id);
            if (id is not null && method is not null && path is not null)
            {
                result.Add(new EndpointSpec(id, method, path, context.GetString(item, "note", required: false), context.GetString(item, "source", required: false), models, fields));
            }
        }

        return result.ToEquatableArray();
    }

    private static EquatableArray<ModelSpec> ReadModels(ReadContext context, JsonNode endpoint)
    {
        var array = context.GetArray(endpoint, "models", required: false);
        var result = new List<ModelSpec>();
        if (array is null)
        {
            return EquatableArray<ModelSpec>.Empty;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        string? defaultModel = null;
        foreach (var item in array.Items)
        {
            if (!context.ExpectObject(item, "A model"))
            {
                continue;
            }

            context.CheckProperties(item, "a model", "name", "verified", "default", "dimension", "note", "source");
            context.CheckSource(item);
            var name = context.GetNonEmptyString(item, "name");
            if (name is not null && !names.Add(name))
            {
                context.Report(SpecDiagnosticIds.DuplicateEntry, item.Find("name")!.Value, $"Model '{name}' is listed more than once");
            }

            var dimension = context.GetInteger(item, "dimension", required: false);
            if (dimension is < 1)
            {
                context.Report(SpecDiagnosticIds.InvalidValue, item.Find("dimension")!.Value, "dimension must be at least 1");
            }

            var isDefault = context.GetBoolean(item, "default") ?? false;
            if (isDefault && defaultModel is not null)
            {
                context.Report(SpecDiagnosticIds.InvalidValue, item.Find("default")!.Value, $"Model '{name}' is marked default, but '{defaultModel}' already is; an endpoint has at most one default model");
            }
            else if (isDefault)
            {
                defaultModel = name ?? "";
            }

            if (name is not null)
            {
                result.Add(new ModelSpec(name, context.GetBoolean(item, "verified") ?? false, isDefault, (int?)dimension, context.GetString(item, "note", required: false), context.GetString(item, "source", required: false)));
            }
        }

        return result.ToEquatableArray();
    }

    private static readonly Regex WireName = new("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant);

    private static EquatableArray<FieldSpec> ReadFields(ReadContext context, JsonNode endpoint, string? endpointId)
    {
        var array = context.GetArray(endpoint, "fields", required: false);
        var result = new List<FieldSpec>();
        if (array is null)
        {
            return EquatableArray<FieldSpec>.Empty;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in array.Items)
        {
            if (!context.ExpectObject(item, "A field"))
            {
                continue;
            }

            // Remember the name even if the field turns out broken, so bindings to it don't cascade into CLOVA112.
            if (item.Find("name")?.Value.StringValue is { } declaredName)
            {
                context.DeclaredFields.Add(endpointId + "/" + declaredName);
            }

            var field = ReadField(context, item);
            if (field is null)
            {
                continue;
            }

            if (!names.Add(field.Name))
            {
                context.Report(SpecDiagnosticIds.DuplicateField, item.Find("name")!.Value, $"Field '{field.Name}' is declared more than once in this endpoint");
                continue;
            }

            result.Add(field);
        }

        return result.ToEquatableArray();
    }

    private static FieldSpec? ReadField(ReadContext context, JsonNode item)
    {
        context.CheckProperties(
            item, "a field", "name", "status", "type", "required", "default", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
            "allowedValues", "requiredValue", "nativeNames", "sentImplicitlyBy", "uncertain", "note", "source");
        context.CheckSource(item);

        var name = context.GetNonEmptyString(item, "name");
        if (name is not null && !WireName.IsMatch(name))
        {
            context.Report(SpecDiagnosticIds.InvalidValue, item.Find("name")!.Value, $"Field name '{name}' is not a snake_case wire name");
        }

        var statusText = context.GetNonEmptyString(item, "status");
        FieldStatus? status = statusText switch
        {
            null => null,
            "supported" => FieldStatus.Supported,
            "unsupported" => FieldStatus.Unsupported,
            "clova-only" => FieldStatus.ClovaOnly,
            "undocumented" => FieldStatus.Undocumented,
            _ => null,
        };
        if (statusText is not null && status is null)
        {
            context.Report(SpecDiagnosticIds.UnknownStatus, item.Find("status")!.Value, $"Unknown status '{statusText}'; expected supported, unsupported, clova-only or undocumented");
        }

        var type = ReadType(context, item);
        var minimum = context.GetNumber(item, "minimum");
        var maximum = context.GetNumber(item, "maximum");
        var exclusiveMinimum = context.GetBoolean(item, "exclusiveMinimum") ?? false;
        var exclusiveMaximum = context.GetBoolean(item, "exclusiveMaximum") ?? false;
        NumericRange? range = null;
        if (minimum is not null || maximum is not null)
        {
            range = new NumericRange(minimum, exclusiveMinimum, maximum, exclusiveMaximum);
            var boundNode = (item.Find("minimum") ?? item.Find("maximum"))!.Value;
            if (minimum is { } min && maximum is { } max && (min > max || (min == max && (exclusiveMinimum || exclusiveMaximum))))
            {
                context.Report(SpecDiagnosticIds.InvalidRange, item.Find("maximum")!.Value, $"The range {range} of '{name}' is empty");
            }
            else if (type is { } t && (t & (JsonFieldType.Integer | JsonFieldType.Number)) == 0)
            {
                context.Report(SpecDiagnosticIds.InvalidRange, boundNode, $"'{name}' has a numeric range but its type admits no number");
            }
        }

        var allowedValues = new List<SpecLiteral>();
        var allowedNode = context.GetArray(item, "allowedValues", required: false);
        if (allowedNode is not null)
        {
            if (allowedNode.Items.Count == 0)
            {
                context.Report(SpecDiagnosticIds.InvalidValue, allowedNode, "allowedValues must not be empty");
            }

            foreach (var value in allowedNode.Items)
            {
                if (value.Kind is JsonNodeKind.Object or JsonNodeKind.Array or JsonNodeKind.Null)
                {
                    context.Report(SpecDiagnosticIds.WrongJsonType, value, $"An allowed value must be a string, number or boolean, not {JsonNode.Describe(value.Kind)}");
                    continue;
                }

                var literal = ToLiteral(context, value);
                if (allowedValues.Contains(literal))
                {
                    context.Report(SpecDiagnosticIds.DuplicateEntry, value, $"Allowed value {literal} is listed more than once");
                }

                allowedValues.Add(literal);
            }
        }

        var requiredValue = context.GetBoolean(item, "requiredValue") ?? false;
        if (requiredValue && allowedNode is null)
        {
            context.Report(SpecDiagnosticIds.InvalidValue, item.Find("requiredValue")!.Value, "requiredValue needs allowedValues to say which values are required");
        }

        SpecLiteral? defaultValue = null;
        var defaultProperty = item.Find("default");
        if (defaultProperty is not null)
        {
            defaultValue = ToLiteral(context, defaultProperty.Value);
            CheckDefault(context, name, type, range, allowedNode is null ? null : allowedValues, defaultProperty.Value, defaultValue);
        }

        var nativeNames = context.GetStringArray(item, "nativeNames");
        var sentImplicitlyBy = context.GetStringArray(item, "sentImplicitlyBy");

        if (name is null || status is null || type is null)
        {
            return null;
        }

        return new FieldSpec(
            name,
            status.Value,
            type.Value,
            context.GetBoolean(item, "required") ?? false,
            defaultValue,
            range,
            allowedValues.ToEquatableArray(),
            requiredValue,
            nativeNames,
            sentImplicitlyBy,
            context.GetBoolean(item, "uncertain") ?? false,
            context.GetString(item, "note", required: false),
            context.GetString(item, "source", required: false));
    }

    private static void CheckDefault(ReadContext context, string? name, JsonFieldType? type, NumericRange? range, List<SpecLiteral>? allowed, JsonNode node, SpecLiteral value)
    {
        if (type is { } t && !Admits(t, node))
        {
            context.Report(SpecDiagnosticIds.DefaultOutsideRange, node, $"Default {value} of '{name}' is {JsonNode.Describe(node.Kind)}, which its type does not admit");
            return;
        }

        if (range is not null && node.Kind == JsonNodeKind.Number && !range.Contains(node.NumberValue))
        {
            context.Report(SpecDiagnosticIds.DefaultOutsideRange, node, $"Default {value} of '{name}' lies outside its own range {range}");
        }

        if (allowed is not null && !allowed.Contains(value))
        {
            context.Report(SpecDiagnosticIds.DefaultOutsideRange, node, $"Default {value} of '{name}' is not one of its allowed values ({string.Join(", ", allowed)})");
        }
    }

    private static bool Admits(JsonFieldType type, JsonNode node) => node.Kind switch
    {
        JsonNodeKind.String => (type & JsonFieldType.String) != 0,
        JsonNodeKind.Number => (type & JsonFieldType.Number) != 0 || ((type & JsonFieldType.Integer) != 0 && node.IsIntegerLiteral),
        JsonNodeKind.True or JsonNodeKind.False => (type & JsonFieldType.Boolean) != 0,
        JsonNodeKind.Array => (type & JsonFieldType.Array) != 0,
        JsonNodeKind.Object => (type & JsonFieldType.Object) != 0,
        _ => true, // null: "not set", admitted by every type
    };

    private static JsonFieldType? ReadType(ReadContext context, JsonNode item)
    {
        var property = item.Find("type");
        if (property is null)
        {
            context.Report(SpecDiagnosticIds.MissingProperty, item.Start, 1, "A field needs a 'type'");
            return null;
        }

        var names = new List<JsonNode>();
        if (property.Value.Kind == JsonNodeKind.String)
        {
            names.Add(property.Value);
        }
        else if (property.Value.Kind == JsonNodeKind.Array && property.Value.Items.Count > 0)
        {
            names.AddRange(property.Value.Items);
        }
        else
        {
            context.Report(SpecDiagnosticIds.WrongJsonType, property.Value, $"'type' must be a type name or a non-empty array of type names, not {JsonNode.Describe(property.Value.Kind)}");
            return null;
        }

        var result = JsonFieldType.None;
        var valid = true;
        foreach (var nameNode in names)
        {
            JsonFieldType? one = nameNode.Kind != JsonNodeKind.String ? null : nameNode.StringValue switch
            {
                "string" => JsonFieldType.String,
                "integer" => JsonFieldType.Integer,
                "number" => JsonFieldType.Number,
                "boolean" => JsonFieldType.Boolean,
                "array" => JsonFieldType.Array,
                "object" => JsonFieldType.Object,
                _ => null,
            };
            if (one is null)
            {
                context.Report(SpecDiagnosticIds.UnknownType, nameNode, $"Unknown type {nameNode.RawText}; expected string, integer, number, boolean, array or object");
                valid = false;
                continue;
            }

            result |= one.Value;
        }

        return valid ? result : null;
    }

    private static EquatableArray<BindingSpec> ReadBindings(ReadContext context, JsonNode root, EquatableArray<EndpointSpec> endpoints)
    {
        var array = context.GetArray(root, "bindings", required: false);
        var result = new List<BindingSpec>();
        if (array is null)
        {
            return EquatableArray<BindingSpec>.Empty;
        }

        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in array.Items)
        {
            if (!context.ExpectObject(item, "A binding"))
            {
                continue;
            }

            context.CheckProperties(item, "a binding", "member", "endpoint", "field", "droppedBy", "readKeys", "note", "source");
            context.CheckSource(item);
            var member = context.GetNonEmptyString(item, "member");
            var endpointId = context.GetNonEmptyString(item, "endpoint");
            var field = context.GetNonEmptyString(item, "field");
            if (member is not null)
            {
                var memberNode = item.Find("member")!.Value;
                var dot = member.LastIndexOf('.');
                if (dot <= 0 || dot == member.Length - 1)
                {
                    context.Report(SpecDiagnosticIds.InvalidValue, memberNode, $"Member '{member}' must be 'Namespace.Type.Member'");
                }
                else if (!members.Add(member))
                {
                    context.Report(SpecDiagnosticIds.DuplicateEntry, memberNode, $"Member '{member}' is bound more than once");
                }
            }

            EndpointSpec? endpoint = null;
            if (endpointId is not null)
            {
                endpoint = endpoints.FirstOrDefault(e => e.Id == endpointId);

                // An endpoint that is declared but broken was reported already; don't cascade.
                if (endpoint is null && !context.DeclaredEndpointIds.Contains(endpointId))
                {
                    context.Report(SpecDiagnosticIds.UnknownEndpoint, item.Find("endpoint")!.Value, $"Binding names endpoint '{endpointId}', which the spec does not declare");
                }
            }

            if (endpoint is not null && field is not null && field != BindingSpec.AnyField && endpoint.FindField(field) is null
                && !context.DeclaredFields.Contains(endpointId + "/" + field))
            {
                context.Report(SpecDiagnosticIds.UnknownBindingField, item.Find("field")!.Value, $"Endpoint '{endpointId}' declares no field '{field}'");
            }

            if (member is not null && endpointId is not null && field is not null)
            {
                result.Add(new BindingSpec(member, endpointId, field, context.GetString(item, "droppedBy", required: false), context.GetString(item, "note", required: false), context.GetString(item, "source", required: false))
                {
                    ReadKeys = context.GetStringArray(item, "readKeys"),
                });
            }
        }

        return result.ToEquatableArray();
    }

    private static SpecLiteral ToLiteral(ReadContext context, JsonNode node) => node.Kind switch
    {
        JsonNodeKind.String => SpecLiteral.FromString(node.StringValue!),
        JsonNodeKind.Number => SpecLiteral.FromNumber(node.NumberValue),
        JsonNodeKind.True => SpecLiteral.FromBoolean(true),
        JsonNodeKind.False => SpecLiteral.FromBoolean(false),
        JsonNodeKind.Null => new SpecLiteral(SpecLiteralKind.Null, "null", null),
        _ => new SpecLiteral(SpecLiteralKind.Json, context.Text.Substring(node.Start, node.Length), null),
    };

    /// <summary>Reading state: the text, its line map and the diagnostics found so far.</summary>
    private sealed class ReadContext
    {
        private readonly List<SpecDiagnostic> _diagnostics = new();
        private LineMap? _lines;

        public ReadContext(string text, string filePath)
        {
            Text = text;
            FilePath = filePath;
        }

        public string Text { get; }

        public string FilePath { get; }

        public HashSet<string> SourceKeys { get; } = new(StringComparer.Ordinal);

        public HashSet<string> DeclaredEndpointIds { get; } = new(StringComparer.Ordinal);

        public HashSet<string> DeclaredFields { get; } = new(StringComparer.Ordinal);

        public bool HasSourceTable { get; set; }

        /// <summary>True when any diagnostic is an error (then <see cref="Spec"/> is null).</summary>
        public bool HasErrors => _diagnostics.Any(d => d.Severity == SpecSeverity.Error);

        public SpecReadResult Result(CompatSpec? spec) => new(HasErrors ? null : spec, _diagnostics.ToEquatableArray());

        public void Report(SpecDiagnosticKind kind, JsonNode node, string message) => Report(kind, node.Start, node.Length, message);

        public void Report(SpecDiagnosticKind kind, int offset, int length, string message)
        {
            _lines ??= new LineMap(Text);
            offset = Math.Max(0, Math.Min(offset, Text.Length));
            length = Math.Max(0, Math.Min(length, Text.Length - offset));
            var (startLine, startColumn) = _lines.Locate(offset);
            var (endLine, endColumn) = _lines.Locate(offset + length);
            _diagnostics.Add(new SpecDiagnostic(kind.Id, kind.Severity, message, FilePath, offset, length, startLine, startColumn, endLine, endColumn));
        }

        public bool ExpectObject(JsonNode node, string what) => ExpectKind(node, JsonNodeKind.Object, what);

        public bool ExpectKind(JsonNode node, JsonNodeKind kind, string what)
        {
            if (node.Kind == kind)
            {
                return true;
            }

            Report(SpecDiagnosticIds.WrongJsonType, node, $"{what} must be {JsonNode.Describe(kind)}, not {JsonNode.Describe(node.Kind)}");
            return false;
        }

        /// <summary>Reports properties the format does not define (likely typos) and repeated property names.</summary>
        public void CheckProperties(JsonNode node, string what, params string[] known)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in node.Properties)
            {
                if (!seen.Add(property.Name))
                {
                    Report(SpecDiagnosticIds.DuplicateEntry, property.NameStart, property.NameLength, $"Property '{property.Name}' appears more than once in {what}");
                }
                else if (Array.IndexOf(known, property.Name) < 0)
                {
                    Report(SpecDiagnosticIds.UnknownProperty, property.NameStart, property.NameLength, $"Unknown property '{property.Name}' in {what}; known properties are {string.Join(", ", known)}");
                }
            }
        }

        public void CheckSource(JsonNode node)
        {
            var source = GetString(node, "source", required: false);
            if (source is not null && HasSourceTable && !SourceKeys.Contains(source))
            {
                Report(SpecDiagnosticIds.UnknownSource, node.Find("source")!.Value, $"Source '{source}' is not a key of the spec's 'sources'");
            }
        }

        private JsonNode? Get(JsonNode node, string name, JsonNodeKind kind, bool required, string expected)
        {
            var property = node.Find(name);
            if (property is null)
            {
                if (required)
                {
                    Report(SpecDiagnosticIds.MissingProperty, node.Start, 1, $"Required property '{name}' is missing");
                }

                return null;
            }

            if (property.Value.Kind != kind && !(kind == JsonNodeKind.True && property.Value.IsBoolean))
            {
                Report(SpecDiagnosticIds.WrongJsonType, property.Value, $"'{name}' must be {expected}, not {JsonNode.Describe(property.Value.Kind)}");
                return null;
            }

            return property.Value;
        }

        public string? GetString(JsonNode node, string name, bool required) =>
            Get(node, name, JsonNodeKind.String, required, "a string")?.StringValue;

        public string? GetNonEmptyString(JsonNode node, string name)
        {
            var value = GetString(node, name, required: true);
            if (value is not null && value.Trim().Length == 0)
            {
                Report(SpecDiagnosticIds.InvalidValue, node.Find(name)!.Value, $"'{name}' must not be empty");
                return null;
            }

            return value;
        }

        public JsonNode? GetObject(JsonNode node, string name, bool required) => Get(node, name, JsonNodeKind.Object, required, "an object");

        public JsonNode? GetArray(JsonNode node, string name, bool required) => Get(node, name, JsonNodeKind.Array, required, "an array");

        public bool? GetBoolean(JsonNode node, string name) => Get(node, name, JsonNodeKind.True, required: false, "true or false")?.Kind == JsonNodeKind.True
            ? true
            : node.Find(name)?.Value.Kind == JsonNodeKind.False ? false : null;

        public double? GetNumber(JsonNode node, string name) => Get(node, name, JsonNodeKind.Number, required: false, "a number")?.NumberValue;

        public long? GetInteger(JsonNode node, string name, bool required)
        {
            var value = Get(node, name, JsonNodeKind.Number, required, "an integer");
            if (value is null)
            {
                return null;
            }

            if (!value.IsIntegerLiteral || Math.Abs(value.NumberValue) > int.MaxValue)
            {
                Report(SpecDiagnosticIds.WrongJsonType, value, $"'{name}' must be an integer, not {value.RawText}");
                return null;
            }

            return (long)value.NumberValue;
        }

        public EquatableArray<string> GetStringArray(JsonNode node, string name)
        {
            var array = GetArray(node, name, required: false);
            if (array is null)
            {
                return EquatableArray<string>.Empty;
            }

            var result = new List<string>();
            foreach (var item in array.Items)
            {
                if (ExpectKind(item, JsonNodeKind.String, $"An entry of '{name}'"))
                {
                    result.Add(item.StringValue!);
                }
            }

            return result.ToEquatableArray();
        }
    }
}
