using System.Globalization;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "--interleaved-structured")
{
    // Issue 20: reading a structured answer, ours against MEAI's path, interleaved round by round (Interleaved.cs).
    var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 9;
    foreach (var escaped in new[] { true, false })
    {
        var reading = new ClovaCodegen.Benchmarks.StructuredOutputReading { EscapedKorean = escaped };
        reading.Setup();
        ClovaCodegen.Benchmarks.Interleaved.Run($"Reading a structured answer, Korean {(escaped ? "escaped" : "as is")}", rounds, 20_000, new (string, System.Func<object?>)[]
        {
            ("MEAI ChatResponse<T>.Result", reading.MeaiResult),
            ("ClovaCodegen ReadAs<T>()", reading.Generated),
            ("STJ Deserialize alone", reading.StjAlone),
            ("Floor: tokens + value strings", () => reading.TokensAndValueStrings()),
        });
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ClovaCodegen.Benchmarks.ChatRequestSerialization).Assembly).Run(args);
