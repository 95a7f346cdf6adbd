using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using ClovaCodegen.Spec;
using ClovaCodegen.Spec.Diagnostics;
using ClovaCodegen.SpecTool.Diffing;
using ClovaCodegen.SpecTool.Probing;
using Xunit;

namespace ClovaCodegen.SpecTool.Tests;

/// <summary>
/// clova-spec probe against the emulator serving a spec with planted differences, as if the service had changed: the
/// default spec is probed, and the new spec must differ from it by exactly what was planted.
/// </summary>
public class ProbeTests
{
    /// <summary>The planted differences, as clova-spec diff reports them (default spec on the left).</summary>
    public static readonly SpecDifference[] Planted =
    {
        new("chat.completions", "model " + PlantedSpecs.RemovedModel, "presence", "present", "absent"),
        new("chat.completions", "model " + PlantedSpecs.AddedModel, "presence", "absent", "present"),
        new("chat.completions", "field seed", "status", "supported", "unsupported"),
        new("chat.completions", "field top_k", "range", "[0, 128]", "[0, 100]"),
        new("chat.completions", "field repeat_penalty", "presence", "present", "absent"),
        new("embeddings", "field encoding_format", "allowed values", "\"float\"", "\"float\", \"base64\""),
    };

    /// <summary>
    /// The emulator as a strict service: it enforces the ranges the spec marks uncertain too (dimensions' minimum), as a
    /// service that checks them would, so that the emulator's leniency does not read as a difference.
    /// </summary>
    private static EmulatorOptions Strict(string specText) => new() { Spec = PlantedSpecs.Read(specText), UnverifiedRanges = UnverifiedRangePolicy.Reject };

    [Fact]
    public async Task The_probe_finds_every_planted_difference_and_no_other_within_its_budget()
    {
        await using var emulator = await ClovaStudioEmulator.StartAsync(Strict(PlantedSpecs.ChangedText()));

        var run = await ToolRun.RunAsync(ToolRun.WithKey(), "probe", "--base-url", emulator.BaseUrl.ToString(), "--report", "./report.json", "--out", "./probed.json");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var probed = SpecReader.Read(run.Read("probed.json"), "probed.json");
        Assert.DoesNotContain(probed.Diagnostics, d => d.Severity == SpecSeverity.Error);
        var found = SpecDiff.Compare(SpecReader.ReadDefault().Spec!, probed.Spec!);
        Assert.Equal(Planted.OrderBy(d => d.ToString(), StringComparer.Ordinal), found.OrderBy(d => d.ToString(), StringComparer.Ordinal));

        using var report = JsonDocument.Parse(run.Read("report.json"));
        var requests = report.RootElement.GetProperty("requests");
        Assert.True(requests.GetProperty("billable").GetInt32() <= ProbeLimits.DefaultMaxRequests);
        Assert.Equal(emulator.Requests.Count, requests.GetProperty("sent").GetInt32());
        Assert.Equal(ProbeSession.Plan(SpecReader.ReadDefault().Spec!, ProbeScope.Everything).Count, requests.GetProperty("planned").GetInt32());
        Assert.True(requests.GetProperty("followUps").GetInt32() > 0, "top_k's new maximum and the new model need follow-ups");
        Assert.Contains(PlantedSpecs.RemovedModel, run.Output, StringComparison.Ordinal); // the table is printed
    }

    [Fact]
    public async Task Each_change_carries_its_evidence_and_the_date_in_its_note()
    {
        await using var emulator = await ClovaStudioEmulator.StartAsync(Strict(PlantedSpecs.ChangedText()));

        var run = await ToolRun.RunAsync(ToolRun.WithKey(), "probe", "--base-url", emulator.BaseUrl.ToString(), "--report", "./report.json", "--out", "./probed.json");

        var spec = SpecReader.Read(run.Read("probed.json"), "probed.json").Spec!;
        var date = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var seed = spec.FindEndpoint("chat.completions")!.FindField("seed")!;
        Assert.Equal("probe", seed.Source);
        Assert.Matches($"^Probe {date}: seed: every value the spec allows \\(1\\) was refused with 400 unsupported_field \"Unsupported field: seed\" \\(P\\d{{3}}, request id emu-\\d+\\)\\.$", seed.Note);
        var topK = spec.FindEndpoint("chat.completions")!.FindField("top_k")!;
        Assert.Contains($"Probe {date}: top_k: the maximum of [0, 128] was refused; the service accepts up to 100", topK.Note, StringComparison.Ordinal);
        Assert.Contains("the answer still carried float arrays", spec.FindEndpoint("embeddings")!.FindField("encoding_format")!.Note, StringComparison.Ordinal);
        Assert.StartsWith("Probe " + date, spec.FindEndpoint("chat.completions")!.FindModel(PlantedSpecs.AddedModel)!.Note, StringComparison.Ordinal);
        Assert.Contains(spec.Sources, s => s.Key == "probe" && s.Description.Contains(emulator.BaseUrl.ToString(), StringComparison.Ordinal));
        // The binding-free removal leaves every binding resolvable; the reader would report CLOVA112 otherwise.
        Assert.DoesNotContain(spec.Bindings, b => b.Field == "repeat_penalty");
    }

