using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.SpecTool.Probing;

/// <summary>Which part of the spec a run probes (<c>--endpoint</c>, <c>--field</c>, <c>--skip-models</c>).</summary>
public sealed record ProbeScope(IReadOnlyCollection<string> Endpoints, IReadOnlyCollection<string> Fields, bool SkipModels)
{
    public static ProbeScope Everything { get; } = new(Array.Empty<string>(), Array.Empty<string>(), false);

    public bool Includes(EndpointSpec endpoint) => Endpoints.Count == 0 || Endpoints.Contains(endpoint.Id);

    public bool Includes(FieldSpec field) => Fields.Count == 0 || Fields.Contains(field.Name);
}

/// <summary>
/// The requests a run sends, before any answer: the model list, each model on its endpoint, then per field of each endpoint
/// one request that adds the field with a good value to the endpoint's smallest request (<c>max_tokens: 1</c>, a one-letter
/// embedding input). Fields the spec accepts also get a value of the wrong type, each range edge from inside and outside,
/// each allowed value and OpenAI's values the list lacks. Follow-ups (a changed range edge, a new model) come later and
/// only from what remains of the budget.
/// </summary>
internal sealed class ProbePlanner
{
    public const string ChatMessage = "hi";
    public const string EmbeddingInput = "a";

    /// <summary>Fields whose value is the most output tokens the request may cost.</summary>
    private static readonly string[] TokenLimits = { "max_tokens", "max_completion_tokens" };

    private readonly CompatSpec _spec;
    private readonly ProbeScope _scope;
    private int _next;

    public ProbePlanner(CompatSpec spec, ProbeScope scope)
    {
        _spec = spec;
        _scope = scope;
    }

    public IEnumerable<EndpointSpec> ProbedEndpoints => _spec.Endpoints.Where(e => _scope.Includes(e) && SmallestBody(e, "x") is not null);

    public List<Probe> PlanModels()
    {
        var probes = new List<Probe>();
        if (_scope.SkipModels)
        {
            return probes;
        }

        if (_spec.FindEndpoint(EndpointSpec.ModelList) is { } list)
        {
            probes.Add(new Probe(NextId(), ProbePurpose.ModelList, list.Id, list.Method, list.Path, null, null, null, null, "which models the service lists"));
        }

        foreach (var endpoint in ProbedEndpoints)
        {
            foreach (var model in endpoint.Models)
            {
                probes.Add(ModelProbe(endpoint, model.Name, ProbePurpose.Model, $"is {model.Name} served on {endpoint.Id}"));
            }
        }

        return probes;
    }

    public Probe ModelProbe(EndpointSpec endpoint, string model, ProbePurpose purpose, string reason) =>
        new(NextId(), purpose, endpoint.Id, endpoint.Method, endpoint.Path, model, null, null, SmallestBody(endpoint, model), reason);

    /// <summary>The field probes of one endpoint, all with <paramref name="model"/>.</summary>
    public List<Probe> PlanFields(EndpointSpec endpoint, string model)
    {
        var probes = new List<Probe>();
        var modelSpec = endpoint.FindModel(model);
        foreach (var field in endpoint.Fields.Where(f => !f.Required && _scope.Includes(f)))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            void Add(JsonNode value, string reason)
            {
                if (seen.Add(value.ToJsonString()))
                {
                    probes.Add(FieldProbe(endpoint, model, field, value, ProbePurpose.FieldValue, reason));
                }
            }

            Add(ProbeValues.Sample(field, modelSpec), field.IsAccepted || field.Status == FieldStatus.Undocumented ? "a good value: accepted?" : "a good value: refused, or ignored?");
            if (field.Status == FieldStatus.Unsupported)
            {
                continue; // refused or ignored, as the spec says, or not: one request tells
            }

            if (ProbeValues.WrongType(field) is { } wrong)
            {
                Add(wrong, "a value of the wrong type: does the service check this field at all?");
            }

            foreach (var (value, allowed, edge) in ProbeValues.Edges(field))
            {
                if (edge == "maximum" && TokenLimits.Contains(field.Name))
                {
                    continue; // accepted, it could cost that many output tokens: the one edge a probe does not try
                }

                Add(ProbeValues.Number(value, ProbeValues.IsInteger(field)), $"{(allowed ? "inside" : "outside")} the {edge} of {field.Range}");
            }

            foreach (var (value, allowed) in ProbeValues.EnumValues(field))
            {
                Add(value, allowed ? "an allowed value" : "a value the spec does not allow");
            }
        }

        return probes;
    }

    public Probe FieldProbe(EndpointSpec endpoint, string model, FieldSpec field, JsonNode value, ProbePurpose purpose, string reason)
    {
        var body = SmallestBody(endpoint, model)!;
        switch (field.Name)
        {
            case "max_completion_tokens":
                body.Remove("max_tokens"); // one limit at a time: the probed one
                break;
            case "tool_choice" or "parallel_tool_calls":
                body["tools"] = ProbeValues.SampleTools(); // OpenAI refuses these without tools
                break;
            case "stream_options":
                body["stream"] = true; // OpenAI refuses stream_options without stream
                break;
        }

        body[field.Name] = value.DeepClone();
        return new Probe(NextId(), purpose, endpoint.Id, endpoint.Method, endpoint.Path, model, field.Name, value.DeepClone(), body, reason);
    }

    /// <summary>The smallest request of an endpoint that answers: one short message and one token, or a one-letter input.</summary>
    public static JsonObject? SmallestBody(EndpointSpec endpoint, string model) => endpoint.Id switch
    {
        EndpointSpec.ChatCompletions => new JsonObject
        {
            ["model"] = model,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = ChatMessage }),
            ["max_tokens"] = 1,
        },
        EndpointSpec.Embeddings => new JsonObject { ["model"] = model, ["input"] = EmbeddingInput },
        _ => null,
    };

    // Follow-ups of different fields are planned concurrently.
    private string NextId() => "P" + System.Threading.Interlocked.Increment(ref _next).ToString("D3", CultureInfo.InvariantCulture);
}
