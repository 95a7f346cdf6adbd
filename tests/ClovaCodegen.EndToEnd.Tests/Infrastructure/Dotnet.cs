using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace ClovaCodegen.EndToEnd.Tests.Infrastructure;

/// <summary>The result of one dotnet CLI run.</summary>
public sealed record CommandResult(int ExitCode, string Output)
{
    private static readonly Regex DiagnosticLine = new(
        @"^(?<file>[^\s(][^(]*)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error|info) (?<id>[A-Z]+\d+): (?<message>.*?)( \[[^\]]*\])?$",
        RegexOptions.Multiline);

    /// <summary>Compiler diagnostics in the output, de-duplicated (MSBuild repeats them in its summary).</summary>
    public IReadOnlyList<BuildDiagnostic> Diagnostics
    {
        get
        {
            var seen = new HashSet<BuildDiagnostic>();
            var result = new List<BuildDiagnostic>();
            foreach (Match match in DiagnosticLine.Matches(Output.Replace("\r", "")))
            {
                var diagnostic = new BuildDiagnostic(
                    Path.GetFileName(match.Groups["file"].Value.Trim()),
                    int.Parse(match.Groups["line"].Value),
                    match.Groups["severity"].Value,
                    match.Groups["id"].Value,
                    match.Groups["message"].Value);
                if (seen.Add(diagnostic))
                {
                    result.Add(diagnostic);
                }
            }

            return result;
        }
    }

    public CommandResult EnsureSuccess(string what)
    {
        if (ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"{what} failed with exit code {ExitCode}:\n{Tail(Output)}");
        }

        return this;
    }

    public static string Tail(string text, int max = 12000) => text.Length <= max ? text : "...\n" + text.Substring(text.Length - max);
}

/// <summary>A diagnostic as `dotnet build` prints it.</summary>
public sealed record BuildDiagnostic(string File, int Line, string Severity, string Id, string Message);

/// <summary>Runs the dotnet CLI with a clean environment for consumer builds.</summary>
public static class Dotnet
{
    public static async Task<CommandResult> RunAsync(string arguments, string workingDirectory, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Consumer builds must not inherit the test host's MSBuild state or a real API key.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH", "VSTEST_HOST_DEBUG", "CLOVA_STUDIO_API_KEY" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        if (environment is not null)
        {
            foreach (var pair in environment)
            {
                start.Environment[pair.Key] = pair.Value;
            }
        }

        using var process = new Process { StartInfo = start };
        process.Start();
        var output = ProcessOutput.Capture(process);

        var limit = timeout ?? TimeSpan.FromMinutes(8);
        var exited = await Task.Run(() => process.WaitForExit((int)limit.TotalMilliseconds));
        if (!exited)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new TimeoutException($"dotnet {arguments} did not finish within {limit} in {workingDirectory}:\n{CommandResult.Tail(output.ToString())}");
        }

        process.WaitForExit();
        return new CommandResult(process.ExitCode, output.ToString());
    }
}
