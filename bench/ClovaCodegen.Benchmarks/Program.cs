using System;
using System.Globalization;
using BenchmarkDotNet.Running;
using ClovaCodegen.Benchmarks;

// Issue 20's interleaved modes (Interleaved.cs): ours against MEAI's path, round by round in one process.
// --interleaved-structured [rounds]: reading a structured answer. --interleaved-tools [rounds]: dispatching a tool call.
if (args.Length > 0 && args[0] is "--interleaved-structured" or "--interleaved-tools")
{
    var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 9;
    if (args[0] == "--interleaved-structured")
    {
        foreach (var escaped in new[] { true, false })
        {
            var reading = new StructuredOutputReading { EscapedKorean = escaped };
            reading.Setup();
            Interleaved.Run($"Reading a structured answer, Korean {(escaped ? "escaped" : "as is")}", rounds, 20_000, new (string, Func<object?>)[]
            {
                ("MEAI ChatResponse<T>.Result", reading.MeaiResult),
                ("ClovaCodegen ReadAs<T>()", reading.Generated),
                ("STJ Deserialize alone", reading.StjAlone),
                ("Floor: tokens + value strings", () => reading.TokensAndValueStrings()),
            });
        }
    }
    else
    {
        var dispatch = new ToolDispatch();
        dispatch.Setup();
        Interleaved.Run("Dispatching a tool call", rounds, 50_000, new (string, Func<object?>)[]
        {
            ("MEAI AIFunctionFactory (source-gen options)", dispatch.MeaiSourceGenerated),
            ("MEAI AIFunctionFactory (default options)", dispatch.MeaiReflection),
            ("ClovaCodegen generated InvokeAsync", dispatch.Generated),
            ("ClovaCodegen .AsAIFunction()", dispatch.GeneratedAsAIFunction),
        });
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ChatRequestSerialization).Assembly).Run(args);
