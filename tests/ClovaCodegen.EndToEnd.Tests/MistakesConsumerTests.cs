using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace ClovaCodegen.EndToEnd.Tests;

/// <summary>
/// samples/Mistakes/Program.cs makes each rule's mistake and marks its line with "expect: CLOVA0NN". Built from the packed
/// package by a fresh consumer, every rule must appear exactly on its marked lines, and nowhere else (see
/// <see cref="MarkedDiagnostics"/>).
/// </summary>
public class MistakesConsumerTests : IClassFixture<PackagedFeed>
{
    private readonly PackagedFeed _feed;

    public MistakesConsumerTests(PackagedFeed feed) => _feed = feed;

    /// <summary>samples/Mistakes as a package consumer (built with the others of ConsumerBatch).</summary>
    internal static Dictionary<string, string> Consumer(string repositoryRoot) => ConsumerTemplates.Files(
        ConsumerTemplates.Project("net10.0"),
        File.ReadAllText(Path.Combine(repositoryRoot, "samples", "Mistakes", "Program.cs")),
        (".editorconfig", File.ReadAllText(Path.Combine(repositoryRoot, "samples", "Mistakes", ".editorconfig"))));

    [Fact]
    public async Task Package_consumer_sees_each_rule_on_its_marked_line()
    {
        var source = Consumer(_feed.RepositoryRoot)["Program.cs"];

        var (_, build) = await ConsumerBatch.BuildAsync(_feed, "mistakes");

        build.EnsureSuccess("building the Mistakes consumer");
        MarkedDiagnostics.AssertReportedAsMarked(source, build);
        Assert.Equal(Enumerable.Range(1, 11).Select(n => $"CLOVA{n:000}"), MarkedDiagnostics.Expected(source).Select(e => e.Id).Distinct().OrderBy(id => id));
    }
}

/// <summary>The README's "see the analyzers at work" step, in the repository itself.</summary>
[Collection(InRepositoryBuildsCollection.Name)]
public class MistakesSampleTests
{
    [Fact]
    public async Task Building_samples_Mistakes_in_the_repository_lists_every_rule_every_time()
    {
        // The README's step, taken after anything else built the sample (dotnet test, an earlier build): an incremental
        // build that skips the compiler would print no rule at all.
        for (var build = 1; build <= 2; build++)
        {
            var result = await Dotnet.RunAsync("build samples/Mistakes -nologo", PackagedFeed.FindRoot());

            result.EnsureSuccess("dotnet build samples/Mistakes");
            var ids = result.Diagnostics.Where(d => d.Severity == "warning" || d.Severity == "info").Select(d => d.Id).ToHashSet();
            foreach (var rule in Enumerable.Range(1, 11).Select(n => $"CLOVA{n:000}"))
            {
                Assert.True(ids.Contains(rule), $"{rule} missing from build {build} of `dotnet build samples/Mistakes`:\n{CommandResult.Tail(result.Output, 6000)}");
            }
        }
    }
}
