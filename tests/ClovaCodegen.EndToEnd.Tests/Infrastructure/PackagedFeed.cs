using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace ClovaCodegen.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Packs ClovaCodegen, ClovaCodegen.OpenAI, ClovaCodegen.Extensions.AI, ClovaCodegen.Testing and the ClovaCodegen.Emulator tool once per test run into a local folder feed, with a version unique to the
/// run so that no stale copy in the global packages folder can stand in for the one under test.
/// </summary>
public sealed class PackagedFeed : IAsyncLifetime
{
    public string RepositoryRoot { get; } = FindRoot();

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "clova-e2e", DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "-" + Guid.NewGuid().ToString("N").Substring(0, 6));

    public string FeedDirectory => Path.Combine(WorkDirectory, "feed");

    public string Version { get; } = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        foreach (var project in new[] { "runtime/ClovaCodegen.Runtime/ClovaCodegen.Runtime.csproj", "runtime/ClovaCodegen.OpenAI/ClovaCodegen.OpenAI.csproj", "runtime/ClovaCodegen.Extensions.AI/ClovaCodegen.Extensions.AI.csproj", "runtime/ClovaCodegen.Testing/ClovaCodegen.Testing.csproj", "runtime/ClovaCodegen.Emulator/ClovaCodegen.Emulator.csproj" })
        {
            (await Dotnet.RunAsync($"pack {project} -c Release -o \"{FeedDirectory}\" -p:Version={Version} -p:ContinuousIntegrationBuild=true", RepositoryRoot))
                .EnsureSuccess("dotnet pack " + project);
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A consumer process may still hold a file; the temp folder is cleaned by the OS.
        }

        return Task.CompletedTask;
    }

    /// <summary>Writes a consumer project in its own folder (outside the repository, so none of our build settings apply).</summary>
    public Consumer CreateConsumer(string name, IReadOnlyDictionary<string, string> files)
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

        return new Consumer(directory);
    }

    private static string FindRoot()
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

[CollectionDefinition(Name)]
public sealed class PackagedFeedCollection : ICollectionFixture<PackagedFeed>
{
    public const string Name = "packaged feed";
}
