using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace ClovaCodegen.EndToEnd.Tests;

/// <summary>
/// The fixes from the command line, as a user runs them: the SDK's own <c>dotnet format</c> over a package consumer that
/// holds samples/Mistakes/Program.cs (with ClovaCodegen.OpenAI, so CLOVA002's fix applies too). One run must fix every
/// rule, give exactly Expected/Mistakes.fixed.cs.txt, and build; a second run must find nothing to change.
/// Set CLOVA_UPDATE_EXPECTED=1 to rewrite the expected file from the run, then review its diff.
/// </summary>
[Collection(PackagedFeedCollection.Name)]
public class DotnetFormatTests
{
    private readonly PackagedFeed _feed;

    public DotnetFormatTests(PackagedFeed feed) => _feed = feed;

    [Fact]
    public async Task One_dotnet_format_run_fixes_samples_Mistakes_as_expected_the_result_builds_and_a_second_run_changes_nothing()
    {
        var samples = Path.Combine(_feed.RepositoryRoot, "samples", "Mistakes");
        var project = ConsumerTemplates.Project("net10.0", extraItems: $"""<PackageReference Include="ClovaCodegen.OpenAI" Version="$(ClovaVersion)" />""");
        var consumer = _feed.CreateConsumer("format", ConsumerTemplates.Files(project, File.ReadAllText(Path.Combine(samples, "Program.cs")), (".editorconfig", File.ReadAllText(Path.Combine(samples, ".editorconfig")))));

        var format = await Dotnet.RunAsync("format analyzers --severity info -v n", consumer.Directory);

        format.EnsureSuccess("dotnet format analyzers");
        Assert.False(format.Output.Contains("Unable to fix", StringComparison.Ordinal), format.Output);
        var actual = File.ReadAllText(Path.Combine(consumer.Directory, "Program.cs")).Replace("\r\n", "\n");
        var expectedPath = Path.Combine(_feed.RepositoryRoot, "tests", "ClovaCodegen.EndToEnd.Tests", "Expected", "Mistakes.fixed.cs.txt");
        if (Environment.GetEnvironmentVariable("CLOVA_UPDATE_EXPECTED") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        Assert.Equal(File.ReadAllText(expectedPath).Replace("\r\n", "\n"), actual);

        var build = await consumer.BuildAsync();
        build.EnsureSuccess("building the fixed consumer");
        Assert.Empty(build.Diagnostics.Where(d => d.Id.StartsWith("CLOVA", StringComparison.Ordinal)).Select(d => $"{d.Line}: {d.Id} {d.Message}"));

        var again = await Dotnet.RunAsync("format analyzers --severity info --verify-no-changes -v n", consumer.Directory);
        Assert.True(again.ExitCode == 0, $"a second run would change the fixed code:\n{CommandResult.Tail(again.Output)}");
    }
}
