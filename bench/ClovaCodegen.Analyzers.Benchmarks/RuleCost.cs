using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Benchmarks;

/// <summary>
/// Each rule's callbacks alone (see <see cref="RuleCallbacks"/>) as a ratio to all nine rules together, the baseline,
/// on the same bound operations: which rule the rules' own time goes to, without the driver or the compiler
/// running beside them. Every iteration starts the analyzer afresh, so nothing remembered per compilation carries over.
/// </summary>
[MemoryDiagnoser]
[GcServer(true)]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class RuleCost
{
    private RuleCallbacks _all = null!;
    private RuleCallbacks _one = null!;

    [Params("CLOVA001", "CLOVA002", "CLOVA003", "CLOVA004", "CLOVA005", "CLOVA006", "CLOVA007", "CLOVA008", "CLOVA009")]
    public string Rule { get; set; } = "CLOVA001";

    [GlobalSetup]
    public void Bind()
    {
        var compilation = SyntheticProject.Compilation();
        var options = SyntheticProject.AnalyzerOptions("project");
        _all = new RuleCallbacks(compilation, ClovaRules.CreateAll(), options);
        _one = new RuleCallbacks(_all, ClovaRules.CreateAll().Where(r => r.Descriptor.Id == Rule));
    }

    [IterationSetup]
    public void StartAfresh()
    {
        _all.Restart();
        _one.Restart();
    }

    [Benchmark(Baseline = true)]
    public int AllRules() => _all.Run();

    [Benchmark]
    public int OneRule() => _one.Run();
}
