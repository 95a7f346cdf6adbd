using BenchmarkDotNet.Running;
using ClovaCodegen.Analyzers.Benchmarks;

// First the figure the issue asks for: the analyzers' own execution time from CompilationWithAnalyzers telemetry,
// as a ratio to the compilation's GetDiagnostics() time, measured in this same process; then the BenchmarkDotNet table.
AnalyzerTelemetry.Report(runs: 7);
BenchmarkSwitcher.FromAssembly(typeof(AnalyzerCost).Assembly).Run(args);
