using System;
using System.IO;

namespace ClovaCodegen.SpecTool.Tests;

internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string DefaultSpec => Path.Combine(Root, "spec", "clova-openai-compat.json");

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
