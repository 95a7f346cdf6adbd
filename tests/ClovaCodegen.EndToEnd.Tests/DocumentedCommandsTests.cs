using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace ClovaCodegen.EndToEnd.Tests;

/// <summary>
/// Every command README.md and docs/ tell the reader to run works as written on a fresh clone: each names only files of
/// the repository and no build output. The cheap ones are also run (the emulator here; QuickStart and samples/Mistakes in
/// their own tests); the README's local-feed steps run in LocalFeedTests, the Native AOT publish in .ci/stages/aot.sh.
/// </summary>
public class DocumentedCommandsTests
{
    private static readonly string Root = PackagedFeed.FindRoot();

    [Fact]
    public void Every_documented_command_names_only_what_a_fresh_clone_has()
    {
        var commands = DocumentedCommands.Read(Root);
        var packageIds = DocumentedCommands.PackageIds(Root);

        var problems = commands.SelectMany(c => DocumentedCommands.Problems(c, Root, packageIds).Select(p => $"{c}\n    {p}")).ToList();

        Assert.True(commands.Count >= 10, "Only these commands were found; the reader of the docs may be broken:\n" + string.Join("\n", commands));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_folder_the_documented_commands_write_is_ignored_by_git()
    {
        // Build outputs of the SDK and the tools the docs run, and each folder a command names with -o/--output.
        var written = new[] { "bin", "obj", "TestResults", "BenchmarkDotNet.Artifacts", "artifacts" }
            .Concat(DocumentedCommands.Read(Root)
                .Select(c => c.Words.ToList())
                .SelectMany(w => w.Select((word, i) => (word, i)).Where(x => x.word is "-o" or "--output" && x.i + 1 < w.Count).Select(x => w[x.i + 1]))
                .Select(path => path.Replace("./", "").Split('/')[0]))
            .Distinct()
            .ToList();
        var ignored = File.ReadAllLines(Path.Combine(Root, ".gitignore")).Select(l => l.Trim().TrimStart('/').TrimEnd('/')).ToHashSet();

        Assert.All(written, folder => Assert.True(ignored.Contains(folder), $"{folder}/ is written by a documented command but .gitignore does not ignore it"));
    }

    [Fact]
    public void The_readme_first_screen_has_exactly_two_set_up_commands()
    {
        var commands = DocumentedCommands.Read(Root).Where(c => c.Document == "README.md").ToList();
        var setUpLine = File.ReadAllLines(Path.Combine(Root, "README.md")).ToList().FindIndex(l => l.StartsWith("## Set up", StringComparison.Ordinal)) + 1;
        var nextHeading = File.ReadAllLines(Path.Combine(Root, "README.md")).Skip(setUpLine).ToList().FindIndex(l => l.StartsWith("## ", StringComparison.Ordinal)) + setUpLine + 1;

        var setUp = commands.Where(c => c.Line > setUpLine && c.Line < nextHeading).Select(c => c.Text).ToList();

        Assert.Equal(new[] { "dotnet run --project samples/QuickStart", "dotnet test ClovaCodegen.sln" }, setUp);
    }
}

/// <summary>Documented commands that build or run inside the repository, one at a time (they share its bin and obj folders).</summary>
[Collection(InRepositoryBuildsCollection.Name)]
public class DocumentedEmulatorCommandTests
{
    [Fact]
    public async Task The_documented_emulator_command_serves_requests()
    {
        var root = PackagedFeed.FindRoot();
        var command = DocumentedCommands.Read(root).First(c => c.Document == "docs/runtime.md" && c.Text.Contains("--project runtime/ClovaCodegen.Emulator", StringComparison.Ordinal));
        var port = FreePort();
        // The page's port may be taken on this machine: the command runs as written, on a free port.
        var arguments = Regex.Replace(string.Join(' ', command.Words.Skip(1)), @"127\.0\.0\.1:\d+", "127.0.0.1:" + port);
        Assert.StartsWith("dotnet", command.Text, StringComparison.Ordinal);

        var start = new ProcessStartInfo("dotnet", arguments) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment.Remove("CLOVA_STUDIO_API_KEY");
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = ProcessOutput.Capture(process);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(4)); // a first run builds the emulator
            HttpStatusCode? status = null;
            while (status is null && !process.HasExited && !deadline.IsCancellationRequested)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/v1/openai/models");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "nv-docs-0000000000000000fake");
                    using var response = await http.SendAsync(request, deadline.Token);
                    status = response.StatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !deadline.IsCancellationRequested))
                {
                    await Task.Delay(500, deadline.Token);
                }
            }

            Assert.True(status == HttpStatusCode.OK, $"`{command.Text}` ({command.Document}:{command.Line}) did not serve GET models (status {status?.ToString() ?? "none"}):\n{CommandResult.Tail(output.ToString())}");
        }
        finally
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// Builds inside the repository, one at a time (they share the repository's bin and obj folders), after the feed is packed
/// from those folders.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InRepositoryBuildsCollection : ICollectionFixture<PackagedFeed>
{
    public const string Name = "in-repository builds";
}
