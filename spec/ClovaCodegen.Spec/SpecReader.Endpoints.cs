using System;
using System.Collections.Generic;
using System.Linq;
using ClovaCodegen.Spec.Diagnostics;
using ClovaCodegen.Spec.Json;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Spec;

/// <summary>The <c>endpoints</c> section and each endpoint's models (its fields are read in SpecReader.Fields.cs).</summary>
public static partial class SpecReader
{
    private static EquatableArray<EndpointSpec> ReadEndpoints(SpecReadContext context, JsonNode root)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        return context.ReadObjects(root, "endpoints", required: true, "An endpoint", item => ReadEndpoint(context, item, ids));
    }

    private static EndpointSpec? ReadEndpoint(SpecReadContext context, JsonNode item, HashSet<string> ids)
    {
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
        return id is null || method is null || path is null
            ? null
            : new EndpointSpec(id, method, path, context.GetString(item, "note", required: false), context.GetString(item, "source", required: false), models, fields);
    }

    private static EquatableArray<ModelSpec> ReadModels(SpecReadContext context, JsonNode endpoint)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        string? defaultModel = null;
        return context.ReadObjects(endpoint, "models", required: false, "A model", ReadModel);

        ModelSpec? ReadModel(JsonNode item)
        {
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

            return name is null
                ? null
                : new ModelSpec(name, context.GetBoolean(item, "verified") ?? false, isDefault, (int?)dimension, context.GetString(item, "note", required: false), context.GetString(item, "source", required: false));
        }
    }
}
