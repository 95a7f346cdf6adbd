using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ClovaCodegen.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace ClovaCodegen.EndToEnd.Tests;

/// <summary>
/// The README's "Try the packages before they are published" section, step by step: its pack commands make the feed these
/// tests use, and a new app that follows its nuget.config line and `dotnet add package --source` command builds.
/// </summary>
public class LocalFeedTests : IClassFixture<PackagedFeed>
{
    private const string Section = "### Try the packages before they are published";

    private readonly PackagedFeed _feed;

    public LocalFeedTests(PackagedFeed feed) => _feed = feed;

    [Fact]
    public void The_readme_packs_every_package_these_tests_use_into_an_ignored_folder()
    {
        var pack = Assert.Single(SectionCommands(), c => c.Words.Count > 1 && c.Words[1] == "pack");
        var words = pack.Words.ToList();

        // The same solution filter PackagedFeed packs (in this build's configuration, without building) for these tests;
        // .ci/stages/release-pack.sh runs the command as written, in Release.
        Assert.Equal(PackagedFeed.PackagesFilter, words[2]);
        Assert.Equal("Release", words[words.IndexOf("-c") + 1]);
        Assert.Equal("artifacts/feed", words[words.IndexOf("-o") + 1]);
        // Every package packaging/ describes is in the filter.
        Assert.Equal(Directory.GetFiles(Path.Combine(_feed.RepositoryRoot, "packaging"), "*.Package.targets").Length, PackagedFeed.PackedProjects.Length);
    }

    [Fact]
    public async Task A_new_app_adds_the_package_from_the_local_feed_as_the_readme_says()
    {
        var readme = File.ReadAllText(Path.Combine(_feed.RepositoryRoot, "README.md")).Replace("\r", "");
        var section = readme.Substring(readme.IndexOf(Section, StringComparison.Ordinal));
        var sourceLine = Regex.Match(section, @"<add key=""[^""]+"" value=""([^""]+)"" />");
        Assert.True(sourceLine.Success, "The section shows no nuget.config <add key=... value=... /> line");
        var add = SectionCommands().Single(c => c.Text.StartsWith("dotnet add package", StringComparison.Ordinal));
        var documentedFeed = sourceLine.Groups[1].Value;
        Assert.Equal(documentedFeed, add.Words[add.Words.ToList().IndexOf("--source") + 1]);

        var app = Path.Combine(_feed.WorkDirectory, "readme-app");
        Directory.CreateDirectory(app);
        // Empty Directory.Build.* files stop MSBuild from walking up into unrelated folders (as for every consumer here).
        File.WriteAllText(Path.Combine(app, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(app, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(app, "Directory.Packages.props"), "<Project />");
        (await Dotnet.RunAsync("new console --name ReadmeApp --output .", app)).EnsureSuccess("dotnet new console");
        (await Dotnet.RunAsync("new nugetconfig", app)).EnsureSuccess("dotnet new nugetconfig");
        var config = Path.Combine(app, "nuget.config");
        // At the end of <packageSources>, as the README says: the template's <clear /> would drop a source above it.
        File.WriteAllText(config, File.ReadAllText(config).Replace("</packageSources>", "  " + sourceLine.Value.Replace(documentedFeed, _feed.FeedDirectory) + "\n  </packageSources>", StringComparison.Ordinal));

        // The command as written, with this run's feed for the documented path; the feed's version is unique to the run
        // (see PackagedFeed) and a prerelease, so it is named.
        var arguments = string.Join(' ', add.Words.Skip(1).Select(w => w == documentedFeed ? $"\"{_feed.FeedDirectory}\"" : w)) + " --version " + _feed.Version;
        (await Dotnet.RunAsync(arguments, app)).EnsureSuccess(add.Text);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            var request = ClovaCodegen.Requests.ChatCompletionRequest.Create("HCX-005").User("hello").MaxTokens(64).Build();
            System.Console.WriteLine(request.Model);
            """);

        var build = await Dotnet.RunAsync("build -nologo", app);

        build.EnsureSuccess("building the app that follows the README");
        Assert.Contains($"<PackageReference Include=\"ClovaCodegen\" Version=\"{_feed.Version}\" />", File.ReadAllText(Path.Combine(app, "ReadmeApp.csproj")), StringComparison.Ordinal);
    }

    private System.Collections.Generic.List<DocumentedCommand> SectionCommands()
    {
        var lines = File.ReadAllLines(Path.Combine(_feed.RepositoryRoot, "README.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith(Section, StringComparison.Ordinal)) + 1;
        Assert.True(start > 0, "README.md has no section " + Section);
        var end = Array.FindIndex(lines, start, l => Regex.IsMatch(l, "^#{1,6} ")) is var next and >= 0 ? next + 1 : lines.Length + 1;
        return DocumentedCommands.Read(_feed.RepositoryRoot).Where(c => c.Document == "README.md" && c.Line > start && c.Line < end).ToList();
    }
}
