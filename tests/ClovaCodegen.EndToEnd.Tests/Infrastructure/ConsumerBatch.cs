using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace ClovaCodegen.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The consumers whose tests only build them (and look at the result) are built together, in one <c>dotnet build</c> of a
/// solution that lists them all: one CLI and MSBuild start, one restore and parallel compiles instead of one of each per
/// consumer, which halves what each costs (measured on the 2-core machine: four consumers 45 CPU-s apart, 22 together).
/// Each test still gets the build of its own consumer, with only that project's output and its own success or failure.
/// A consumer whose test must run a tool before it can write the project (SpecToolTests) builds on its own.
/// </summary>
public static class ConsumerBatch
{
    /// <summary>Every batched consumer by name (the name is its folder and project file name): its files, given the repository root.</summary>
    public static IReadOnlyDictionary<string, Func<string, Dictionary<string, string>>> Consumers { get; } = new Dictionary<string, Func<string, Dictionary<string, string>>>
    {
        ["default-spec"] = ConsumerConfigurationTests.DefaultSpecConsumer,
        ["user-spec"] = ConsumerConfigurationTests.UserSpecConsumer,
        ["broken-spec"] = _ => ConsumerConfigurationTests.BrokenSpecConsumer(),
        ["severity-none"] = _ => ConsumerConfigurationTests.SeverityConsumer("none"),
        ["severity-error"] = _ => ConsumerConfigurationTests.SeverityConsumer("error"),
        ["warnaserror"] = _ => ConsumerConfigurationTests.WarningsAsErrorsConsumer(),
        ["clean-net472"] = _ => TargetFrameworkConsumerTests.CleanConsumer("net472"),
        ["clean-netstandard2.0"] = _ => TargetFrameworkConsumerTests.CleanConsumer("netstandard2.0"),
        ["clean-net8.0"] = _ => TargetFrameworkConsumerTests.CleanConsumer("net8.0"),
        ["mistakes"] = MistakesConsumerTests.Consumer,
        ["sk-mistakes"] = SemanticKernelConsumerTests.MistakesConsumer,
        ["sk-sample"] = SemanticKernelConsumerTests.SampleConsumer,
        ["app"] = _ => PackagedAppRunsTests.Consumer(),
    };

    /// <summary>The build of one batched consumer: its folder, and the batch's output lines that are about its project.</summary>
    public static async Task<(Consumer Consumer, CommandResult Build)> BuildAsync(PackagedFeed feed, string name)
    {
        if (!Consumers.ContainsKey(name))
        {
            throw new ArgumentException($"'{name}' is not a batched consumer (ConsumerBatch.Consumers)", nameof(name));
        }

        var batch = await feed.BatchBuild;
        var directory = Path.Combine(batch.Directory, name);
        var project = Path.Combine(directory, name + ".csproj");
        var lines = batch.Build.Output.Replace("\r", "").Split('\n')
            .Where(line => line.EndsWith($"[{project}]", StringComparison.Ordinal) || line.TrimStart().StartsWith(name + " -> ", StringComparison.Ordinal))
            .ToList();
        // A built project prints "name -> its assembly", a failed one its errors (MSBuild marks each with its project). No
        // line at all means the output was not read right or the batch failed before the project (a crash): a test must not
        // pass on an empty output.
        if (lines.Count == 0)
        {
            throw new Xunit.Sdk.XunitException($"the batch build printed nothing about {project} (exit code {batch.Build.ExitCode}):\n{CommandResult.Tail(batch.Build.Output)}");
        }

        var failed = lines.Any(line => line.Contains(": error ", StringComparison.Ordinal));
        var output = new StringBuilder().AppendLine($"(the {name} project's lines of one `dotnet build` of {batch.Directory}/Consumers.slnx)");
        lines.ForEach(line => output.AppendLine(line));
        return (new Consumer(directory), new CommandResult(failed ? 1 : 0, output.ToString()));
    }

    /// <summary>Writes every batched consumer and builds them all at once (see <see cref="PackagedFeed.BatchBuild"/>).</summary>
    internal static async Task<(string Directory, CommandResult Build)> WriteAndBuildAllAsync(PackagedFeed feed)
    {
        await feed.InitializeAsync(); // the feed is packed
        var directory = feed.WriteConsumerFolder("batch", new Dictionary<string, string>());
        var solution = new StringBuilder("<Solution>\n");
        foreach (var (name, files) in Consumers)
        {
            foreach (var file in files(feed.RepositoryRoot))
            {
                // Project names must differ within a solution: each consumer's project is named after it.
                var path = Path.Combine(directory, name, file.Key == "Consumer.csproj" ? name + ".csproj" : file.Key);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Value.Replace("$(ClovaVersion)", feed.Version));
            }

            solution.Append($"  <Project Path=\"{name}/{name}.csproj\" />\n");
        }

        File.WriteAllText(Path.Combine(directory, "Consumers.slnx"), solution.Append("</Solution>\n").ToString());
        var build = await Dotnet.RunAsync("build Consumers.slnx -nologo -clp:NoSummary", directory, timeout: TimeSpan.FromMinutes(15));
        return (directory, build);
    }
}
