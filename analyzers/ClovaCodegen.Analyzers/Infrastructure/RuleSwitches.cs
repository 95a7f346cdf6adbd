using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// Which of a host's rules are on in one compilation, and in which of its files: a bit per rule, by its position in the
/// host. A rule is on where its diagnostic would be shown, the same way the compiler decides whether to show it:
/// <list type="bullet">
/// <item>for the compilation, <see cref="DiagnosticDescriptor.GetEffectiveSeverity(CompilationOptions)"/>: a ruleset,
/// <c>NoWarn</c> and <c>WarningsAsErrors</c> (the compilation's <c>SpecificDiagnosticOptions</c>), the global analyzer
/// config (<c>dotnet_diagnostic.CLOVA00N.severity</c> in a <c>.globalconfig</c>), and the rule's default;</item>
/// <item>per file, an <c>.editorconfig</c> section's <c>dotnet_diagnostic.CLOVA00N.severity</c>
/// (<see cref="SyntaxTreeOptionsProvider.TryGetDiagnosticValue"/>), which wins over the global config but not over
/// the compilation options (a rule a ruleset or <c>NoWarn</c> names is decided for every file).</item>
/// </list>
/// A rule is started when it is on in the compilation or in any file; where a file turns it off its actions are not
/// run. A file's switches are worked out the first time one of its operations is called back and kept for the
/// compilation (the IDE makes a new compilation on every edit and analyzes a file or two of it, so they are not worked
/// out for every file up front). Where no file can differ (no per-file options, or every rule named by the compilation
/// options) no file is looked up at all. <c>#pragma warning disable</c> and <c>[SuppressMessage]</c> are not looked at:
/// they hide a diagnostic at one place, so the rule still runs. What the severity filter of a command-line build hides
/// (Info and Hidden) is not known here; the compiler skips a host whose diagnostics would all be hidden (see
/// <see cref="ClovaRuleHost"/>). Thread-safe: built at compilation start, then only the per-file table changes.
/// </summary>
internal sealed class RuleSwitches
{
    /// <summary>At most this many rules in a host (one bit each).</summary>
    public const int MaxRules = 64;

    private readonly ImmutableArray<ClovaRule> _rules;
    private readonly SyntaxTreeOptionsProvider? _fileOptions;
    private readonly ulong _compilationWide;
    private readonly ulong _perFile;
    private readonly ConcurrentDictionary<SyntaxTree, FileSwitches>? _files;
    private readonly System.Func<SyntaxTree, FileSwitches> _forFile;

    /// <summary>
    /// The file whose operations were called back last: the driver calls back a method body's operations one after the
    /// other, so this spares the table lookup for nearly all of them. Immutable, so a stale read is only a miss.
    /// </summary>
    private FileSwitches? _last;

    private RuleSwitches(ImmutableArray<ClovaRule> rules, Compilation compilation, CancellationToken cancellationToken)
    {
        _rules = rules;
        _forFile = tree => new FileSwitches(tree, Compute(tree));
        var options = compilation.Options;
        _fileOptions = options.SyntaxTreeOptionsProvider;
        for (var i = 0; i < rules.Length; i++)
        {
            var descriptor = rules[i].Descriptor;
            if (descriptor.GetEffectiveSeverity(options) != ReportDiagnostic.Suppress)
            {
                _compilationWide |= Bit(i);
            }

            // Default under the rule's ID is /warnaserror-:ID, which leaves the severity to the files.
            var named = options.SpecificDiagnosticOptions.TryGetValue(descriptor.Id, out var severity) && severity != ReportDiagnostic.Default;
            if (_fileOptions is not null && !named)
            {
                _perFile |= Bit(i);
            }
        }

        Started = _compilationWide;
        if (_perFile == 0)
        {
            return;
        }

        _files = new ConcurrentDictionary<SyntaxTree, FileSwitches>();
        if ((_perFile & ~_compilationWide) != 0)
        {
            // Off for the compilation, but a file may turn it on: only the files can say whether it is started.
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Started |= RulesOn(_files, tree);
            }
        }
    }

    /// <summary>The rules to start: on in the compilation or in some file.</summary>
    public ulong Started { get; }

    public static RuleSwitches For(Compilation compilation, ImmutableArray<ClovaRule> rules, CancellationToken cancellationToken) =>
        new(rules, compilation, cancellationToken);

    public static ulong Bit(int rule) => 1UL << rule;

    /// <summary>The rules on in the file of <paramref name="operation"/>.</summary>
    public ulong RulesOn(IOperation operation) => _files is null ? _compilationWide : RulesOn(_files, operation.Syntax.SyntaxTree);

    private ulong RulesOn(ConcurrentDictionary<SyntaxTree, FileSwitches> files, SyntaxTree tree)
    {
        var last = _last;
        if (last is null || !ReferenceEquals(last.Tree, tree))
        {
            _last = last = files.GetOrAdd(tree, _forFile);
        }

        return last.On;
    }

    private ulong Compute(SyntaxTree tree)
    {
        var on = _compilationWide;
        for (var i = 0; i < _rules.Length; i++)
        {
            if ((_perFile & Bit(i)) != 0 && _fileOptions!.TryGetDiagnosticValue(tree, _rules[i].Descriptor.Id, CancellationToken.None, out var severity))
            {
                on = severity == ReportDiagnostic.Suppress ? on & ~Bit(i) : on | Bit(i);
            }
        }

        return on;
    }

    private sealed class FileSwitches
    {
        public FileSwitches(SyntaxTree tree, ulong on)
        {
            Tree = tree;
            On = on;
        }

        public SyntaxTree Tree { get; }

        public ulong On { get; }
    }
}
