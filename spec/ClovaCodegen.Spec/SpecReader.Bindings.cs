using System;
using System.Collections.Generic;
using System.Linq;
using ClovaCodegen.Spec.Diagnostics;
using ClovaCodegen.Spec.Json;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Spec;

/// <summary>The <c>bindings</c> section: SDK members mapped to the wire fields they write.</summary>
public static partial class SpecReader
{
    private static EquatableArray<BindingSpec> ReadBindings(SpecReadContext context, JsonNode root, EquatableArray<EndpointSpec> endpoints)
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        return context.ReadObjects(root, "bindings", required: false, "A binding", item => ReadBinding(context, item, endpoints, members));
    }

    private static BindingSpec? ReadBinding(SpecReadContext context, JsonNode item, EquatableArray<EndpointSpec> endpoints, HashSet<string> members)
    {
        context.CheckProperties(item, "a binding", "member", "endpoint", "field", "droppedBy", "readKeys", "readAs", "role", "replacement", "note", "source");
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

        ResolveEndpointField(context, item, endpoints, "Binding", endpointId, field == BindingSpec.AnyField ? null : field);
        var role = context.GetString(item, "role", required: false);
        var replacement = context.GetString(item, "replacement", required: false);
        if (role is not null && field is not null && field != "messages")
        {
            context.Report(SpecDiagnosticIds.InvalidValue, item.Find("role")!.Value, $"A binding with a role sends a message: its field must be 'messages', not '{field}'");
        }

        if (replacement is not null && role is null)
        {
            context.Report(SpecDiagnosticIds.InvalidValue, item.Find("replacement")!.Value, "A replacement is the member that sends the message with another role: it needs the binding's 'role'");
        }
        else if (replacement is not null && (replacement.LastIndexOf('.') <= 0 || replacement.EndsWith(".", StringComparison.Ordinal)))
        {
            context.Report(SpecDiagnosticIds.InvalidValue, item.Find("replacement")!.Value, $"Replacement '{replacement}' must be 'Namespace.Type.Member'");
        }

        var readKeys = context.GetStringArray(item, "readKeys");
        var readAs = context.GetString(item, "readAs", required: false);
        if (readAs is not null && readKeys.IsEmpty)
        {
            context.Report(SpecDiagnosticIds.InvalidValue, item.Find("readAs")!.Value, "readAs is the type an adapter reads a bag's keys into: it needs the binding's 'readKeys'");
        }
        else if (readAs is not null && !IsMetadataTypeName(readAs))
        {
            context.Report(SpecDiagnosticIds.InvalidValue, item.Find("readAs")!.Value, $"readAs '{readAs}' must be a type's metadata name, 'Namespace.Type'");
        }

        if (member is null || endpointId is null || field is null)
        {
            return null;
        }

        return new BindingSpec(member, endpointId, field, context.GetString(item, "droppedBy", required: false), context.GetString(item, "note", required: false), context.GetString(item, "source", required: false))
        {
            ReadKeys = readKeys,
            ReadAs = readAs,
            Role = role,
            Replacement = replacement,
        };
    }

    /// <summary>
    /// A name <c>Compilation.GetTypeByMetadataName</c> can find: dot-separated identifiers (a nested type after <c>+</c>,
    /// a generic's arity after a backtick), with a namespace.
    /// </summary>
    private static bool IsMetadataTypeName(string name)
    {
        var segments = name.Split('.', '+');
        if (segments.Length < 2)
        {
            return false;
        }

        foreach (var segment in segments)
        {
            var tick = segment.IndexOf('`');
            var identifier = tick < 0 ? segment : segment.Substring(0, tick);
            if (identifier.Length == 0 || !(char.IsLetter(identifier[0]) || identifier[0] == '_') || !identifier.All(c => char.IsLetterOrDigit(c) || c == '_')
                || (tick >= 0 && (tick == segment.Length - 1 || !segment.Substring(tick + 1).All(char.IsDigit))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The endpoint an entry names (reported when the spec does not declare it) and a check that it declares the entry's
    /// field (<paramref name="field"/> null: nothing to check). A declared but broken endpoint was reported already, so
    /// neither is reported again.
    /// </summary>
    private static EndpointSpec? ResolveEndpointField(SpecReadContext context, JsonNode item, EquatableArray<EndpointSpec> endpoints, string what, string? endpointId, string? field)
    {
        if (endpointId is null)
        {
            return null;
        }

        var endpoint = endpoints.FirstOrDefault(e => e.Id == endpointId);
        if (endpoint is null && !context.DeclaredEndpointIds.Contains(endpointId))
        {
            context.Report(SpecDiagnosticIds.UnknownEndpoint, item.Find("endpoint")!.Value, $"{what} names endpoint '{endpointId}', which the spec does not declare");
        }

        if (endpoint is not null && field is not null && endpoint.FindField(field) is null && !context.DeclaredFields.Contains(endpointId + "/" + field))
        {
            context.Report(SpecDiagnosticIds.UnknownBindingField, item.Find("field")!.Value, $"Endpoint '{endpointId}' declares no field '{field}'");
        }

        return endpoint;
    }
}
