using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.SpecTool.Probing;

/// <summary>What one field's answers say: accepted or refused as the spec expects, a bound held tighter, a value ignored.</summary>
public static partial class ProbeSession
{
    private static async Task<List<ProbeFinding>> FieldFindingsAsync(EndpointSpec endpoint, FieldSpec field, string model, List<ProbeResult> results, FollowUps followUps)
    {
        var findings = new List<ProbeFinding>();
        var subject = "field " + field.Name;
        ProbeFinding Finding(string summary, IEnumerable<ProbeResult> evidence, SpecEdit? edit) => new(endpoint.Id, subject, $"{field.Name}: {summary}", evidence.ToList(), edit);
        var sample = results.FirstOrDefault();
        if (sample is null)
        {
            return findings;
        }

        if (!sample.IsConclusive)
        {
            findings.Add(Finding($"cannot be told: {Describe(sample)}", new[] { sample }, null));
            return findings;
        }

        if (field.Status == FieldStatus.Unsupported)
        {
            if (sample.Verdict == ProbeVerdict.Accepted)
            {
                findings.Add(UnsupportedButAccepted(endpoint, field, sample, Finding));
            }

            return findings;
        }

        var allowedByValue = AllowedBySpec(field);
        var good = results.Where(r => r.IsConclusive && allowedByValue(r.Probe.Value!) == true).ToList();
        var wrongType = ProbeValues.WrongType(field) is { } wrong ? results.FirstOrDefault(r => r.Probe.Value!.ToJsonString() == wrong.ToJsonString()) : null;
        if (good.Count > 0 && good.All(r => r.Verdict == ProbeVerdict.Rejected))
        {
            var edit = field.Status == FieldStatus.ClovaOnly
                ? new SpecEdit(SpecEditKind.RemoveField, endpoint.Id, field.Name)
                : new SpecEdit(SpecEditKind.SetStatus, endpoint.Id, field.Name, Status: FieldStatus.Unsupported);
            findings.Add(Finding($"every value the spec allows ({string.Join(", ", good.Select(r => r.Probe.ValueText))}) was {Describe(good[0])}", good, edit));
            return findings;
        }

        if (wrongType is { Verdict: ProbeVerdict.Accepted })
        {
            var evidence = new[] { sample, wrongType };
            findings.Add(field.Status == FieldStatus.ClovaOnly
                ? Finding($"a value of the wrong type ({wrongType.Probe.ValueText}) was accepted: the service does not know this CLOVA-only field any more", evidence, new SpecEdit(SpecEditKind.RemoveField, endpoint.Id, field.Name))
                : Finding($"a value of the wrong type ({wrongType.Probe.ValueText}) was accepted: the service does not check this field, and may ignore it", evidence, new SpecEdit(SpecEditKind.MarkUncertain, endpoint.Id, field.Name)));
            return findings;
        }

        // The field is checked: its edges and values say where. Where the answer shows it, accepted may still be ignored.
        var uncertain = false;
        if (results.Where(r => r.Verdict == ProbeVerdict.Accepted).Select(r => (Result: r, Ignored: Ignored(field, r))).FirstOrDefault(x => x.Ignored is not null) is { Result: { } ignoredResult } ignored)
        {
            uncertain = !field.Uncertain;
            findings.Add(Finding($"accepted with {ignoredResult.Probe.ValueText} but ignored: {ignored.Ignored} ({ignoredResult.Citation})", new[] { ignoredResult },
                field.Uncertain ? null : new SpecEdit(SpecEditKind.MarkUncertain, endpoint.Id, field.Name)));
        }

        foreach (var (value, allowed, edge) in ProbeValues.Edges(field))
        {
            var json = ProbeValues.Number(value, ProbeValues.IsInteger(field)).ToJsonString();
            var result = results.FirstOrDefault(r => r.Probe.Value!.ToJsonString() == json);
            if (result is not { IsConclusive: true })
            {
                continue;
            }

            if (allowed && result.Verdict == ProbeVerdict.Rejected)
            {
                findings.Add(await NarrowedAsync(endpoint, field, model, edge, results, followUps, Finding).ConfigureAwait(false));
            }
            else if (!allowed && result.Verdict == ProbeVerdict.Accepted && !uncertain)
            {
                uncertain = true;
                findings.Add(Finding($"{result.Probe.ValueText}, outside the {edge} of {field.Range}, was accepted: the service's own bound is not known", new[] { result }, new SpecEdit(SpecEditKind.MarkUncertain, endpoint.Id, field.Name)));
            }
        }

        foreach (var (value, allowed) in ProbeValues.EnumValues(field))
        {
            var result = results.FirstOrDefault(r => r.Probe.Value!.ToJsonString() == value.ToJsonString());
            if (result is not { IsConclusive: true })
            {
                continue;
            }

            if (allowed && result.Verdict == ProbeVerdict.Rejected)
            {
                findings.Add(Finding($"the allowed value {result.Probe.ValueText} was {Describe(result)}", new[] { result }, new SpecEdit(SpecEditKind.DisallowValue, endpoint.Id, field.Name, value.DeepClone())));
            }
            else if (!allowed && result.Verdict == ProbeVerdict.Accepted)
            {
                var notAValue = value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == ProbeValues.NotAValue;
                findings.Add(notAValue
                    ? Finding($"{result.Probe.ValueText}, in no list, was accepted: the service does not check the allowed values", new[] { result }, uncertain ? null : new SpecEdit(SpecEditKind.MarkUncertain, endpoint.Id, field.Name))
                    : Finding($"{result.Probe.ValueText}, which the spec does not allow, was accepted{AnswerShape(field, result)}", new[] { result }, new SpecEdit(SpecEditKind.AllowValue, endpoint.Id, field.Name, value.DeepClone())));
                uncertain |= notAValue;
            }
        }

        return findings;
    }

