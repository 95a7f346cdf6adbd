using System;
using System.IO;

namespace ClovaCodegen.Spec.Tests;

/// <summary>Finds files of the repository (and the shared reference folder beside it) from the test's bin folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string DefaultSpec => Path.Combine(Root, "spec", SpecReader.DefaultSpecFileName);

    public static string Schema => Path.Combine(Root, "spec", "clova-openai-compat.schema.json");

    /// <summary>shared/reference/FACTS.md: CI clones the repository with shared/ beside it.</summary>
    public static string Facts => Path.Combine(Root, "..", "shared", "reference", "FACTS.md");

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
