using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using ClovaCodegen.Spec;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// The spec a compilation's rules follow: the user's spec file when there is one (same rule as the generator),
/// else the embedded default. A spec with errors yields none: the generator reports its CLOVA1xx diagnostics.
/// </summary>
internal static class SpecProvider
{
    // Every analyzer of every compilation asks; a user's spec is read once per distinct text.
    private static readonly ConcurrentDictionary<string, SpecReadResult> Cache = new();

    public static CompatSpec? Read(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var files = new List<(string Path, string? Text)>();
        foreach (var file in options.AdditionalFiles)
        {
            var metadata = options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(SpecFileSelection.MetadataKey, out var value) ? value : null;
            if (SpecFileSelection.IsSpecFile(file.Path, metadata))
            {
                files.Add((file.Path, file.GetText(cancellationToken)?.ToString()));
            }
        }

        if (files.Count != 1)
        {
            return SpecFileSelection.Read(files).Spec;
        }

        var key = files[0].Path + "\n" + files[0].Text;
        if (Cache.Count > 64)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(key, _ => SpecReader.Read(files[0].Text, files[0].Path)).Spec;
    }
}