    /// <summary>An unsupported field the service accepted: honoured, ignored, or (most often) not to be told from the answer.</summary>
    private static ProbeFinding UnsupportedButAccepted(EndpointSpec endpoint, FieldSpec field, ProbeResult sample, Func<string, IEnumerable<ProbeResult>, SpecEdit?, ProbeFinding> finding)
    {
        var choice = sample.Answer?["choices"] is JsonArray choices && choices.Count > 0 ? choices[0] : null;
        bool? honoured = field.Name switch
        {
            "n" => sample.Answer?["choices"] is JsonArray c ? c.Count >= 2 : null,
            "logprobs" or "top_logprobs" => choice is not null ? choice["logprobs"] is JsonObject : null,
            _ => null,
        };
        return honoured switch
        {
            true => finding($"accepted with {sample.Probe.ValueText} and honoured (the answer shows it)", new[] { sample }, new SpecEdit(SpecEditKind.SetStatus, endpoint.Id, field.Name, Status: FieldStatus.Supported)),
            false => finding($"accepted with {sample.Probe.ValueText} but ignored (the answer shows it), as unsupported allows", new[] { sample }, null),
            null => finding($"accepted with {sample.Probe.ValueText}; whether the service honours it cannot be told from the answer", new[] { sample }, field.Uncertain ? null : new SpecEdit(SpecEditKind.MarkUncertain, endpoint.Id, field.Name)),
        };
    }

