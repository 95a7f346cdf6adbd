using System;
using System.IO;
using ClovaCodegen.Spec;

namespace ClovaCodegen.Testing.Tests;

/// <summary>A user's spec file: the default spec with one edit, deleted when disposed.</summary>
internal sealed class TemporarySpecFile : IDisposable
{
    private TemporarySpecFile(string path) => Path = path;

    public string Path { get; }

    public static TemporarySpecFile WithText(string text)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "clova-testing-spec-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, text);
        return new TemporarySpecFile(path);
    }

    /// <summary>The default spec with <paramref name="find"/> replaced (which must occur in it).</summary>
    public static TemporarySpecFile FromDefault(string find, string replacement)
    {
        var text = SpecReader.DefaultSpecText.Replace(find, replacement, StringComparison.Ordinal);
        return text == SpecReader.DefaultSpecText ? throw new ArgumentException($"The default spec has no '{find}'.", nameof(find)) : WithText(text);
    }

    public void Dispose() => File.Delete(Path);
}
