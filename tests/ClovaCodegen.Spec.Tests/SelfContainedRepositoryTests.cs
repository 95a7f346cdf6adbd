using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ClovaCodegen.Spec.Tests;

/// <summary>
/// A user's clone is the repository alone: no file of it may read or point to a folder beside it (the team's reference
/// folder, "shared", is not part of the project). The facts the spec is checked against live in docs/facts.md.
/// </summary>
public class SelfContainedRepositoryTests
{
    // Build outputs and tool folders are not the repository's files.
    private static readonly string[] IgnoredFolders = { ".git", "bin", "obj", "artifacts", "TestResults", "BenchmarkDotNet.Artifacts", ".vs", ".idea" };

    private static readonly string[] TextExtensions = { ".cs", ".csproj", ".props", ".targets", ".json", ".md", ".sh", ".sln", ".txt", ".xml", ".yml", ".yaml", ".editorconfig", "" };

    [Fact]
    public void No_file_reads_or_names_a_folder_beside_the_repository()
    {
        // Spelled in pieces so that this file does not match itself.
        var outside = new Regex(Regex.Escape("..") + "/" + "shared|" + "shared" + "/" + "reference");
        var offenders = Files(RepositoryPaths.Root)
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, index)))
            .Where(x => outside.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(RepositoryPaths.Root, x.path)}:{x.index + 1}: {x.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Files that reach outside the repository:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_facts_the_spec_is_checked_against_are_in_the_repository()
    {
        Assert.StartsWith(RepositoryPaths.Root, Path.GetFullPath(RepositoryPaths.Facts), StringComparison.Ordinal);
        Assert.True(File.Exists(RepositoryPaths.Facts), RepositoryPaths.Facts + " is missing");
    }

    private static System.Collections.Generic.IEnumerable<string> Files(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            if (TextExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            {
                yield return file;
            }
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            if (!IgnoredFolders.Contains(Path.GetFileName(child), StringComparer.Ordinal))
            {
                foreach (var file in Files(child))
                {
                    yield return file;
                }
            }
        }
    }
}
