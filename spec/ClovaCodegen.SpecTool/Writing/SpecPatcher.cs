using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClovaCodegen.Spec.Model;
using ClovaCodegen.SpecTool.Diffing;
using ClovaCodegen.SpecTool.Probing;

namespace ClovaCodegen.SpecTool.Writing;

/// <summary>
/// Applies a run's findings to the probed spec's own text: the same file with only the changed entries changed, each
/// carrying its evidence (the probe and the date) at the end of its note and <c>"source": "probe"</c>, and the run itself
/// described under <c>sources.probe</c>. A run that agrees with the spec writes it back unchanged.
/// </summary>
internal static class SpecPatcher
{
    public const string SourceKey = "probe";

    public static string Apply(string specText, ProbeRun run)
    {
        var root = JsonNode.Parse(specText) as JsonObject ?? throw new FormatException("The spec is not a JSON object.");
        var date = run.Started.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var changes = run.Changes.ToList();
        if (changes.Count == 0)
        {
            return SpecJsonWriter.Write(root);
        }

        var sources = root["sources"] as JsonObject;
        if (sources is not null)
        {
            sources[SourceKey] = $"clova-spec probe of {run.BaseUrl} on {date}; each change's evidence is in its note and in the probe report";
        }

        foreach (var finding in changes)
        {
            var edit = finding.Edit!;
            var endpoint = FindByKey(root["endpoints"] as JsonArray, "id", edit.EndpointId);
            if (endpoint is null)
            {
                continue;
            }

            var evidence = $"Probe {date}: {finding.Summary}.";
            switch (edit.Kind)
            {
                case SpecEditKind.AddModel:
                    var models = endpoint["models"] as JsonArray ?? (JsonArray)(endpoint["models"] = new JsonArray());
                    if (FindByKey(models, "name", edit.Name) is null)
                    {
                        var model = new JsonObject { ["name"] = edit.Name, ["verified"] = true, ["note"] = evidence };
                        if (sources is not null)
                        {
                            model["source"] = SourceKey;
                        }

                        models.Add(model);
                    }

                    continue;
                case SpecEditKind.RemoveModel:
                    Remove(endpoint["models"] as JsonArray, "name", edit.Name);
                    continue;
                case SpecEditKind.RemoveField:
                    Remove(endpoint["fields"] as JsonArray, "name", edit.Name);
                    if (root["bindings"] is JsonArray bindings)
                    {
                        foreach (var binding in bindings.OfType<JsonObject>().Where(b => Text(b["endpoint"]) == edit.EndpointId && Text(b["field"]) == edit.Name).ToList())
                        {
                            bindings.Remove(binding);
                        }
                    }

                    continue;
            }

            if (FindByKey(endpoint["fields"] as JsonArray, "name", edit.Name) is not { } field)
            {
                continue;
            }

            switch (edit.Kind)
            {
                case SpecEditKind.SetStatus:
                    field["status"] = SpecDiff.Status(edit.Status!.Value);
                    break;
                case SpecEditKind.MarkUncertain:
                    field["uncertain"] = true;
                    break;
                case SpecEditKind.SetBound:
                    field[edit.Bound!] = edit.Value!.DeepClone();
                    field.Remove(edit.Bound == "maximum" ? "exclusiveMaximum" : "exclusiveMinimum");
                    evidence += DropDefaultOutside(field, d => ProbeValues.AsNumber(d) is not { } n || (edit.Bound == "maximum" ? n <= ProbeValues.AsNumber(edit.Value)! : n >= ProbeValues.AsNumber(edit.Value)!));
                    break;
                case SpecEditKind.AllowValue:
                    var allowed = field["allowedValues"] as JsonArray ?? (JsonArray)(field["allowedValues"] = new JsonArray());
                    allowed.Add(edit.Value!.DeepClone());
                    break;
                case SpecEditKind.DisallowValue:
                    if (field["allowedValues"] is JsonArray list)
                    {
                        foreach (var item in list.Where(v => JsonNode.DeepEquals(v, edit.Value)).ToList())
                        {
                            list.Remove(item);
                        }

                        evidence += DropDefaultOutside(field, d => list.Any(v => JsonNode.DeepEquals(v, d)));
                    }

                    break;
            }

            field["note"] = Text(field["note"]) is { Length: > 0 } note ? note + " " + evidence : evidence;
            if (sources is not null)
            {
                field["source"] = SourceKey;
            }
        }

        return SpecJsonWriter.Write(root);
    }

    /// <summary>A default the new range or list excludes would be an error (CLOVA107): it goes, and the note says so.</summary>
    private static string DropDefaultOutside(JsonObject field, Func<JsonNode?, bool> stillAllowed)
    {
        if (field["default"] is { } value && !stillAllowed(value))
        {
            field.Remove("default");
            return $" The documented default {value.ToJsonString()} falls outside what the service accepts and was removed.";
        }

        return "";
    }

    private static JsonObject? FindByKey(JsonArray? array, string key, string value) =>
        array?.OfType<JsonObject>().FirstOrDefault(item => Text(item[key]) == value);

    private static void Remove(JsonArray? array, string key, string value)
    {
        if (FindByKey(array, key, value) is { } item)
        {
            array!.Remove(item);
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
