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

/// <summary>Everything a run did and learnt.</summary>
public sealed record ProbeRun(
    Uri BaseUrl,
    DateTimeOffset Started,
    int Planned,
    int MaxRequests,
    IReadOnlyList<ProbeResult> Results,
    IReadOnlyList<ProbeFinding> Findings,
    string? StopReason,
    int BillableRequests,
    int SentRequests,
    int RateLimitedAnswers,
    TimeSpan WaitedForRateLimits)
{
    /// <summary>The findings that change the spec.</summary>
    public IEnumerable<ProbeFinding> Changes => Findings.Where(f => f.Edit is not null);
}

/// <summary>
/// A probe run: models first (which model the field probes use depends on which are served), then every field probe,
/// then the follow-ups the answers call for, each only while the budget lasts. Then the findings: per field, per model,
/// what the answers show against what the spec says.
/// </summary>
public static partial class ProbeSession
{
    /// <summary>The requests a run plans before any answer (follow-ups come on top, from what remains of the budget).</summary>
    public static IReadOnlyList<Probe> Plan(CompatSpec spec, ProbeScope scope)
    {
        var planner = new ProbePlanner(spec, scope);
        var probes = planner.PlanModels();
        foreach (var endpoint in planner.ProbedEndpoints)
        {
            if ((endpoint.DefaultModel?.Name ?? endpoint.Models.FirstOrDefault()?.Name) is { } model)
            {
                probes.AddRange(planner.PlanFields(endpoint, model));
            }
        }

        return probes;
    }

    public static async Task<ProbeRun> RunAsync(CompatSpec spec, Uri baseUrl, string apiKey, ProbeScope scope, ProbeLimits limits, HttpMessageHandler handler, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var planned = Plan(spec, scope).Count;
        if (planned > limits.MaxRequests)
        {
            throw new ProbeBudgetException(planned, limits.MaxRequests);
        }

        using var runner = new ProbeRunner(handler, baseUrl, apiKey, spec.RequestIdHeader, limits);
        var planner = new ProbePlanner(spec, scope);
        var results = new List<ProbeResult>();
        var findings = new List<ProbeFinding>();

        var modelResults = await runner.RunAsync(planner.PlanModels(), cancellationToken).ConfigureAwait(false);
        results.AddRange(modelResults);

        var fieldProbes = new List<Probe>();
        var probeModels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var endpoint in planner.ProbedEndpoints)
        {
            var served = modelResults.Where(r => r.Probe.Purpose == ProbePurpose.Model && r.Probe.EndpointId == endpoint.Id).ToList();
            var model = scope.SkipModels
                ? endpoint.DefaultModel?.Name ?? endpoint.Models.FirstOrDefault()?.Name
                : new[] { endpoint.DefaultModel?.Name }.Concat(endpoint.Models.Select(m => m.Name))
                    .FirstOrDefault(name => name is not null && served.Any(r => r.Probe.Model == name && r.Verdict == ProbeVerdict.Accepted));
            if (model is null)
            {
                if (endpoint.Fields.Any(f => !f.Required && scope.Includes(f)))
                {
                    findings.Add(new ProbeFinding(endpoint.Id, "fields", "no model of the endpoint answered, so its fields were not probed", served, null));
                }

                continue;
            }

            probeModels[endpoint.Id] = model;
            fieldProbes.AddRange(planner.PlanFields(endpoint, model));
        }

        var fieldResults = runner.Stopped ? fieldProbes.Select(p => ProbeResult.NotSent(p, "the run stopped: " + runner.StopReason)).ToList()
            : await runner.RunAsync(fieldProbes, cancellationToken).ConfigureAwait(false);
        results.AddRange(fieldResults);

        if (!runner.Stopped)
        {
            var followUps = new FollowUps(planner, runner, results, cancellationToken);
            findings.AddRange(await ModelFindingsAsync(spec, planner, scope, modelResults, followUps).ConfigureAwait(false));
            foreach (var endpoint in planner.ProbedEndpoints.Where(e => probeModels.ContainsKey(e.Id)))
            {
                var tasks = endpoint.Fields.Where(f => !f.Required && scope.Includes(f))
                    .Select(f => FieldFindingsAsync(endpoint, f, probeModels[endpoint.Id], fieldResults.Where(r => r.Probe.EndpointId == endpoint.Id && r.Probe.Field == f.Name).ToList(), followUps));
                foreach (var fieldFindings in await Task.WhenAll(tasks).ConfigureAwait(false))
                {
                    findings.AddRange(fieldFindings);
                }
            }
        }

