using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Spec;
using ClovaCodegen.Spec.Diagnostics;
using ClovaCodegen.Spec.Model;
using ClovaCodegen.SpecTool.Checking;
using ClovaCodegen.SpecTool.Diffing;
using ClovaCodegen.SpecTool.Probing;
using ClovaCodegen.SpecTool.Writing;

namespace ClovaCodegen.SpecTool;

/// <summary>
/// <c>clova-spec probe | diff A B | check FILE</c>. Exit codes: 0 done (check: no errors; diff: the specs agree),
/// 1 check found errors or diff found differences, 2 bad usage or a refusal before anything was sent, 3 a probe run
/// stopped early (the key was refused, or the service asked for too long a wait).
/// </summary>
public static class SpecToolCommandLine
{
    public const int Success = 0;
    public const int Found = 1;
    public const int UsageError = 2;
    public const int Stopped = 3;

    /// <summary>The word that names the spec this tool carries (the one the ClovaCodegen package embeds).</summary>
    public const string DefaultSpecName = "default";

    public const string Usage = """
        clova-spec: keep a CLOVA Studio field-compatibility spec true.

          clova-spec probe [options]     ask the live service what it accepts; write a report and a new spec
          clova-spec diff A B            what two specs disagree on (A, B: files, or 'default' for the built-in spec)
          clova-spec check FILE...       validate spec files: the build's CLOVA1xx messages, then the JSON Schema

        probe options:
          --spec FILE            the spec to check against (default: the built-in spec)
          --base-url URL         public, gov, or a base URL such as https://host/v1/openai/ (default: public);
                                 http:// only on loopback (the local emulator)
          --max-requests N       the most requests the service may bill (default 160); a larger plan is refused
          --concurrency N        requests in flight at once (default 4)
          --timeout SECONDS      per request (default 30)
          --endpoint ID          probe only this endpoint (chat.completions, embeddings); repeatable
          --field NAME           probe only this field; repeatable
          --skip-models          do not probe models
          --dry-run              print the plan and its cost; send nothing (no key needed)
          --report FILE          the JSON report (default clova-spec-report.json)
          --out FILE             the new spec (default <spec name>.probed.json); may be the probed spec itself
          --markdown             print the differences as a Markdown table (for a pull request)
        The API key is read from CLOVA_STUDIO_API_KEY, and written nowhere.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<string, string?> environment, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return args.Length == 0 ? UsageError : Success;
        }

        try
        {
            return args[0] switch
            {
                "check" => Check(args.Skip(1).ToList(), output, error),
                "diff" => Diff(args.Skip(1).ToList(), output, error),
                "probe" => await ProbeAsync(args.Skip(1).ToList(), output, error, environment, handler, cancellationToken).ConfigureAwait(false),
                _ => Fail(error, $"Unknown command '{args[0]}'. Commands: probe, diff, check (clova-spec --help)."),
            };
        }
        catch (UsageException ex)
        {
            return Fail(error, ex.Message);
        }
    }

    private static int Check(List<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count == 0)
        {
            return Fail(error, "clova-spec check FILE...: name at least one spec file.");
        }

        var errors = 0;
        foreach (var path in args)
        {
            var result = SpecCheck.CheckFile(path);
            foreach (var diagnostic in result.Diagnostics)
            {
                (diagnostic.Severity == SpecSeverity.Error ? error : output).WriteLine(diagnostic.ToString());
            }

            errors += result.ErrorCount;
            output.WriteLine($"{result.Path}: {Count(result.ErrorCount, "error")}, {Count(result.WarningCount, "warning")}.");
        }

        return errors > 0 ? Found : Success;
    }

    private static int Diff(List<string> args, TextWriter output, TextWriter error)
    {
        var markdown = args.Remove("--markdown");
        if (args.Count != 2)
        {
            return Fail(error, "clova-spec diff A B: name two spec files ('default' for the built-in spec).");
        }

        var left = Load(args[0], error);
        var right = Load(args[1], error);
        if (left is null || right is null)
        {
            return UsageError;
        }

        var differences = SpecDiff.Compare(left.Value.Spec, right.Value.Spec);
        output.Write(SpecDiff.FormatTable(differences, args[0], args[1], markdown));
        return differences.Count == 0 ? Success : Found;
    }

    private static async Task<int> ProbeAsync(List<string> args, TextWriter output, TextWriter error, Func<string, string?> environment, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        var options = new Options(args);
        var specArg = options.Value("--spec") ?? DefaultSpecName;
        var baseArg = options.Value("--base-url") ?? "public";
        var limits = new ProbeLimits
        {
            MaxRequests = options.Integer("--max-requests", ProbeLimits.DefaultMaxRequests, 1),
            Concurrency = options.Integer("--concurrency", 4, 1),
            Timeout = TimeSpan.FromSeconds(options.Integer("--timeout", 30, 1)),
        };
        var scope = new ProbeScope(options.Values("--endpoint"), options.Values("--field"), options.Flag("--skip-models"));
        var dryRun = options.Flag("--dry-run");
        var markdown = options.Flag("--markdown");
        var reportPath = options.Value("--report") ?? "clova-spec-report.json";
        var outPath = options.Value("--out");
        options.EnsureAllRead();

        var loaded = Load(specArg, error);
        if (loaded is null)
        {
            return UsageError;
        }

        var (spec, specText) = loaded.Value;
        foreach (var id in scope.Endpoints.Where(id => spec.FindEndpoint(id) is null))
        {
            return Fail(error, $"--endpoint {id}: the spec has no such endpoint ({string.Join(", ", spec.Endpoints.Select(e => e.Id))}).");
        }

        var baseUrl = ResolveBaseUrl(baseArg, spec);
        var plan = ProbeSession.Plan(spec, scope);
        if (dryRun)
        {
            WritePlan(output, plan, baseUrl, limits);
            return plan.Count > limits.MaxRequests ? UsageError : Success;
        }

        var keyVariable = spec.ApiKey?.EnvironmentVariable ?? "CLOVA_STUDIO_API_KEY";
        var apiKey = environment(keyVariable);
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            return Fail(error, $"Set {keyVariable} to a CLOVA Studio API key: probe sends real requests (--dry-run shows them without a key).");
        }

        if (spec.ApiKey?.Prefix is { Length: > 0 } prefix && !apiKey.StartsWith(prefix, StringComparison.Ordinal))
        {
            error.WriteLine($"warning: {keyVariable} does not start with '{prefix}', as CLOVA Studio keys do; the service will likely refuse it.");
        }

        output.WriteLine($"Probing {baseUrl} with {plan.Count} planned requests (at most {limits.MaxRequests}, {limits.Concurrency} at a time)...");
        ProbeRun run;
        var ownHandler = handler is null ? new SocketsHttpHandler { AllowAutoRedirect = false } : null;
        try
        {
            run = await ProbeSession.RunAsync(spec, baseUrl, apiKey, scope, limits, handler ?? ownHandler!, cancellationToken).ConfigureAwait(false);
        }
        catch (ProbeBudgetException ex)
        {
            return Fail(error, ex.Message);
        }
        finally
        {
            ownHandler?.Dispose();
        }

        File.WriteAllText(reportPath, ProbeReport.Write(run, keyVariable, DateTimeOffset.UtcNow));
        output.WriteLine($"Sent {run.SentRequests} requests: {run.BillableRequests} billable (budget {limits.MaxRequests}), {run.RateLimitedAnswers} answered 429 and sent again after Retry-After ({run.WaitedForRateLimits.TotalSeconds:0.0} s waited).");
        output.WriteLine($"Report: {Path.GetFullPath(reportPath)}");
        if (run.StopReason is not null || cancellationToken.IsCancellationRequested)
        {
            error.WriteLine($"Stopped: {run.StopReason ?? "cancelled"}. No new spec was written: an incomplete run would read as differences.");
            return Stopped;
        }

        foreach (var finding in run.Findings.Where(f => f.Edit is null))
        {
            output.WriteLine($"note: {finding.EndpointId} {finding.Summary}");
        }

        var newText = SpecPatcher.Apply(specText, run);
        outPath ??= (specArg == DefaultSpecName ? Path.GetFileNameWithoutExtension(SpecReader.DefaultSpecFileName) : Path.GetFileNameWithoutExtension(specArg)) + ".probed.json";
        File.WriteAllText(outPath, newText);
        var newSpec = SpecReader.Read(newText, Path.GetFullPath(outPath));
        if (newSpec.Spec is null)
        {
            // A bug of this tool, not of the service: say so with the reader's own messages.
            foreach (var diagnostic in newSpec.Diagnostics)
            {
                error.WriteLine(diagnostic.ToString());
            }

            return Fail(error, $"The new spec {outPath} does not read back; please report this with the report file.");
        }

        output.Write(SpecDiff.FormatTable(SpecDiff.Compare(spec, newSpec.Spec), specArg, outPath, markdown));
        output.WriteLine($"New spec: {Path.GetFullPath(outPath)}");
        return Success;
    }

    private static void WritePlan(TextWriter output, IReadOnlyList<Probe> plan, Uri baseUrl, ProbeLimits limits)
    {
        foreach (var probe in plan)
        {
            var what = probe.Field is not null ? $"{probe.Field} = {probe.ValueText}" : probe.Model ?? "";
            output.WriteLine($"{probe.Id}  {probe.Method} {probe.Path}  {what}  ({probe.Reason})");
        }

        var chat = plan.Count(p => p.EndpointId == EndpointSpec.ChatCompletions);
        var embeddings = plan.Count(p => p.EndpointId == EndpointSpec.Embeddings);
        var outputTokens = plan.Where(p => p.EndpointId == EndpointSpec.ChatCompletions).Sum(p => p.Field == "n" && ProbeValues.AsNumber(p.Value) is { } n ? (int)n : 1);
        output.WriteLine();
        output.WriteLine($"{plan.Count} requests planned against {baseUrl}: {chat} chat (max_tokens 1, one message \"{ProbePlanner.ChatMessage}\"), {embeddings} embeddings (input \"{ProbePlanner.EmbeddingInput}\"), {plan.Count - chat - embeddings} model list.");
        output.WriteLine($"Cost at most: {outputTokens} output tokens and about {chat * 10 + embeddings} input tokens (about 10 a chat request with its template, 1 an embedding), if every request is accepted (a refused request produces no output tokens).");
        output.WriteLine($"Follow-ups (locating a changed range edge, placing a new model) come on top, only from what remains of --max-requests {limits.MaxRequests} ({Math.Max(0, limits.MaxRequests - plan.Count)} here).");
        if (plan.Count > limits.MaxRequests)
        {
            output.WriteLine($"The plan exceeds --max-requests {limits.MaxRequests}: a run would send nothing. Raise it or probe less (--endpoint, --field, --skip-models).");
        }
    }

    /// <summary>public, gov (the spec's base URLs) or an absolute URL: https, or http only on loopback.</summary>
    internal static Uri ResolveBaseUrl(string value, CompatSpec spec)
    {
        if (spec.BaseUrls.FirstOrDefault(b => string.Equals(b.Cloud, value, StringComparison.OrdinalIgnoreCase)) is { } known)
        {
            return new Uri(known.Url);
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new UsageException($"--base-url '{value}' is neither {string.Join(" nor ", spec.BaseUrls.Select(b => b.Cloud))} nor an absolute http(s) URL.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            throw new UsageException($"--base-url '{value}': http:// would send the API key in clear text; it is allowed only on loopback (127.0.0.1, ::1, localhost). Use https://.");
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>A spec by path, or the built-in one; null (diagnostics written) when it does not read.</summary>
    private static (CompatSpec Spec, string Text)? Load(string nameOrPath, TextWriter error)
    {
        if (nameOrPath == DefaultSpecName && !File.Exists(nameOrPath))
        {
            return (SpecReader.ReadDefault().Spec!, SpecReader.DefaultSpecText);
        }

        var check = SpecCheck.CheckFile(nameOrPath);
        foreach (var diagnostic in check.Read.Diagnostics)
        {
            error.WriteLine(diagnostic.ToString());
        }

        if (check.Read.Spec is null)
        {
            error.WriteLine($"{check.Path}: the spec does not read ({Count(check.ErrorCount, "error")}).");
            return null;
        }

        return (check.Read.Spec, File.ReadAllText(check.Path));
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine("clova-spec: " + message);
        return UsageError;
    }

    private static string Count(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");

    /// <summary>Options of the form <c>--name value</c> and <c>--flag</c>; anything left unread is an error.</summary>
    private sealed class Options
    {
        private readonly List<string> _args;

        public Options(List<string> args) => _args = args;

        public bool Flag(string name) => _args.Remove(name);

        public string? Value(string name) => Values(name).LastOrDefault();

        public List<string> Values(string name)
        {
            var values = new List<string>();
            int index;
            while ((index = _args.IndexOf(name)) >= 0)
            {
                if (index + 1 >= _args.Count || _args[index + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"{name} needs a value.");
                }

                values.Add(_args[index + 1]);
                _args.RemoveRange(index, 2);
            }

            return values;
        }

        public int Integer(string name, int fallback, int minimum)
        {
            var text = Value(name);
            if (text is null)
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
                ? value
                : throw new UsageException($"{name} '{text}' must be a whole number of at least {minimum}.");
        }

        public void EnsureAllRead()
        {
            if (_args.Count > 0)
            {
                throw new UsageException($"Unknown argument '{_args[0]}' (clova-spec --help).");
            }
        }
    }
}

/// <summary>Bad command-line input: the message says what and how to fix it.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
