using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ClovaCodegen.Spec.Diagnostics;
using ClovaCodegen.Spec.Json;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Spec;

/// <summary>
/// The <c>capabilities</c> section (which models have structured outputs and tools) and the <c>structuredOutputs</c>
/// section (the response_format types and JSON Schema keywords, each documented or uncertain).
/// </summary>
public static partial class SpecReader
{
    private static EquatableArray<CapabilitySpec> ReadCapabilities(SpecReadContext context, JsonNode root, EquatableArray<EndpointSpec> endpoints)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        return context.ReadObjects(root, "capabilities", required: false, "A capability", item => ReadCapability(context, item, endpoints, ids));
    }

    private static CapabilitySpec? ReadCapability(SpecReadContext context, JsonNode item, EquatableArray<EndpointSpec> endpoints, HashSet<string> ids)
    {
        context.CheckProperties(item, "a capability", "id", "endpoint", "field", "models", "namePattern", "uncertain", "note", "source");
        context.CheckSource(item);
        var id = context.GetNonEmptyString(item, "id");
        if (id is not null)
        {
            var idNode = item.Find("id")!.Value;
            if (!CapabilitySpec.KnownIds.Contains(id))
            {
                context.Report(SpecDiagnosticIds.InvalidValue, idNode, $"Unknown capability '{id}'; known capabilities are {string.Join(", ", CapabilitySpec.KnownIds)}");
            }
            else if (!ids.Add(id))
            {
                context.Report(SpecDiagnosticIds.DuplicateEntry, idNode, $"Capability '{id}' is declared more than once");
            }
        }

        var endpointId = context.GetNonEmptyString(item, "endpoint");
        var field = context.GetNonEmptyString(item, "field");
        var endpoint = ResolveEndpointField(context, item, endpoints, "Capability", endpointId, field);

        var models = context.GetStringArray(item, "models");
        if (endpoint is not null && item.Find("models")?.Value is { Kind: JsonNodeKind.Array } modelNodes)
        {
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var modelNode in modelNodes.Items.Where(n => n.Kind == JsonNodeKind.String))
            {
                var name = modelNode.StringValue!;
                if (endpoint.FindModel(name) is null)
                {
                    context.Report(SpecDiagnosticIds.InvalidValue, modelNode, $"Capability '{id}' lists model '{name}', which endpoint '{endpointId}' does not list");
                }
                else if (!listed.Add(name))
                {
                    context.Report(SpecDiagnosticIds.DuplicateEntry, modelNode, $"Model '{name}' is listed more than once");
                }
            }
        }

        var namePattern = ReadPattern(context, item, "namePattern");
        return id is not null && endpointId is not null && field is not null
            ? new CapabilitySpec(id, endpointId, field, models, namePattern, context.GetBoolean(item, "uncertain") ?? false, context.GetString(item, "note", required: false), context.GetString(item, "source", required: false))
            : null;
    }

    private static StructuredOutputsSpec? ReadStructuredOutputs(SpecReadContext context, JsonNode root)
    {
        var node = context.GetObject(root, "structuredOutputs", required: false);
        if (node is null)
        {
            return null;
        }

        context.CheckProperties(node, "structuredOutputs", "namePattern", "note", "responseFormatTypes", "schemaKeywords");
        return new StructuredOutputsSpec(
            ReadPattern(context, node, "namePattern"),
            context.GetString(node, "note", required: false),
            ReadSchemaTerms(context, node, "responseFormatTypes", "A response_format type"),
            ReadSchemaTerms(context, node, "schemaKeywords", "A schema keyword"));
    }

    private static EquatableArray<SchemaTermSpec> ReadSchemaTerms(SpecReadContext context, JsonNode parent, string property, string what)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        return context.ReadObjects(parent, property, required: false, what, item => ReadSchemaTerm(context, item, property, what, names));
    }

    private static SchemaTermSpec? ReadSchemaTerm(SpecReadContext context, JsonNode item, string property, string what, HashSet<string> names)
    {
        context.CheckProperties(item, what.ToLowerInvariant(), "name", "status", "note", "source");
        context.CheckSource(item);
        var name = context.GetNonEmptyString(item, "name");
        if (name is not null && !names.Add(name))
        {
            context.Report(SpecDiagnosticIds.DuplicateEntry, item.Find("name")!.Value, $"'{name}' is listed more than once in {property}");
        }

        var status = context.GetStatus(item, ("supported", SchemaTermStatus.Supported), ("unsupported", SchemaTermStatus.Unsupported), ("uncertain", SchemaTermStatus.Uncertain));

        return name is not null && status is not null
            ? new SchemaTermSpec(name, status.Value, context.GetString(item, "note", required: false), context.GetString(item, "source", required: false))
            : null;
    }

    private static string? ReadPattern(SpecReadContext context, JsonNode node, string name)
    {
        var pattern = context.GetString(node, name, required: false);
        if (pattern is null)
        {
            return null;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return pattern;
        }
        catch (ArgumentException ex)
        {
            context.Report(SpecDiagnosticIds.InvalidUrlOrPattern, node.Find(name)!.Value, $"{name} is not a valid regular expression: {ex.Message}");
            return null;
        }
    }
}
