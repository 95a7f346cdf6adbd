using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ClovaCodegen.EndToEnd.Tests.Infrastructure;

/// <summary>A shell command the README or a page of docs/ tells the reader to run, with where it is written.</summary>
public sealed record DocumentedCommand(string Document, int Line, string Text)
{
    /// <summary>The words of the command, environment assignments (<c>NAME=value</c>) left out, quotes removed.</summary>
    public IReadOnlyList<string> Words { get; } = Split(Text).SkipWhile(w => Regex.IsMatch(w, "^[A-Z_][A-Z0-9_]*=")).ToList();

    public override string ToString() => $"{Document}:{Line}: {Text}";

    private static IEnumerable<string> Split(string text) =>
        Regex.Matches(text, @"'([^']*)'|""([^""]*)""|(\S+)").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value);
}

/// <summary>
/// Reads every command of README.md and docs/**/*.md: each line of a bash code block, and each inline code span that
/// starts with <c>dotnet</c> or <c>bash</c>, and says what in a command cannot work on a fresh clone of the repository.
/// </summary>
public static class DocumentedCommands
{
    private static readonly Regex InlineCommand = new(@"`((?:[A-Z_][A-Z0-9_]*=\S*\s+)*(?:dotnet|bash)\s[^`]*)`");

    // Verbs whose first argument, when given, is a path of this repository (without one they act on the current folder).
    private static readonly string[] PathVerbs = { "build", "test", "run", "pack", "publish" };

    private static readonly string[] OtherVerbs = { "add", "new", "nuget", "tool", "restore", "clean", "format" };

    public static IReadOnlyList<DocumentedCommand> Read(string repositoryRoot)
    {
        var documents = new[] { Path.Combine(repositoryRoot, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(repositoryRoot, "docs"), "*.md", SearchOption.AllDirectories));
        return documents.SelectMany(path => ReadDocument(Path.GetRelativePath(repositoryRoot, path).Replace('\\', '/'), File.ReadAllLines(path))).ToList();
    }

    /// <summary>What keeps the command from working as written in a fresh clone at <paramref name="repositoryRoot"/>; empty when nothing does.</summary>
    public static IEnumerable<string> Problems(DocumentedCommand command, string repositoryRoot, IReadOnlyCollection<string> packageIds)
    {
        var words = command.Words;
        if (words.Count == 0)
        {
            yield break;
        }

        foreach (var word in words.Where(w => Regex.IsMatch(w, @"(^|/)(bin|obj)/")))
        {
            yield return $"'{word}' is a build output: a fresh clone does not have it until something builds it";
        }

        switch (words[0])
        {
            case "bash":
                if (words.Count < 2 || !File.Exists(Path.Combine(repositoryRoot, words[1])))
                {
                    yield return $"script '{(words.Count < 2 ? "" : words[1])}' is not in the repository";
                }

                yield break;
            case "dotnet" when words.Count < 2:
                yield return "'dotnet' alone does nothing";
                yield break;
            case "dotnet" when PathVerbs.Contains(words[1]):
                var arguments = words.Skip(2).TakeWhile(w => w != "--").ToList();
                var projectIndex = arguments.IndexOf("--project");
                var path = projectIndex >= 0 && projectIndex + 1 < arguments.Count ? arguments[projectIndex + 1]
                    : arguments.FirstOrDefault(a => !a.StartsWith('-') && !IsOptionValue(arguments, a)) is { } positional ? positional : null;
                if (path is not null && !File.Exists(Path.Combine(repositoryRoot, path)) && !Directory.Exists(Path.Combine(repositoryRoot, path)))
                {
                    yield return $"'{path}' is not a file or folder of the repository";
                }

                yield break;
            case "dotnet" when words[1] == "add" && words.Count > 3 && words[2] == "package":
                if (!packageIds.Contains(words[3]))
                {
                    yield return $"package '{words[3]}' is not one this repository packs ({string.Join(", ", packageIds)})";
                }

                yield break;
            case "dotnet" when OtherVerbs.Contains(words[1]):
                yield break;
            case "dotnet":
                yield return $"'dotnet {words[1]}' runs a file, not a command of the SDK: a fresh clone has no such file until something builds it";
                yield break;
            case "cd":
            case "mkdir":
            case "curl": // talks to the emulator a command above started; needs nothing from the clone
            case "clova-emulator": // the tool the line above installs from the packed feed (EmulatorToolTests runs it)
                yield break;
            case "clova-spec": // the tool docs/spec-prober.md installs from the packed feed (SpecToolTests runs it)
                if (words.Count < 2 || words[1] is not ("probe" or "diff" or "check" or "--help"))
                {
                    yield return $"'clova-spec {(words.Count < 2 ? "" : words[1])}' is not a command of the tool (probe, diff, check, --help)";
                }

                yield break;
            default:
                yield return $"'{words[0]}' is not a command this check knows; teach it (DocumentedCommands.Problems) what the command needs";
                yield break;
        }
    }

    /// <summary>The ids of the packages this repository packs (each &lt;PackageId&gt; in packaging/ and the projects).</summary>
    public static IReadOnlyCollection<string> PackageIds(string repositoryRoot) =>
        Directory.EnumerateFiles(repositoryRoot, "*.*", SearchOption.AllDirectories)
            .Where(p => (p.EndsWith(".targets", StringComparison.Ordinal) || p.EndsWith(".csproj", StringComparison.Ordinal) || p.EndsWith(".props", StringComparison.Ordinal))
                        && !Regex.IsMatch(p.Replace('\\', '/'), "/(bin|obj|artifacts)/"))
            .SelectMany(p => Regex.Matches(File.ReadAllText(p), @"<PackageId>([^<$]+)</PackageId>").Select(m => m.Groups[1].Value.Trim()))
            .ToHashSet(StringComparer.Ordinal);

    private static bool IsOptionValue(List<string> arguments, string word)
    {
        // "-c Release", "-o ./feed", "-r linux-x64": the word after a short option that takes a value.
        var index = arguments.IndexOf(word);
        return index > 0 && Regex.IsMatch(arguments[index - 1], "^(-c|-o|-r|-f|--configuration|--output|--runtime|--framework|--filter|--logger|--source|-s|-v|--verbosity)$");
    }

    private static IEnumerable<DocumentedCommand> ReadDocument(string name, string[] lines)
    {
        string? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                fence = fence is null ? trimmed.Substring(3).Trim() : null;
                continue;
            }

            if (fence is not null)
            {
                if (fence is "bash" or "sh" or "shell" && trimmed.Length > 0 && !trimmed.StartsWith('#'))
                {
                    // A trailing "   # what it does" is a comment, not part of the command.
                    yield return new DocumentedCommand(name, i + 1, Regex.Replace(trimmed, @"\s+#\s.*$", ""));
                }

                continue;
            }

            foreach (Match match in InlineCommand.Matches(line))
            {
                yield return new DocumentedCommand(name, i + 1, match.Groups[1].Value.Trim());
            }
        }
    }
}
