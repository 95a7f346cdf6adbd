using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

public class DroppedOptionAnalyzerTests
{
    [Fact]
    public Task Meai_top_k_and_additional_properties_warn() => ClovaVerifier.VerifyAsync("""
        using Microsoft.Extensions.AI;
        var options = new ChatOptions { {|CLOVA009:TopK|} = 20, MaxOutputTokens = 100 };
        {|CLOVA009:options.AdditionalProperties|} = new AdditionalPropertiesDictionary { ["repetition_penalty"] = 1.1 };
        System.Console.WriteLine(options);
        """);

    [Fact]
    public Task Fix_removes_the_dropped_options() => ClovaVerifier.VerifyFixAsync("""
        using Microsoft.Extensions.AI;
        var o = new ChatOptions { {|CLOVA009:TopK|} = 20, MaxOutputTokens = 100 };
        {|CLOVA009:o.AdditionalProperties|}!["top_k"] = 5;
        System.Console.WriteLine(o);
        """, """
        using Microsoft.Extensions.AI;
        var o = new ChatOptions { MaxOutputTokens = 100 };
        System.Console.WriteLine(o);
        """, new UnsupportedFieldFixer());

    [Fact]
    public Task Additional_properties_filled_by_indexer_add_or_initializer_warn() => ClovaVerifier.VerifyAsync("""
        using Microsoft.Extensions.AI;
        var options = new ChatOptions { MaxOutputTokens = 100, {|CLOVA009:AdditionalProperties|} = { ["top_k"] = 5 } };
        {|CLOVA009:options.AdditionalProperties|}!["repetition_penalty"] = 1.1;
        {|CLOVA009:options.AdditionalProperties|}!.Add("repeat_penalty", 1.1);
        System.Console.WriteLine(options);
        """);

    [Fact]
    public Task Options_sent_to_ClovaCodegens_own_chat_client_are_not_dropped() => ClovaVerifier.VerifyAsync("""
        using ClovaCodegen;
        using ClovaCodegen.Extensions.AI;
        using Microsoft.Extensions.AI;
        var clova = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = System.Environment.GetEnvironmentVariable("K") });
        IChatClient direct = new ClovaChatClient(clova, "HCX-005");
        var options = new ChatOptions { TopK = 20, MaxOutputTokens = 100 };
        options.AdditionalProperties = new() { ["repetition_penalty"] = 1.1 };
        await direct.GetResponseAsync("hi", options);
        IChatClient viaExtension = clova.AsIChatClient("HCX-005");
        await viaExtension.GetResponseAsync("hi", new ChatOptions { TopK = 5, MaxOutputTokens = 100 });
        IChatClient stock = new OpenAI.Chat.ChatClient("HCX-005", "k").AsIChatClient();
        await stock.GetResponseAsync("hi", new ChatOptions { {|CLOVA009:TopK|} = 5, MaxOutputTokens = 100 });
        """);

    /// <summary>Issue 14, finding 1: the console app of docs/runtime.md, whose IChatClient comes from AddClovaStudio.</summary>
    private const string RecommendedPath = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.DependencyInjection;

        Console.WriteLine();

        static class Startup
        {
            static void Register(IServiceCollection services) =>
                services.AddClovaStudio(o => o.ApiKey = Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY"));

            static async Task Ask(IServiceProvider services)
            {
                IChatClient chat = services.GetRequiredService<IChatClient>();
                var options = new ChatOptions { TopK = 20, MaxOutputTokens = 100, AdditionalProperties = new() { ["repetition_penalty"] = 1.1 } };
                await chat.GetResponseAsync("hi", options);
            }
        }

        sealed class Assistant(IChatClient chat)
        {
            public Task<ChatResponse> Ask() => chat.GetResponseAsync("hi", new ChatOptions { TopK = 5, MaxOutputTokens = 100 });
        }
        """;

    [Fact]
    public Task Finding1_options_for_the_chat_client_AddClovaStudio_registers_are_not_dropped() => ClovaVerifier.VerifyAsync(RecommendedPath);

    [Fact]
    public async Task Finding1_a_compilation_without_the_stock_adapter_gets_no_CLOVA009()
    {
        var source = """
            using Microsoft.Extensions.AI;
            System.Console.WriteLine();
            static class Asker
            {
                static object Ask(IChatClient chat) => chat.GetResponseAsync("hi", new ChatOptions { TopK = 5, MaxOutputTokens = 100, AdditionalProperties = new() { ["top_k"] = 5 } });
            }
            """;

        var without = await AnalyzerHarness.AnalyzeAsync(source, withoutAssembly: "Microsoft.Extensions.AI.OpenAI");
        var with = await AnalyzerHarness.AnalyzeAsync(source);

        Assert.DoesNotContain(without, d => d.Id == "CLOVA009");
        Assert.Equal(2, with.Count(d => d.Id == "CLOVA009"));
    }

    [Fact]
    public Task Finding1_a_project_that_also_makes_the_stock_adapter_is_still_checked() => ClovaVerifier.VerifyAsync(RecommendedPath.Replace(
        "sealed class Assistant(IChatClient chat)",
        """
        sealed class Stock
        {
            public object Ask() => new OpenAI.Chat.ChatClient("HCX-005", Environment.GetEnvironmentVariable("K")!).AsIChatClient()
                .GetResponseAsync("hi", new ChatOptions { {|CLOVA009:TopK|} = 5, MaxOutputTokens = 100 });
        }