        return new ProbeRun(baseUrl, started, planned, limits.MaxRequests, results.OrderBy(r => r.Probe.Id.Length).ThenBy(r => r.Probe.Id, StringComparer.Ordinal).ToList(), findings, runner.StopReason,
            runner.BillableRequests, runner.SentRequests, runner.RateLimitedAnswers, runner.WaitedForRateLimits);
    }

    private static async Task<List<ProbeFinding>> ModelFindingsAsync(CompatSpec spec, ProbePlanner planner, ProbeScope scope, List<ProbeResult> modelResults, FollowUps followUps)
    {
        var findings = new List<ProbeFinding>();
        foreach (var result in modelResults.Where(r => r.Probe.Purpose == ProbePurpose.Model))
        {
            if (result.Verdict == ProbeVerdict.Rejected && IsAboutTheModel(result))
            {
                findings.Add(new ProbeFinding(result.Probe.EndpointId, "model " + result.Probe.Model, $"{result.Probe.Model} is not served on {result.Probe.EndpointId}: {Describe(result)}",
                    new[] { result }, new SpecEdit(SpecEditKind.RemoveModel, result.Probe.EndpointId, result.Probe.Model!)));
            }
            else if (result.Verdict == ProbeVerdict.Rejected)
            {
                // E.g. a reasoning model that needs more than max_tokens 1: served, but not to the smallest request.
                findings.Add(new ProbeFinding(result.Probe.EndpointId, "model " + result.Probe.Model, $"{result.Probe.Model} was {Describe(result)}, a refusal that does not name the model: kept, and not used for field probes",
                    new[] { result }, null));
            }
            else if (!result.IsConclusive)
            {
                findings.Add(new ProbeFinding(result.Probe.EndpointId, "model " + result.Probe.Model, $"whether {result.Probe.Model} is served cannot be told: {Describe(result)}", new[] { result }, null));
            }
        }

        var list = modelResults.FirstOrDefault(r => r.Probe.Purpose == ProbePurpose.ModelList);
        if (list is null || list.Verdict != ProbeVerdict.Accepted || list.Answer?["data"] is not JsonArray data)
        {
            return findings;
        }

        var known = new HashSet<string>(spec.Endpoints.SelectMany(e => e.Models).Select(m => m.Name), StringComparer.Ordinal);
        var listed = data.Select(item => item?["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String ? id.GetValue<string>() : null)
            .Where(id => id is not null && !known.Contains(id)).Distinct().ToList();
        foreach (var model in listed)
        {
            var tried = new List<ProbeResult> { list };
            var added = false;
            foreach (var endpoint in planner.ProbedEndpoints.Where(scope.Includes))
            {
                var result = await followUps.SendAsync(planner.ModelProbe(endpoint, model!, ProbePurpose.NewModel, $"is the listed model {model} served on {endpoint.Id}")).ConfigureAwait(false);
                tried.Add(result);
                if (result.Verdict == ProbeVerdict.Accepted)
                {
                    added = true;
                    findings.Add(new ProbeFinding(endpoint.Id, "model " + model, $"{model} is listed by GET models and served on {endpoint.Id}", tried.ToList(),
                        new SpecEdit(SpecEditKind.AddModel, endpoint.Id, model!)));
                }
            }

            if (!added)
            {
                findings.Add(new ProbeFinding("models", "model " + model, $"{model} is listed by GET models but no probed endpoint served it", tried, null));
            }
        }

        return findings;
    }

    /// <summary>Follow-up requests: sent one by one, from what remains of the budget, recorded with the run's results.</summary>
    private sealed class FollowUps
    {
        private readonly ProbeRunner _runner;
        private readonly List<ProbeResult> _results;
        private readonly CancellationToken _cancellationToken;

        public FollowUps(ProbePlanner planner, ProbeRunner runner, List<ProbeResult> results, CancellationToken cancellationToken)
        {
            Planner = planner;
            _runner = runner;
            _results = results;
            _cancellationToken = cancellationToken;
        }

        public ProbePlanner Planner { get; }

        public async Task<ProbeResult> SendAsync(Probe probe)
        {
            var result = (await _runner.RunAsync(new[] { probe }, _cancellationToken).ConfigureAwait(false))[0];
            lock (_results)
            {
                _results.Add(result);
            }

            return result;
        }
    }
}
