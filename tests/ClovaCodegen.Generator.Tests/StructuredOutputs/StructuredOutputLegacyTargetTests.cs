using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClovaCodegen.Generator.Tests.StructuredOutputs;

/// <summary>
/// The structured-output code the generator writes compiles and emits with zero diagnostics for .NET Framework 4.7.2 and
/// .NET Standard 2.0 consumers too (the runtime's structured-output types compiled from their source, as the contracts
/// are in <see cref="LegacyTargetCompilationTests"/>).
/// </summary>
public class StructuredOutputLegacyTargetTests
{
    [Theory]
    [MemberData(nameof(LegacyTargetCompilationTests.Targets), MemberType = typeof(LegacyTargetCompilationTests))]
    public void Structured_output_code_compiles_and_emits_with_zero_diagnostics(string target)
    {
        var folder = Path.Combine(GeneratorHarness.RepositoryRoot, "runtime", "ClovaCodegen.Runtime");
        var runtime = new[] { "Contracts/IClovaRequestBodies.cs", "StructuredOutputs/ClovaStructuredOutputAttribute.cs", "StructuredOutputs/ClovaStructuredOutput.cs", "StructuredOutputs/ClovaStructuredOutputException.cs", "StructuredOutputs/ClovaStructuredOutputReading.cs", "StructuredOutputs/ClovaStructuredOutputItems.cs" }
            .Select(f => LegacyTargetCompilationTests.RuntimeSource(Path.Combine(folder, f)));
        var input = GeneratorHarness.Compilation(LegacyTargetCompilationTests.References(target), runtime.Concat(new[] { """
            using System;
            using System.Collections.Generic;
            using System.ComponentModel;
            using ClovaCodegen.Requests;
            namespace App
            {
                public enum Mood { Happy, Sad }

                [ClovaCodegen.ClovaStructuredOutput]
                [Description("A review")]
                public sealed class Review
                {
                    public Review(string text, Mood mood) { Text = text; Mood = mood; }
                    public string Text { get; }
                    public Mood Mood { get; }
                    public int? Stars { get; set; }
                    public List<string> Tags { get; set; } = new List<string>();
                    public DateTimeOffset? At { get; set; }
                }

                public static class Use
                {
                    public static byte[] Ask() => ChatCompletionRequest.Create("HCX-007").User("리뷰").ResponseFormat<Review>().Build().ToUtf8Json();

                    public static Review Read(string json) => ClovaStructuredOutputs.For<Review>().Read(json);
                }
            }
            """ }).ToArray());

        var (output, generatorDiagnostics, result) = GeneratorHarness.Run(input);

        Assert.Empty(generatorDiagnostics);
        Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName == "ClovaStructuredOutput.App_Review.g.cs");
        var diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(diagnostics.Count == 0, target + ":\n" + string.Join("\n", diagnostics));
        using var pe = new MemoryStream();
        var emitted = output.Emit(pe);
        Assert.True(emitted.Success, target + " emit:\n" + string.Join("\n", emitted.Diagnostics));
    }
}
