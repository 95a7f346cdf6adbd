using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace ClovaCodegen.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Packs ClovaCodegen, ClovaCodegen.OpenAI, ClovaCodegen.Extensions.AI, ClovaCodegen.Testing and the ClovaCodegen.Emulator and ClovaCodegen.SpecTool tools once per test run into a local folder feed, with a version unique to the
/// run so that no stale copy in the global packages folder can stand in for the one under test. The pack is shared by
/// every test class that takes this fixture, whether as a class fixture or through <see cref="PackagedFeedCollection"/>:
/// classes that build consumers run in parallel (each class is its own collection) on one feed.
/// </summary>
public sealed class PackagedFeed : IAsyncLifetime
{
    private static readonly string SharedWorkDirectory = Path.Combine(Path.GetTempPath(), "clova-e2e", DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "-" + Guid.NewGuid().ToString("N").Substring(0, 6));

    private static readonly string SharedVersion = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss");

    // A failed pack fails every test that needs the feed, with the same message.
    private static readonly Lazy<Task> Packed = new(PackAsync, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

    static PackagedFeed()
    {
        // Fixtures of different collections come and go at different times; the shared folder goes with the test process.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(SharedWorkDirectory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A consumer process may still hold a file; the temp folder is cleaned by the OS.
            }
        };
    }

    public string RepositoryRoot { get; } = FindRoot();

    public string WorkDirectory => SharedWorkDirectory;

    public string FeedDirectory => Path.Combine(WorkDirectory, "feed");

    public string Version => SharedVersion;

    /// <summary>The solution filter that names the packed projects; README.md's local-feed section packs the same (see LocalFeedTests).</summary>
    public const string PackagesFilter = "packaging/ClovaCodegen.Packages.slnf";

    /// <summary>The projects packed into the feed, as <see cref="PackagesFilter"/> lists them (paths relative to the repository root).</summary>
    public static string[] PackedProjects { get; } = ReadPackedProjects();

    public Task InitializeAsync() => Packed.Value;

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task PackAsync()
    {
        var root = FindRoot();
        var feed = Path.Combine(SharedWorkDirectory, "feed");
        Directory.CreateDirectory(feed);

        // One pack of the whole filter, without building: this test project's build has already built every packed
        // project for every target framework in its own configuration (see the csproj), so the pack only zips what is
        // there. Compiling them again in Release here used to cost more than the rest of the end-to-end run.
        // BuildProjectReferences=false: ClovaCodegen.Testing resolves its references, which must not build either.
        var configuration = typeof(PackagedFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ClovaBuildConfiguration").Value;
        (await Dotnet.RunAsync($"pack {PackagesFilter} --no-build -p:BuildProjectReferences=false -c {configuration} -p:PackageOutputPath=\"{feed}/\" -p:Version={SharedVersion} -nologo", root, timeout: TimeSpan.FromMinutes(10)))
            .EnsureSuccess("dotnet pack " + PackagesFilter);
        var packages = Directory.GetFiles(feed, "*.nupkg").Length;
        if (packages != PackedProjects.Length)
        {
            throw new InvalidOperationException($"dotnet pack {PackagesFilter} wrote {packages} packages to {feed}, not {PackedProjects.Length}");
        }
    }

    private static string[] ReadPackedProjects()
    {
        using var filter = JsonDocument.Parse(File.ReadAllText(Path.Combine(FindRoot(), PackagesFilter)));
        return filter.RootElement.GetProperty("solution").GetProperty("projects").EnumerateArray()
            .Select(p => p.GetString()!.Replace('\\', '/'))
            .ToArray();
    }

    /// <summary>
    /// The .NET root of the test host: a tool's launcher finds the runtime through DOTNET_ROOT (set it in the tool's
    /// environment), as on a machine whose .NET is not in the default place.
    /// </summary>
    public static string DotnetRoot => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    /// <summary>Installs a .NET tool package of the feed into a folder of its own (<c>dotnet tool install --tool-path</c>); returns the folder.</summary>
    public async Task<string> InstallToolAsync(string packageId)
    {
        var toolPath = Path.Combine(WorkDirectory, "tools-" + Guid.NewGuid().ToString("N").Substring(0, 6));
        (await Dotnet.RunAsync($"tool install {packageId} --version {Version} --tool-path \"{toolPath}\" --add-source \"{FeedDirectory}\"", WorkDirectory))
            .EnsureSuccess("dotnet tool install " + packageId);
        return toolPath;
    }

    /// <summary>The one build of every consumer in <see cref="ConsumerBatch"/>, made when a test first asks for one.</summary>
    internal Task<(string Directory, CommandResult Build)> BatchBuild => SharedBatchBuild.Value;

    private static readonly Lazy<Task<(string, CommandResult)>> SharedBatchBuild = new(
        () => ConsumerBatch.WriteAndBuildAllAsync(new PackagedFeed()), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Writes a consumer project in its own folder (outside the repository, so none of our build settings apply).</summary>
    public Consumer CreateConsumer(string name, IReadOnlyDictionary<string, string> files) => new(WriteConsumerFolder(name, files));

    /// <summary>A new folder with the feed as its only package source, shielded from the repository's build files, and <paramref name="files"/>.</summary>
    internal string WriteConsumerFolder(string name, IReadOnlyDictionary<string, string> files)
    {
        var directory = Path.Combine(WorkDirectory, name + "-" + Guid.NewGuid().ToString("N").Substring(0, 6));
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="clova-e2e" value="{FeedDirectory}" />
              </packageSources>
            </configuration>
            """);

        // Empty Directory.Build.* files stop MSBuild from walking up into unrelated folders.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>");
        foreach (var file in files)
        {
            var path = Path.Combine(directory, file.Key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Value.Replace("$(ClovaVersion)", Version));
        }

        return directory;
    }

    internal static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ClovaCodegen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ClovaCodegen.sln not found");
    }
}

/// <summary>A consumer project folder.</summary>
public sealed record Consumer(string Directory)
{
    public Task<CommandResult> BuildAsync(string extra = "") => Dotnet.RunAsync($"build -nologo -clp:NoSummary {extra}", Directory);

    public Task<CommandResult> RunAsync(IDictionary<string, string>? environment = null) => Dotnet.RunAsync("run --no-build", Directory, environment);
}

/// <summary>For test classes on the feed that must run one at a time; others take <c>IClassFixture&lt;PackagedFeed&gt;</c> and run in parallel.</summary>
[CollectionDefinition(Name)]
public sealed class PackagedFeedCollection : ICollectionFixture<PackagedFeed>
{
    public const string Name = "packaged feed";
}
