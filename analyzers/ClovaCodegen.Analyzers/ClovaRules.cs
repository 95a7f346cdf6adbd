using System.Collections.Immutable;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Analyzers.Rules;

namespace ClovaCodegen.Analyzers;

/// <summary>
/// The rules CLOVA001–CLOVA012. The compiler finds each one by its <c>[DiagnosticAnalyzer]</c> attribute and runs it as an
/// analyzer of its own (see <see cref="ClovaRule"/> for why); code that drives analyzers itself (tests, benchmarks) takes
/// them from here.
/// </summary>
public static class ClovaRules
{
    /// <summary>One instance of every rule, in rule-ID order.</summary>
    public static ImmutableArray<ClovaRule> CreateAll() => ImmutableArray.Create<ClovaRule>(
        new UnsupportedFieldAnalyzer(),
        new EmbeddingEncodingAnalyzer(),
        new BaseUrlAnalyzer(),
        new UnknownModelAnalyzer(),
        new NativeFieldNameAnalyzer(),
        new ValueRangeAnalyzer(),
        new HardcodedApiKeyAnalyzer(),
        new MissingMaxTokensAnalyzer(),
        new DroppedOptionAnalyzer(),
        new MessageRoleAnalyzer(),
        new ModelCapabilityAnalyzer(),
        new DuplicateToolNameAnalyzer());
}
