using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ClovaCodegen.Spec;
using ClovaCodegen.Spec.Diagnostics;

namespace ClovaCodegen.SpecTool.Checking;

/// <summary>The outcome of checking a spec file: every diagnostic, as the build would report it.</summary>
public sealed record SpecCheckResult(string Path, SpecReadResult Read, IReadOnlyList<SpecDiagnostic> SchemaDiagnostics)
{
    /// <summary>The reader's diagnostics, then the schema's, each located in the file.</summary>
    public IEnumerable<SpecDiagnostic> Diagnostics => Read.Diagnostics.Concat(SchemaDiagnostics);

    public int ErrorCount => Diagnostics.Count(d => d.Severity == SpecSeverity.Error);

    public int WarningCount => Diagnostics.Count(d => d.Severity == SpecSeverity.Warning);
}

/// <summary>
/// <c>clova-spec check FILE</c>: the file through the same reader the generator, the analyzers and the emulator use, so
/// the messages (<c>path(line,col): error CLOVA1xx: ...</c>) are the ones the build gives for <c>&lt;ClovaCompatSpec&gt;</c>;
/// then against the JSON Schema editors use (<see cref="SchemaCheck"/>).
/// </summary>
public static class SpecCheck
{
    public static SpecCheckResult CheckFile(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        string? text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The reader turns unreadable text into CLOVA100 at the file's start, as the build does for a missing file.
            text = null;
        }

        return new SpecCheckResult(fullPath, SpecReader.Read(text, fullPath), text is null ? Array.Empty<SpecDiagnostic>() : SchemaCheck.Validate(text, fullPath));
    }
}
