using System;
using System.IO;

namespace ClovaCodegen.Analyzers.Tests;

internal static class Paths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ClovaCodegen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ClovaCodegen.sln not found");
    }
}
