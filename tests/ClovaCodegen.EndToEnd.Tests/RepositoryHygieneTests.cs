using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ClovaCodegen.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace ClovaCodegen.EndToEnd.Tests;

/// <summary>Checks on the repository's build files that no compiler makes.</summary>
public class RepositoryHygieneTests
{
    private static readonly string Root = PackagedFeed.FindRoot();

    [Fact]
    public void Every_central_package_version_is_used_by_some_project()
    {
        var versions = Regex.Matches(File.ReadAllText(Path.Combine(Root, "Directory.Packages.props")), @"<PackageVersion Include=""([^""]+)""")
            .Select(m => m.Groups[1].Value)
            .ToList();
        var buildFiles = Directory.EnumerateFiles(Root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "artifacts" or ".git"))
            .Where(f => Path.GetFileName(f) != "Directory.Packages.props")
            .Select(File.ReadAllText)
            .ToList();

        var unused = versions.Where(id => !buildFiles.Any(text => Regex.IsMatch(text, $@"<(PackageReference|PackageDownload|GlobalPackageReference) Include=""{Regex.Escape(id)}"""))).ToList();

        Assert.True(versions.Count > 10, "Directory.Packages.props lists only " + versions.Count + " versions; the reader may be broken");
        Assert.True(unused.Count == 0, "Directory.Packages.props pins versions nothing references: " + string.Join(", ", unused));
    }
}