    [Fact]
    public async Task Probing_a_user_spec_in_place_changes_only_the_lines_of_the_differences()
    {
        var folder = Directory.CreateTempSubdirectory("clova-spec-probe").FullName;
        var mine = Path.Combine(folder, "my-clova-spec.json");
        File.WriteAllText(mine, PlantedSpecs.DefaultText);
        await using var emulator = await ClovaStudioEmulator.StartAsync(Strict(PlantedSpecs.ChangedText()));

        var run = await ToolRun.RunAsync(ToolRun.WithKey(), "probe", "--spec", mine, "--out", mine, "--base-url", emulator.BaseUrl.ToString(), "--report", "./report.json");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var before = PlantedSpecs.DefaultText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var after = File.ReadAllText(mine).Split('\n');
        var added = after.Except(before).ToList();
        var removed = before.Except(after).ToList();

        // The sources entry before "probe" gains a comma; one model line replaced; seed, top_k and encoding_format changed;
        // repeat_penalty's line gone.
        Assert.Equal(new[] { "nativeV3FunctionCalling", "probe", PlantedSpecs.AddedModel, "seed", "top_k", "encoding_format" }, added.Select(FirstName));
        Assert.Equal(new[] { "nativeV3FunctionCalling", PlantedSpecs.RemovedModel, "seed", "top_k", "repeat_penalty", "encoding_format" }, removed.Select(FirstName));
    }

    /// <summary>The first key of a sources line, or the name of a model or field line.</summary>
    private static string FirstName(string line)
    {
        var match = System.Text.RegularExpressions.Regex.Match(line, "\"name\": \"([^\"]+)\"|^\\s*\"([^\"]+)\":");
        return match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
    }

