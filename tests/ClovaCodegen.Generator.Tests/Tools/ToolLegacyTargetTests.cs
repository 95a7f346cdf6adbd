using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClovaCodegen.Generator.Tests.Tools;

/// <summary>
/// The tool code the generator writes compiles and emits with zero diagnostics for .NET Framework 4.7.2 and .NET
/// Standard 2.0 consumers too: the runtime's tool, structured-output and response types compiled from their source
/// (the response types without their System.Text.Json context, whose generator does not run here).
/// </summary>
public class ToolLegacyTargetTests
{
    [Theory]
    [MemberData(nameof(LegacyTargetCompilationTests.Targets), MemberType = typeof(LegacyTargetCompilationTests))]
    public void Tool_code_compiles_and_emits_with_zero_diagnostics(string target)
    {
        var folder = Path.Combine(GeneratorHarness.RepositoryRoot, "runtime", "ClovaCodegen.Runtime");
        var responses = File.ReadAllText(Path.Combine(folder, "Responses.cs"));
        responses = responses.Substring(0, responses.IndexOf("/// <summary>Reflection-free metadata", System.StringComparison.Ordinal));
        var runtime = new[] { Path.Combine(folder, "Contracts", "IClovaRequestBodies.cs") }
            .Concat(Directory.GetFiles(Path.Combine(folder, "StructuredOutputs"), "*.cs"))
            .Concat(Directory.GetFiles(Path.Combine(folder, "Tools"), "ClovaTool*.cs"))
            .Select(LegacyTargetCompilationTests.RuntimeSource)
            .Concat(new[] { responses });
        var input = GeneratorHarness.Compilation(LegacyTargetCompilationTests.References(target), runtime.Concat(new[] { """
            using System.Collections.Generic;
            using System.ComponentModel;
            using System.Threading;
            using System.Threading.Tasks;
            using ClovaCodegen.Requests;
            namespace App
            {
                public enum Unit { Celsius, Fahrenheit }

                public sealed class Forecast
                {
                    public string City { get; set; } = "";
                    public double? Degrees { get; set; }
                    public List<Unit> Units { get; set; } = new List<Unit>();
                }

                public static partial class Weather
                {
                    [ClovaCodegen.ClovaTool("날씨")]
                    public static Task<Forecast> GetWeatherAsync([Description("도시")] string city, Unit unit = Unit.Celsius, int? days = null, CancellationToken cancellationToken = default) =>
                        Task.FromResult(new Forecast { City = city });

                    [ClovaCodegen.ClovaTool("Adds")]
                    public static ValueTask<long> AddAsync(long[] values) => new ValueTask<long>(values.Length);

                    [ClovaCodegen.ClovaTool("Forgets")]
                    public static void Forget() { }
                }

                public static class Use
                {
                    public static byte[] Ask() => ChatCompletionRequest.Create("HCX-005").User("서울").AddTools(Weather.All).AddTool(Weather.AddTool).Build().ToUtf8Json();

                    public static ValueTask<ClovaCodegen.ClovaToolResult> Run(ClovaCodegen.ClovaChatToolCall call) => Weather.InvokeAsync(call);
                }
            }
            """ }).ToArray());

        var (output, generatorDiagnostics, result) = GeneratorHarness.Run(input);

        Assert.Empty(generatorDiagnostics);
        Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName == "ClovaTools.App_Weather.g.cs");
        var diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(diagnostics.Count == 0, target + ":\n" + string.Join("\n", diagnostics));
        using var pe = new MemoryStream();
        var emitted = output.Emit(pe);
        Assert.True(emitted.Success, target + " emit:\n" + string.Join("\n", emitted.Diagnostics));
    }
}
