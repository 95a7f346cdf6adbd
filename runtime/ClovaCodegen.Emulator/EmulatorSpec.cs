using System;
using System.IO;
using System.Linq;
using ClovaCodegen.Spec;
using ClovaCodegen.Spec.Diagnostics;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Emulator;

/// <summary>Which spec an emulator validates against: the one given, a spec file, the project's spec, or the embedded default.</summary>
internal static class EmulatorSpec
{
    /// <summary>
    /// Where the ClovaCodegen.Testing package's build glue copies the project's <c>&lt;ClovaCompatSpec&gt;</c> file, beside
    /// the test assembly, so a test validates against the same spec the analyzers read at build time.
    /// </summary>
    public const string ProjectSpecFileName = "ClovaCodegen.Testing.spec.json";

    /// <exception cref="InvalidOperationException">The spec file is missing or has errors (each located as path(line,col)).</exception>
    public static CompatSpec Resolve(EmulatorOptions options)
    {
        if (options.Spec is { } given)
        {
            return given;
        }

        var projectSpec = Path.Combine(AppContext.BaseDirectory, ProjectSpecFileName);
        var path = options.SpecFile ?? (File.Exists(projectSpec) ? projectSpec : null);
        if (path is null)
        {
            return SpecReader.ReadDefault().Spec ?? throw new InvalidOperationException("The embedded spec does not load.");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The emulator's spec file {Path.GetFullPath(path)} cannot be read: {ex.Message}", ex);
        }

        var result = SpecReader.Read(text, Path.GetFullPath(path));
        return result.Spec ?? throw new InvalidOperationException(
            $"The emulator's spec file {Path.GetFullPath(path)} has errors:{Environment.NewLine}"
            + string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == SpecSeverity.Error).Select(d => d.ToString())));
    }
}