    /// <summary>A bound the service holds tighter than the spec: found on a grid between the last accepted and first refused value.</summary>
    private static async Task<ProbeFinding> NarrowedAsync(EndpointSpec endpoint, FieldSpec field, string model, string edge, List<ProbeResult> results, FollowUps followUps, Func<string, IEnumerable<ProbeResult>, SpecEdit?, ProbeFinding> finding)
    {
        var integer = ProbeValues.IsInteger(field);
        var numbers = results.Where(r => r.IsConclusive && ProbeValues.AsNumber(r.Probe.Value) is { } n && field.Allows((double)n))
            .Select(r => (Value: ProbeValues.AsNumber(r.Probe.Value)!.Value, r.Verdict)).ToList();
        var accepted = numbers.Where(n => n.Verdict == ProbeVerdict.Accepted).Select(n => n.Value).ToList();
        var evidence = results.Where(r => r.IsConclusive && r.Probe.Value is JsonValue v && v.GetValueKind() == JsonValueKind.Number).ToList();
        if (accepted.Count == 0)
        {
            return finding($"the {edge} of {field.Range} was refused and no value was accepted to search from", evidence, new SpecEdit(SpecEditKind.MarkUncertain, endpoint.Id, field.Name));
        }

        var upper = edge == "maximum";
        var good = upper ? accepted.Max() : accepted.Min();
        var refused = numbers.Where(n => n.Verdict == ProbeVerdict.Rejected && (upper ? n.Value > good : n.Value < good)).Select(n => n.Value).ToList();
        if (refused.Count == 0)
        {
            return finding($"the {edge} of {field.Range} was refused, yet values beyond it were accepted", evidence, new SpecEdit(SpecEditKind.MarkUncertain, endpoint.Id, field.Name));
        }

        var bad = upper ? refused.Min() : refused.Max();
        var width = Math.Abs(bad - good);
        var grid = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)width)) - 1);
        if (integer)
        {
            grid = Math.Max(1m, decimal.Round(grid));
        }

        // good is accepted, bad refused; halve the grid interval between them until they are neighbours.
        var steps = (long)Math.Ceiling(width / grid);
        long low = 0, high = steps;
        var complete = true;
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            var value = upper ? good + middle * grid : good - middle * grid;
            var result = await followUps.SendAsync(followUps.Planner.FieldProbe(endpoint, model, field, ProbeValues.Number(value, integer), ProbePurpose.RangeSearch, $"where the {edge} lies: {value.ToString(CultureInfo.InvariantCulture)}?")).ConfigureAwait(false);
            evidence.Add(result);
            if (!result.IsConclusive)
            {
                complete = false;
                break;
            }

            if (result.Verdict == ProbeVerdict.Accepted)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        var bound = upper ? good + low * grid : good - low * grid;
        var boundJson = ProbeValues.Number(bound, integer);
        var precision = complete ? $"searched in steps of {grid.ToString("G29", CultureInfo.InvariantCulture)}" : "the search stopped early (budget or no answer), so this is the last value seen accepted";
        return finding($"the {edge} of {field.Range} was refused; the service accepts {(upper ? "up to" : "down to")} {boundJson.ToJsonString()} ({precision})", evidence,
            new SpecEdit(SpecEditKind.SetBound, endpoint.Id, field.Name, boundJson, upper ? "maximum" : "minimum"));
    }

    /// <summary>
    /// What in an accepted answer shows the field was ignored, or null when nothing does (or nothing can): an embedding of
    /// another size than <c>dimensions</c> asked for, a plain JSON answer to <c>stream: true</c>.
    /// </summary>
    private static string? Ignored(FieldSpec field, ProbeResult result)
    {
        switch (field.Name)
        {
            case "dimensions" when (ProbeValues.AsNumber(result.Probe.Value) is { } asked
                && result.Answer?["data"] is JsonArray { Count: > 0 } data && data[0]?["embedding"] is JsonArray embedding && embedding.Count != asked):
                return $"the answer has {embedding.Count} dimensions";
            case "stream" when result.Probe.Value is JsonValue v && v.GetValueKind() == JsonValueKind.True && result.Answer is JsonObject:
                return "the answer is one JSON object, not a stream of events";
            default:
                return null;
        }
    }

    /// <summary>A refusal about the model (404, or a code, param or message that names the model), not about the request.</summary>
    private static bool IsAboutTheModel(ProbeResult result) =>
        result.Status == 404
        || string.Equals(result.ErrorParam, "model", StringComparison.Ordinal)
        || (result.ErrorCode?.Contains("model", StringComparison.OrdinalIgnoreCase) ?? false)
        || (result.ErrorMessage?.Contains("model", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>For encoding_format-like fields: what the accepted answer looked like, as evidence.</summary>
    private static string AnswerShape(FieldSpec field, ProbeResult result) =>
        field.Name == "encoding_format" && result.Answer?["data"] is JsonArray { Count: > 0 } data && data[0]?["embedding"] is { } embedding
            ? embedding is JsonArray ? " (the answer still carried float arrays)" : " (the answer carried encoded strings)"
            : "";

    /// <summary>Whether the spec allows a probe value: null when the value is not about the spec's range or list (e.g. the wrong type).</summary>
    private static Func<JsonNode, bool?> AllowedBySpec(FieldSpec field) => value =>
    {
        if (value is JsonValue v)
        {
            switch (v.GetValueKind())
            {
                case JsonValueKind.Number when (field.Type & (JsonFieldType.Number | JsonFieldType.Integer)) != 0:
                    return field.Allows((double)ProbeValues.AsNumber(v)!.Value);
                case JsonValueKind.String when (field.Type & JsonFieldType.String) != 0:
                    return field.Allows(SpecLiteral.FromString(v.GetValue<string>()));
                case JsonValueKind.True or JsonValueKind.False when (field.Type & JsonFieldType.Boolean) != 0:
                    return true;
                default:
                    return null;
            }
        }

        return value is JsonArray ? (field.Type & JsonFieldType.Array) != 0 ? true : null
            : (field.Type & JsonFieldType.Object) != 0 ? true : null;
    };

    internal static string Describe(ProbeResult result)
    {
        var answer = result.Status is { } status ? status.ToString(CultureInfo.InvariantCulture) + (result.ErrorCode is null ? "" : " " + result.ErrorCode) : null;
        var message = result.ErrorMessage is null ? "" : $" \"{result.ErrorMessage}\"";
        return result.Verdict switch
        {
            ProbeVerdict.Accepted => $"accepted ({result.Citation})",
            ProbeVerdict.NotSent => "not sent: " + result.ErrorMessage,
            ProbeVerdict.NoAnswer => $"{result.ErrorMessage} ({result.Citation})",
            ProbeVerdict.Rejected => $"refused with {answer}{message} ({result.Citation})",
            ProbeVerdict.RateLimited => $"still rate-limited after every retry ({result.Citation})",
            _ => $"answered {answer}{message} ({result.Citation})",
        };
    }
}