        sealed class Assistant(IChatClient chat)
        """).Replace("new ChatOptions { TopK = 20", "new ChatOptions { {|CLOVA009:TopK|} = 20").Replace("AdditionalProperties = new() { [\"repetition", "{|CLOVA009:AdditionalProperties|} = new() { [\"repetition").Replace("new ChatOptions { TopK = 5", "new ChatOptions { {|CLOVA009:TopK|} = 5"));

    [Fact]
    public Task Finding1_the_fix_removes_only_the_entries_the_adapter_drops() => ClovaVerifier.VerifyFixAsync("""
        using Microsoft.Extensions.AI;
        var o = new ChatOptions { MaxOutputTokens = 100, AdditionalProperties = new() { ["strict"] = true, [{|CLOVA009:"top_k"|}] = 5 } };
        System.Console.WriteLine(o);
        """, """
        using Microsoft.Extensions.AI;
        var o = new ChatOptions { MaxOutputTokens = 100, AdditionalProperties = new() { ["strict"] = true } };
        System.Console.WriteLine(o);
        """, new UnsupportedFieldFixer());

    [Fact]
    public Task Finding8_additional_properties_holding_only_keys_the_adapter_reads_are_not_dropped() => ClovaVerifier.VerifyAsync("""
        using Microsoft.Extensions.AI;
        var initialized = new ChatOptions { MaxOutputTokens = 100, AdditionalProperties = new() { ["strict"] = true } };
        var filled = new ChatOptions { MaxOutputTokens = 100, AdditionalProperties = { ["strict"] = true } };
        filled.AdditionalProperties!["strict"] = false;
        filled.AdditionalProperties.Add("strict", true);
        {|CLOVA009:filled.AdditionalProperties|}.Add("top_k", 5);
        System.Console.WriteLine($"{initialized}{filled}");
        """);

    [Fact]
    public Task Finding8_copy_constructors_and_clone_methods_set_nothing_new() => ClovaVerifier.VerifyAsync("""
        using Microsoft.Extensions.AI;
        using OpenAI.Chat;

        System.Console.WriteLine();

        sealed class Copies
        {
            public static ChatOptions Clone(ChatOptions source)
            {
                var copy = new ChatOptions { TopK = source.TopK, AdditionalProperties = source.AdditionalProperties?.Clone() };
                copy.TopK = source.TopK;
                foreach (var pair in source.AdditionalProperties!)
                {
                    copy.AdditionalProperties![pair.Key] = pair.Value;
                    copy.AdditionalProperties.Add(pair.Key, pair.Value);
                }

                return copy;
            }

            public static ChatCompletionOptions Copy(ChatCompletionOptions source) => new() { EndUserId = source.EndUserId, MaxOutputTokenCount = source.MaxOutputTokenCount };

            public static ChatOptions NotACopy(ChatOptions source) => new() { {|CLOVA009:TopK|} = 5, MaxOutputTokens = source.MaxOutputTokens };
        }
        """);

    /// <summary>
    /// Issue 17: the chat client registered through MEAI's builder (AddClovaStudioChatClient, keyed or not) is ours too;
    /// registering only the client or the embedding generator registers no chat client, so an injected one may be the stock adapter.
    /// </summary>
    [Theory]
    [InlineData("services.AddClovaStudioClient(o => o.ApiKey = key); services.AddClovaStudioChatClient().UseFunctionInvocation();", false)]
    [InlineData("services.AddKeyedClovaStudioClient(\"gov\", o => o.ApiKey = key); services.AddKeyedClovaStudioChatClient(\"gov\", o => o.DefaultModelId = \"HCX-007\").UseLogging();", false)]
    [InlineData("services.AddClovaStudioClient(o => o.ApiKey = key); services.AddClovaStudioEmbeddingGenerator();", true)]
    public Task Options_for_a_chat_client_the_builder_registrations_register_are_not_dropped(string registration, bool dropped) => ClovaVerifier.VerifyAsync($$"""
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.DependencyInjection;

        Console.WriteLine();

        static class Startup
        {
            static void Register(IServiceCollection services, string? key)
            {
                {{registration}}
            }
        }

        sealed class Assistant(IChatClient chat)
        {
            public Task<ChatResponse> Ask() => chat.GetResponseAsync("hi", new ChatOptions { {{(dropped ? "{|CLOVA009:TopK|}" : "TopK")}} = 5, MaxOutputTokens = 100 });
        }
        """);

    [Fact]
    public Task Semantic_kernel_extension_data_is_dropped_by_the_openai_connector() => ClovaVerifier.VerifyAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256, {|CLOVA009:ExtensionData|} = new Dictionary<string, object> { ["top_k"] = 20 } };
        var plain = new {|CLOVA008:PromptExecutionSettings|}();
        {|CLOVA009:plain.ExtensionData|} = new Dictionary<string, object> { ["repetition_penalty"] = 1.1 };
        System.Console.WriteLine($"{settings}{plain}");
        """);

