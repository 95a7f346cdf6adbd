using System;
using System.IO;

namespace ClovaCodegen.Spec.Tests;

/// <summary>Finds files of the repository from the test's bin folder. Nothing outside the repository is read: a user's clone has only the repository.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string DefaultSpec => Path.Combine(Root, "spec", SpecReader.DefaultSpecFileName);

    public static string Schema => Path.Combine(Root, "spec", "clova-openai-compat.schema.json");

    /// <summary>docs/facts.md: the facts the spec is checked against, with their sources.</summary>
    public static string Facts => Path.Combine(Root, "docs", "facts.md");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ClovaCodegen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ClovaCodegen.sln not found above " + AppContext.BaseDirectory);
    }
}
