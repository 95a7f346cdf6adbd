using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using ClovaCodegen.EndToEnd.Tests.Infrastructure;
using ClovaCodegen.Spec;
using Xunit;

namespace ClovaCodegen.EndToEnd.Tests;

/// <summary>
/// The clova-spec tool, installed from the packed feed as a user would: it probes an emulator that serves a changed spec,
/// its new spec checks clean, and a consumer pointed at that spec (&lt;ClovaCompatSpec&gt;) gets the warnings it implies.
/// </summary>
public class SpecToolTests : IClassFixture<PackagedFeed>
{
    private const string FakeKey = "nv-e2e-spec-tool-not-a-real-key";

    private readonly PackagedFeed _feed;

    public SpecToolTests(PackagedFeed feed) => _feed = feed;

    [Fact]
    public async Task The_tool_installs_from_the_feed_and_the_build_follows_the_spec_it_probed()
    {
        var toolPath = await _feed.InstallToolAsync("ClovaCodegen.SpecTool");
        var work = Directory.CreateDirectory(Path.Combine(_feed.WorkDirectory, "spec-tool-run-" + Guid.NewGuid().ToString("N").Substring(0, 6))).FullName;

        // The service changed: seed is now refused.
        var changed = SpecReader.DefaultSpecText.Replace("{ \"name\": \"seed\", \"status\": \"supported\"", "{ \"name\": \"seed\", \"status\": \"unsupported\"", StringComparison.Ordinal);
        Assert.NotEqual(SpecReader.DefaultSpecText, changed);
        var options = new EmulatorOptions { Spec = SpecReader.Read(changed, "changed.json").Spec, UnverifiedRanges = UnverifiedRangePolicy.Reject };
        await using (var emulator = await ClovaStudioEmulator.StartAsync(options))
        {
            var probe = await RunToolAsync(toolPath, $"probe --base-url {emulator.BaseUrl} --report report.json --out probed.json", work);

            Assert.True(probe.ExitCode == 0, probe.Output);
            Assert.Matches(@"chat\.completions +field seed +status +supported +unsupported", probe.Output);
            Assert.Contains("1 difference.", probe.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeKey, probe.Output + File.ReadAllText(Path.Combine(work, "report.json")) + File.ReadAllText(Path.Combine(work, "probed.json")), StringComparison.Ordinal);
        }

        var check = await RunToolAsync(toolPath, "check probed.json", work);
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("probed.json: 0 errors, 0 warnings.", check.Output, StringComparison.Ordinal);

        const string program = """
            using OpenAI.Chat;

            var options = new ChatCompletionOptions { Seed = 1, MaxOutputTokenCount = 100 };
            System.Console.WriteLine(options.Seed);
            """;
        var build = await _feed.CreateConsumer("probed-spec", ConsumerTemplates.Files(
            ConsumerTemplates.Project("net10.0", extraItems: """<ClovaCompatSpec Include="probed.json" />"""), program, ("probed.json", File.ReadAllText(Path.Combine(work, "probed.json"))))).BuildAsync();

        // The default spec supports seed; the probed one does not, and the analyzer says so where Seed is set.
        Assert.Contains(build.Diagnostics, d => d.Id == "CLOVA001" && d.Line == 3 && d.Message.Contains("seed", StringComparison.Ordinal));
    }

    private static async Task<CommandResult> RunToolAsync(string toolPath, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(Path.Combine(toolPath, "clova-spec"), arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        start.Environment["DOTNET_ROOT"] = PackagedFeed.DotnetRoot;
        start.Environment["CLOVA_STUDIO_API_KEY"] = FakeKey;
        using var process = Process.Start(start)!;
        var output = ProcessOutput.Capture(process);
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"clova-spec {arguments} did not finish within 5 minutes:\n{output}");
        }

        process.WaitForExit();
        return new CommandResult(process.ExitCode, output.ToString());
    }
}