    [Fact]
    public async Task A_service_that_agrees_with_the_spec_gets_it_back_unchanged()
    {
        await using var emulator = await ClovaStudioEmulator.StartAsync(Strict(PlantedSpecs.DefaultText));

        var run = await ToolRun.RunAsync(ToolRun.WithKey(), "probe", "--base-url", emulator.BaseUrl.ToString(), "--report", "./report.json", "--out", "./probed.json");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal(PlantedSpecs.DefaultText.Replace("\r\n", "\n", StringComparison.Ordinal), run.Read("probed.json"));
        Assert.Contains("The specs agree", run.Output, StringComparison.Ordinal);

        // The emulator answers every embedding with the model's 1024 dimensions: dimensions=1 is accepted but ignored. The
        // spec already marks dimensions uncertain, so the finding is a note, not a change.
        Assert.Contains("note: embeddings dimensions: accepted with 1 but ignored: the answer has 1024 dimensions (P", run.Output, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(run.Read("report.json"));
        Assert.Contains(report.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("subject").GetString() == "field dimensions"
            && f.GetProperty("change").ValueKind == JsonValueKind.Null && f.GetProperty("summary").GetString()!.Contains("ignored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_field_the_answer_shows_ignored_is_marked_uncertain()
    {
        var certain = PlantedSpecs.DefaultText.Replace("\"type\": \"integer\", \"minimum\": 1, \"uncertain\": true,", "\"type\": \"integer\", \"minimum\": 1,", StringComparison.Ordinal);
        Assert.NotEqual(PlantedSpecs.DefaultText, certain);
        var folder = Directory.CreateTempSubdirectory("clova-spec-probe").FullName;
        File.WriteAllText(Path.Combine(folder, "certain.json"), certain);
        await using var emulator = await ClovaStudioEmulator.StartAsync(Strict(certain));

        var run = await ToolRun.RunAsync(ToolRun.WithKey(), "probe", "--spec", Path.Combine(folder, "certain.json"), "--base-url", emulator.BaseUrl.ToString(), "--endpoint", "embeddings", "--field", "dimensions", "--report", "./report.json", "--out", "./probed.json");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var found = SpecDiff.Compare(PlantedSpecs.Read(certain), SpecReader.Read(run.Read("probed.json"), "probed.json").Spec!);
        Assert.Equal(new[] { new SpecDifference("embeddings", "field dimensions", "uncertain", "false", "true") }, found);
    }

    [Fact]
    public async Task A_429_storm_slows_the_probe_down_but_it_neither_fails_nor_overspends()
    {
        var options = Strict(PlantedSpecs.ChangedText());
        options.Faults.Add(new FaultRule(FaultKind.Status, 0.2, 429));
        options.FaultSeed = 18;
        options.RetryAfterSeconds = 1;
        await using var emulator = await ClovaStudioEmulator.StartAsync(options);
        var budget = ProbeSession.Plan(SpecReader.ReadDefault().Spec!, ProbeScope.Everything).Count + 20;

        var run = await ToolRun.RunAsync(ToolRun.WithKey(), "probe", "--base-url", emulator.BaseUrl.ToString(), "--max-requests", budget.ToString(System.Globalization.CultureInfo.InvariantCulture), "--report", "./report.json", "--out", "./probed.json");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        using var report = JsonDocument.Parse(run.Read("report.json"));
        var requests = report.RootElement.GetProperty("requests");
        var rateLimited = requests.GetProperty("rateLimitedAnswers").GetInt32();
        var recorded = emulator.Requests;
        Assert.True(rateLimited > 0, "the storm should have hit");
        Assert.Equal(recorded.Count(r => r.StatusCode == 429), rateLimited);
        Assert.Equal(recorded.Count(r => r.StatusCode != 429), requests.GetProperty("billable").GetInt32());
        Assert.True(requests.GetProperty("billable").GetInt32() <= budget);
        Assert.True(requests.GetProperty("waitedForRetryAfterSeconds").GetDouble() >= 1, "Retry-After: 1 was not waited out");
        Assert.DoesNotContain(report.RootElement.GetProperty("probes").EnumerateArray(), p => p.GetProperty("verdict").GetString() is "RateLimited" or "NotSent");
        var found = SpecDiff.Compare(SpecReader.ReadDefault().Spec!, SpecReader.Read(run.Read("probed.json"), "probed.json").Spec!);
        Assert.Equal(Planted.OrderBy(d => d.ToString(), StringComparer.Ordinal), found.OrderBy(d => d.ToString(), StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_plan_larger_than_the_budget_sends_nothing()
    {
        await using var emulator = await ClovaStudioEmulator.StartAsync(Strict(PlantedSpecs.DefaultText));

        var run = await ToolRun.RunAsync(ToolRun.WithKey(), "probe", "--base-url", emulator.BaseUrl.ToString(), "--max-requests", "10", "--report", "./report.json");

        Assert.Equal(SpecToolCommandLine.UsageError, run.ExitCode);
        Assert.Contains("--max-requests is 10: nothing was sent", run.Error, StringComparison.Ordinal);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task Follow_ups_stop_at_the_budget()
    {
        await using var emulator = await ClovaStudioEmulator.StartAsync(Strict(PlantedSpecs.ChangedText()));
        var planned = ProbeSession.Plan(SpecReader.ReadDefault().Spec!, ProbeScope.Everything).Count;

        var run = await ToolRun.RunAsync(ToolRun.WithKey(), "probe", "--base-url", emulator.BaseUrl.ToString(), "--max-requests", planned.ToString(System.Globalization.CultureInfo.InvariantCulture), "--report", "./report.json", "--out", "./probed.json");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal(planned, emulator.Requests.Count);
        using var report = JsonDocument.Parse(run.Read("report.json"));
        Assert.Contains(report.RootElement.GetProperty("probes").EnumerateArray(), p => p.GetProperty("verdict").GetString() == "NotSent"
            && p.GetProperty("errorMessage").GetString()!.Contains("budget", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_key_stops_the_run_at_once_and_writes_no_spec()
    {
        var options = Strict(PlantedSpecs.DefaultText);
        options.AcceptedApiKeys = new[] { "nv-test-another-fake-key" };
        await using var emulator = await ClovaStudioEmulator.StartAsync(options);

        var run = await ToolRun.RunAsync(ToolRun.WithKey(), "probe", "--base-url", emulator.BaseUrl.ToString(), "--concurrency", "2", "--report", "./report.json", "--out", "./probed.json");

        Assert.Equal(SpecToolCommandLine.Stopped, run.ExitCode);
        Assert.InRange(emulator.Requests.Count, 1, 2); // what was in flight when the first 401 came back
        Assert.Contains("key (CLOVA_STUDIO_API_KEY) was refused", run.Error, StringComparison.Ordinal);
        Assert.False(run.Exists("probed.json"));
        using var report = JsonDocument.Parse(run.Read("report.json"));
        Assert.Contains("401", report.RootElement.GetProperty("stopReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_is_sent_only_in_the_authorization_header_and_written_nowhere()
    {
        var options = Strict(PlantedSpecs.ChangedText());
        options.ApiKeyPrefix = "nv-";
        await using var emulator = await ClovaStudioEmulator.StartAsync(options);

        var run = await ToolRun.RunAsync(ToolRun.WithKey(), "probe", "--base-url", emulator.BaseUrl.ToString(), "--report", "./report.json", "--out", "./probed.json");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.DoesNotContain(ToolRun.FakeKey, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(ToolRun.FakeKey, run.Error, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(run.Directory))
        {
            Assert.DoesNotContain(ToolRun.FakeKey, File.ReadAllText(file), StringComparison.Ordinal);
        }

        Assert.All(emulator.Requests, r => Assert.DoesNotContain(ToolRun.FakeKey, r.Body, StringComparison.Ordinal));
        Assert.Contains("\"Authorization\": \"Bearer <CLOVA_STUDIO_API_KEY>\"", run.Read("report.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_probe_asks_for_one_token_or_embeds_one_letter()
    {
        await using var emulator = await ClovaStudioEmulator.StartAsync(Strict(PlantedSpecs.ChangedText()));

        var run = await ToolRun.RunAsync(ToolRun.WithKey(), "probe", "--base-url", emulator.BaseUrl.ToString(), "--report", "./report.json", "--out", "./probed.json");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        foreach (var request in emulator.Requests.Where(r => r.Method == "POST"))
        {
            using var body = JsonDocument.Parse(request.Body);
            var root = body.RootElement;
            if (request.Path.EndsWith("embeddings", StringComparison.Ordinal))
            {
                Assert.Equal("a", root.GetProperty("input").GetString());
                continue;
            }

            Assert.Equal("hi", root.GetProperty("messages")[0].GetProperty("content").GetString());
            var limit = root.TryGetProperty("max_tokens", out var maxTokens) ? maxTokens : root.GetProperty("max_completion_tokens");
            Assert.True(limit.ValueKind != JsonValueKind.Number || limit.GetDouble() <= 1, request.Body);
        }
    }

    [Theory]
    [InlineData("http://example.com/v1/openai/")]
    [InlineData("http://10.1.2.3:8080/v1/openai/")]
    public async Task Plain_http_off_loopback_is_refused_before_anything_is_sent(string baseUrl)
    {
        var run = await ToolRun.RunAsync(ToolRun.WithKey(), "probe", "--base-url", baseUrl);

        Assert.Equal(SpecToolCommandLine.UsageError, run.ExitCode);
        Assert.Contains("http:// would send the API key in clear text", run.Error, StringComparison.Ordinal);
        Assert.False(run.Exists("clova-spec-report.json"));
    }

    [Fact]
    public async Task Without_a_key_the_probe_says_which_variable_to_set()
    {
        var run = await ToolRun.RunAsync(new Dictionary<string, string>(), "probe", "--base-url", "http://127.0.0.1:9/v1/openai/");

        Assert.Equal(SpecToolCommandLine.UsageError, run.ExitCode);
        Assert.Contains("Set CLOVA_STUDIO_API_KEY", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_prints_the_plan_and_its_cost_without_a_key()
    {
        var plan = ProbeSession.Plan(SpecReader.ReadDefault().Spec!, ProbeScope.Everything);

        var run = await ToolRun.RunAsync(new Dictionary<string, string>(), "probe", "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{plan.Count} requests planned against https://clovastudio.stream.ntruss.com/v1/openai/", run.Output, StringComparison.Ordinal);
        Assert.Contains("output tokens", run.Output, StringComparison.Ordinal);
        Assert.Equal(plan.Count, run.Output.Split('\n').Count(l => l.StartsWith('P')));
        Assert.True(plan.Count <= ProbeLimits.DefaultMaxRequests, "the default budget must hold the default plan");
    }

    [Fact]
    public async Task The_scope_options_narrow_the_plan()
    {
        var run = await ToolRun.RunAsync(null, "probe", "--dry-run", "--base-url", "gov", "--endpoint", "embeddings", "--field", "encoding_format", "--skip-models");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n').Where(l => l.StartsWith('P')).ToList();
        Assert.Equal(4, lines.Count); // float, the wrong type, base64, a value of no list
        Assert.All(lines, l => Assert.Contains("encoding_format", l, StringComparison.Ordinal));
        Assert.Contains("https://clovastudio.stream.gov-ntruss.com/v1/openai/", run.Output, StringComparison.Ordinal);
    }
}
