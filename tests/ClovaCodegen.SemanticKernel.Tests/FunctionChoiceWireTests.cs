using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using ClovaCodegen.Spec;
using ClovaCodegen.Spec.Model;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Xunit;

namespace ClovaCodegen.SemanticKernel.Tests;

/// <summary>What Semantic Kernel 1.82.0's <c>FunctionChoiceBehavior</c> and <c>ToolCallBehavior</c> put on the wire.</summary>
public sealed class FunctionChoiceWireTests : SemanticKernelEmulator
{
    private static readonly CompatSpec Spec = SpecReader.ReadDefault().Spec!;

    private const string WeatherTool = """[{"type":"function","function":{"description":"","name":"weather-today","parameters":{"type":"object","required":[],"properties":{}},"strict":false}}]""";

    private Kernel KernelWithTool()
    {
        var kernel = StockKernel();
        kernel.Plugins.AddFromFunctions("weather", [KernelFunctionFactory.CreateFromMethod(() => "sunny", "today")]);
        return kernel;
    }

    /// <summary>One call that does not invoke tools (the emulator answers with text), so exactly one request is sent.</summary>
    private async Task<Dictionary<string, string>> FirstRequestFields(OpenAIPromptExecutionSettings settings)
    {
        var kernel = KernelWithTool();
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        return ExtraFields(await SendOneAsync(() => chat.GetChatMessageContentAsync("hi", settings, kernel)));
    }

    [Fact]
    public async Task Auto_none_and_required_send_the_tools_and_that_tool_choice()
    {
        var auto = await FirstRequestFields(new() { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false) });
        var none = await FirstRequestFields(new() { FunctionChoiceBehavior = FunctionChoiceBehavior.None() });
        var required = await FirstRequestFields(new() { FunctionChoiceBehavior = FunctionChoiceBehavior.Required(autoInvoke: false) });

        Assert.Equal(new Dictionary<string, string> { ["tools"] = WeatherTool, ["tool_choice"] = "\"auto\"" }, auto);
        Assert.Equal(new Dictionary<string, string> { ["tools"] = WeatherTool, ["tool_choice"] = "\"none\"" }, none);
        Assert.Equal(new Dictionary<string, string> { ["tools"] = WeatherTool, ["tool_choice"] = "\"required\"" }, required);
        Assert.Equal("tool_choice", Spec.FindBinding("Microsoft.SemanticKernel.PromptExecutionSettings.FunctionChoiceBehavior")!.Field);
    }

    [Fact]
    public async Task AllowParallelCalls_sends_parallel_tool_calls_either_way_and_nothing_when_unset()
    {
        var allowed = await FirstRequestFields(new() { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false, options: new() { AllowParallelCalls = true }) });
        var refused = await FirstRequestFields(new() { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false, options: new() { AllowParallelCalls = false }) });
        var unset = await FirstRequestFields(new() { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false, options: new()) });

        Assert.Equal("true", allowed["parallel_tool_calls"]);
        Assert.Equal("false", refused["parallel_tool_calls"]);
        Assert.DoesNotContain("parallel_tool_calls", unset.Keys);
        Assert.Equal("parallel_tool_calls", Spec.FindBinding("Microsoft.SemanticKernel.FunctionChoiceBehaviorOptions.AllowParallelCalls")!.Field);
    }

    [Fact]
    public async Task ToolCallBehavior_sends_the_tools_with_tool_choice_auto()
    {
        var enabled = await FirstRequestFields(new() { ToolCallBehavior = ToolCallBehavior.EnableKernelFunctions });

        Assert.Equal(new Dictionary<string, string> { ["tools"] = WeatherTool, ["tool_choice"] = "\"auto\"" }, enabled);
        Assert.Equal("tool_choice", Spec.FindBinding("Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings.ToolCallBehavior")!.Field);
    }

    [Fact]
    public async Task Required_with_auto_invoke_asks_again_with_tool_choice_none_and_a_placeholder_tool()
    {
        var kernel = KernelWithTool();
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        Clova.ScriptedAnswers.EnqueueToolCall("weather-today").EnqueueText("It is sunny.");

        var answer = await chat.GetChatMessageContentAsync("hi", new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Required() }, kernel);

        Assert.Equal("It is sunny.", answer.Content);
        Assert.Equal(2, Clova.Requests.Count);
        Assert.Equal("\"required\"", ExtraFields(Clova.Requests[0])["tool_choice"]);
        var second = ExtraFields(Clova.Requests[1]);
        Assert.Equal("\"none\"", second["tool_choice"]);
        Assert.Contains("\"name\":\"NonInvocableTool\"", second["tools"], System.StringComparison.Ordinal);
        Assert.All(Clova.Requests, r => Assert.True(r.SpecAccepted, string.Join("; ", r.Problems)));
    }
}
