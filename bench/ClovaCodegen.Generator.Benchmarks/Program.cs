using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ClovaCodegen.Generator.Benchmarks.GeneratorCost).Assembly).Run(args);