    [Fact]
    public Task Semantic_kernel_extension_data_keys_the_connector_reads_and_extra_body_are_not_dropped() => ClovaVerifier.VerifyAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var plain = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["temperature"] = 0.5, ["max_tokens"] = 256 } };
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256, ExtraBody = new Dictionary<string, object?> { ["top_k"] = 20 } };
        System.Console.WriteLine($"{settings}{plain}");
        """);

    /// <summary>Issue 19: the CLOVA009 fix on SK settings removes the dropped ExtensionData write, or only the dropped keys of plain settings.</summary>
    [Fact]
    public Task Fix_removes_what_semantic_kernel_drops() => ClovaVerifier.VerifyFixAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256, {|CLOVA009:ExtensionData|} = new Dictionary<string, object> { ["top_k"] = 20 } };
        var plain = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 256, [{|CLOVA009:"top_k"|}] = 20 } };
        var later = new {|CLOVA008:PromptExecutionSettings|}();
        {|CLOVA009:later.ExtensionData|} = new Dictionary<string, object> { ["repetition_penalty"] = 1.1 };
        System.Console.WriteLine($"{settings}{plain}{later}");
        """, """
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256 };
        var plain = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 256 } };
        var later = new {|CLOVA008:PromptExecutionSettings|}();
        System.Console.WriteLine($"{settings}{plain}{later}");
        """, new UnsupportedFieldFixer());

    /// <summary>
    /// Issue 19: the captures say OpenAIPromptExecutionSettings drops every ExtensionData entry, even the keys plain
    /// PromptExecutionSettings have read (the spec binds the member on each type); the message says which, and points at ExtraBody.
    /// </summary>
    [Fact]
    public async Task Semantic_kernel_extension_data_on_openai_settings_is_dropped_whole_and_on_plain_settings_key_by_key()
    {
        const string source = """
            using System.Collections.Generic;
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.Connectors.OpenAI;
            var openai = new OpenAIPromptExecutionSettings { MaxTokens = 256, ExtensionData = new Dictionary<string, object> { ["temperature"] = 0.5 } };
            var later = new OpenAIPromptExecutionSettings { MaxTokens = 256 };
            later.ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 256 };
            PromptExecutionSettings typedAsBase = new OpenAIPromptExecutionSettings { MaxTokens = 256 };
            typedAsBase.ExtensionData = new Dictionary<string, object> { ["temperature"] = 0.5 };
            var plain = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["temperature"] = 0.5, ["top_k"] = 20 } };
            System.Console.WriteLine($"{openai}{later}{typedAsBase}{plain}");
            """;

        var diagnostics = (await AnalyzerHarness.AnalyzeAsync(source)).Where(d => d.Id == "CLOVA009")
            .Select(d => (Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, Message: d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(d => d.Line).ToArray();

        // A variable typed as the base may hold either: only what plain settings drop is certain (line 8 stays silent).
        Assert.Equal([4, 6, 9], diagnostics.Select(d => d.Line));
        Assert.All(diagnostics.Take(2), d => Assert.Equal(
            "'ExtensionData' never reaches CLOVA Studio: Microsoft.SemanticKernel.Connectors.OpenAI drops it on OpenAIPromptExecutionSettings, every entry; use OpenAIPromptExecutionSettings.ExtraBody, which it sends", d.Message));
        Assert.Equal(
            "'ExtensionData[\"top_k\"]' never reaches CLOVA Studio: Microsoft.SemanticKernel.Connectors.OpenAI drops it on PromptExecutionSettings, every key but the 21 it reads (the spec's readKeys); use OpenAIPromptExecutionSettings.ExtraBody, which it sends",
            diagnostics[2].Message);
    }

    [Fact]
    public async Task Meai_messages_keep_their_remedy_and_say_which_keys_are_read()
    {
        const string source = """
            using Microsoft.Extensions.AI;
            var options = new ChatOptions { MaxOutputTokens = 100, TopK = 5, AdditionalProperties = new() { ["strict"] = true, ["top_k"] = 5 } };
            System.Console.WriteLine(options);
            """;

        var messages = (await AnalyzerHarness.AnalyzeAsync(source)).Where(d => d.Id == "CLOVA009")
            .Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order(System.StringComparer.Ordinal).ToArray();

        Assert.Equal([
            "'AdditionalProperties[\"top_k\"]' never reaches CLOVA Studio: Microsoft.Extensions.AI.OpenAI drops it on ChatOptions, every key but 'strict'; use ClovaCodegen's chat client or RawRepresentationFactory with Patch",
            "'TopK' never reaches CLOVA Studio: Microsoft.Extensions.AI.OpenAI drops it; use ClovaCodegen's chat client or RawRepresentationFactory with Patch",
        ], messages);
    }
}
