using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ClovaCodegen.Runtime.Benchmarks.RuntimeRoundTrip).Assembly).Run(args);
