using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using ClovaCodegen.Spec;
using ClovaCodegen.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ClovaCodegen.Analyzers.Benchmarks;

/// <summary>
/// The default spec with every entry of one source left out (<c>--without-source sk</c>: the Semantic Kernel bindings),
/// given to the rules as a user's spec file would be. The benchmark runs the same rules with it beside the default spec,
/// run by run, so that what one source's bindings cost is measured in the same process as the rest: the rules' code is
/// the same in both analyses, only what the spec asks them to look at differs.
/// </summary>
public sealed class SpecWithoutSource
{
    private readonly AdditionalText _file;

    private SpecWithoutSource(string source, string text, int removed)
    {
        Source = source;
        Removed = removed;
        _file = new InMemoryFile(SpecReader.DefaultSpecFileName, text);
    }

    /// <summary>The source left out (a key of the spec's <c>sources</c>).</summary>
    public string Source { get; }

    /// <summary>How many entries it had (bindings and any other entry that names it as its source).</summary>
    public int Removed { get; }

    public static SpecWithoutSource Create(string source)
    {
        var root = JsonNode.Parse(SpecReader.DefaultSpecText) ?? throw new InvalidOperationException("The default spec is empty.");
        var removed = RemoveEntriesOf(root, source);
        if (removed == 0)
        {
            throw new ArgumentException($"--without-source: no entry of the default spec has \"source\": \"{source}\".");
        }

        var text = root.ToJsonString();
        var read = SpecReader.Read(text, SpecReader.DefaultSpecFileName);
        if (read.Spec is null)
        {
            throw new InvalidOperationException($"--without-source {source}: the spec without those entries does not read: {string.Join("; ", read.Diagnostics.Select(d => d.ToString()))}");
        }

        return new SpecWithoutSource(source, text, removed);
    }

    /// <summary>Analyzer options for <paramref name="scope"/> that give the rules this spec as the project's spec file.</summary>
    public AnalyzerOptions Options(string scope) =>
        new(ImmutableArray.Create(_file), new ScopeOptionsProvider(scope));

    /// <summary>Removes, from every array in the document, the objects whose <c>source</c> is <paramref name="source"/>.</summary>
    private static int RemoveEntriesOf(JsonNode node, string source)
    {
        var removed = 0;
        switch (node)
        {
            case JsonArray array:
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is JsonObject entry && entry["source"] is JsonValue value && value.TryGetValue<string>(out var named) && named == source)
                    {
                        array.RemoveAt(i);
                        removed++;
                    }
                    else if (array[i] is { } child)
                    {
                        removed += RemoveEntriesOf(child, source);
                    }
                }

                break;
            case JsonObject obj:
                foreach (var property in obj.ToList())
                {
                    if (property.Value is { } child)
                    {
                        removed += RemoveEntriesOf(child, source);
                    }
                }

                break;
        }

        return removed;
    }

    private sealed class InMemoryFile(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
