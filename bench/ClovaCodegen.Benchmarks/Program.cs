using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ClovaCodegen.Benchmarks.ChatRequestSerialization).Assembly).Run(args);
