using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClovaCodegen.Generator.Tests;

/// <summary>
/// Issue 17, §2: one tool-call type per compilation. With the runtime referenced, the generated messages carry the
/// runtime's <c>ClovaChatToolCall</c> (the type a response brings back), so a file that uses both namespaces, as the
/// QuickStart does, names it without ambiguity and a response's message goes straight into the next request.
/// </summary>
public class ToolCallTypeTests
{
    private const string RoundTrip = """
        using ClovaCodegen;
        using ClovaCodegen.Requests;
        namespace App
        {
            public static class Loop
            {
                public static ChatCompletionRequest Next(ClovaChatCompletion completion)
                {
                    ClovaChatToolCall call = completion.Choices[0].Message.ToolCalls![0];
                    return ChatCompletionRequest.Create("HCX-005")
                        .User("Weather in Seoul?")
                        .Message(ClovaChatMessage.Assistant(completion))
                        .Message(ClovaChatMessage.Assistant(completion.Choices[0].Message))
                        .Message(ClovaChatMessage.Tool(call, "{\"temperature\":21}"))
                        .Message(ClovaChatMessage.Assistant("again", new ClovaChatToolCall("call_2", "get_weather", "{}")))
                        .MaxTokens(100)
                        .Build();
                }
            }
        }
        """;

    [Fact]
    public void With_the_runtime_a_file_using_both_namespaces_names_one_tool_call_type_and_sends_a_response_back()
    {
        var (output, generatorDiagnostics, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.Net10References, RoundTrip));

        Assert.Empty(generatorDiagnostics);
        var diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS1701" && d.Id != "CS1702").ToList();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
        Assert.Null(output.GetTypeByMetadataName("ClovaCodegen.Requests.ClovaChatToolCall"));
        Assert.Null(output.GetTypeByMetadataName("ClovaCodegen.Requests.ClovaToolCall"));
    }

    [Fact]
    public void Without_the_runtime_the_generator_declares_a_tool_call_of_the_same_shape()
    {
        var withoutRuntime = GeneratorHarness.Net10References.Where(r => r.Display is not { } path || !path.EndsWith("ClovaCodegen.Runtime.dll", System.StringComparison.Ordinal));
        var input = GeneratorHarness.Compilation(withoutRuntime, """
            using ClovaCodegen.Requests;
            namespace App
            {
                public static class Loop
                {
                    public static byte[] Next()
                    {
                        var call = new ClovaChatToolCall("call_1", "get_weather", "{\"city\":\"Seoul\"}");
                        return ChatCompletionRequest.Create("HCX-005").User("Weather?")
                            .Message(ClovaChatMessage.Assistant(null, call)).Message(ClovaChatMessage.Tool(call, "sunny"))
                            .MaxTokens(100).Build().ToUtf8Json();
                    }
                }
            }
            """);

        var (output, generatorDiagnostics, _) = GeneratorHarness.Run(input);

        Assert.Empty(generatorDiagnostics);
        var diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS1701" && d.Id != "CS1702").ToList();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
        var call = output.GetTypeByMetadataName("ClovaCodegen.Requests.ClovaChatToolCall");
        Assert.NotNull(call);
        Assert.Equal(new[] { "Arguments", "FunctionName", "Id" }, call!.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name).OrderBy(n => n, System.StringComparer.Ordinal));
        var message = output.GetTypeByMetadataName("ClovaCodegen.Requests.ClovaChatMessage")!;
        Assert.DoesNotContain(message.GetMembers("Assistant").OfType<IMethodSymbol>(), m => m.Parameters.Any(p => p.Type.Name is "ClovaChatResponseMessage" or "ClovaChatCompletion"));
    }
}
