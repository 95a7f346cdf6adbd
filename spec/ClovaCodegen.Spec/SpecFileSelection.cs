using System;
using System.Collections.Generic;
using System.IO;

namespace ClovaCodegen.Spec;

/// <summary>
/// The one rule, shared by generator and analyzers, for which additional file is the user's spec. A file is a
/// spec when its <c>ClovaCodegenSpec</c> item metadata is <c>true</c> (what the <c>ClovaCompatSpec</c> MSBuild
/// item sets) or when it is named <c>clova-openai-compat.json</c>. No such file: the embedded default applies.
/// </summary>
public static class SpecFileSelection
{
    /// <summary>The item metadata that marks an additional file as the spec, as the analyzer config sees it.</summary>
    public const string MetadataKey = "build_metadata.AdditionalFiles.ClovaCodegenSpec";

    /// <summary>Whether an additional file is a spec, given its path and its <see cref="MetadataKey"/> value.</summary>
    public static bool IsSpecFile(string path, string? specMetadata) =>
        string.Equals(specMetadata, "true", StringComparison.OrdinalIgnoreCase) ||
        string.Equals(Path.GetFileName(path), SpecReader.DefaultSpecFileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the chosen spec: the embedded default when <paramref name="specFiles"/> is empty, the file when there is
    /// one, and CLOVA117 (located at the second file) with no model when there are several.
    /// </summary>
    public static SpecReadResult Read(IReadOnlyList<(string Path, string? Text)> specFiles)
    {
        if (specFiles.Count == 0)
        {
            return SpecReader.ReadDefault();
        }

        if (specFiles.Count > 1)
        {
            var paths = new List<string>();
            foreach (var file in specFiles)
            {
                paths.Add(file.Path);
            }

            var diagnostic = new Diagnostics.SpecDiagnostic(
                Diagnostics.SpecDiagnosticIds.MultipleSpecs.Id,
                Diagnostics.SpecDiagnosticIds.MultipleSpecs.Severity,
                $"Only one ClovaCompatSpec file may be given; found {specFiles.Count}: {string.Join(", ", paths)}",
                specFiles[1].Path, 0, 0, 0, 0, 0, 0);
            return new SpecReadResult(null, Model.EquatableArray.Create(diagnostic));
        }

        return SpecReader.Read(specFiles[0].Text, specFiles[0].Path);
    }
}
