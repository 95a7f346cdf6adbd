using System.Runtime.CompilerServices;
using System.Threading;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// What every rule needs about a compilation (the spec, the SDK types, the scope and what it has learnt), worked out by
/// the first host that starts on the compilation and shared with the other (see <see cref="ClovaRuleHost"/>; a rule run
/// alone, in tests and benchmarks, is a host of its own): the rules that run should not read the spec or resolve types twice.
/// </summary>
internal sealed class CompilationFacts
{
    // Weak keys: a compilation's facts go when the compilation goes (the IDE makes a new one on every edit).
    private static readonly ConditionalWeakTable<Compilation, Holder> Cache = new();

    private CompilationFacts(AnalyzerOptions options, CompatSpec spec, KnownTypes types)
    {
        Options = options;
        Spec = spec;
        Types = types;
    }

    /// <summary>The options these facts were made with (the scope is read from them).</summary>
    public AnalyzerOptions Options { get; }

    public CompatSpec Spec { get; }

    public KnownTypes Types { get; }

    /// <summary>The compilation's facts, or null when it has no valid spec (the generator reports why).</summary>
    public static CompilationFacts? For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var holder = Cache.GetValue(compilation, static _ => new Holder());
        lock (holder)
        {
            // The compiler hands every analyzer the same options; a host that gives some analyzers options of their own
            // (the IDE can) gets facts made from those, since the scope is read from them.
            if (holder.Facts is { } facts && ReferenceEquals(facts.Options, options))
            {
                return facts;
            }

            if (holder.Facts is null && holder.OptionsWithoutSpec is { } none && ReferenceEquals(none, options))
            {
                return null;
            }

            var spec = SpecProvider.Read(options, cancellationToken);
            if (spec is null)
            {
                holder.OptionsWithoutSpec = options;
                return null;
            }

            facts = new CompilationFacts(options, spec, new KnownTypes(compilation, new AnalysisScope(options, spec)));
            holder.Facts = facts;
            return facts;
        }
    }

    private sealed class Holder
    {
        public CompilationFacts? Facts;
        public AnalyzerOptions? OptionsWithoutSpec;
    }
}
