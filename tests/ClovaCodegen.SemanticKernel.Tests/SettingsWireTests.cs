using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using ClovaCodegen.Spec;
using ClovaCodegen.Spec.Model;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Xunit;

namespace ClovaCodegen.SemanticKernel.Tests;

/// <summary>
/// What each <see cref="OpenAIPromptExecutionSettings"/> member of Semantic Kernel 1.82.0's OpenAI connector puts on the
/// wire, read from the bodies the emulator recorded, and the spec's bindings (source "sk") against those captures. An SK
/// upgrade that sends a member under another name, or starts or stops sending it, fails here before the rules go wrong.
/// </summary>
public sealed class SettingsWireTests : SemanticKernelEmulator
{
    private const string Settings = "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings.";

    private static readonly CompatSpec Spec = SpecReader.ReadDefault().Spec!;

    /// <summary>Member (as the spec binds it), the settings that set it alone, and the exact JSON it adds to the body.</summary>
    public static TheoryData<string, Func<OpenAIPromptExecutionSettings>, string, string> Members => new()
    {
        { "Temperature", () => new() { Temperature = 0.5 }, "temperature", "0.5" },
        { "TopP", () => new() { TopP = 0.8 }, "top_p", "0.8" },
        { "MaxTokens", () => new() { MaxTokens = 64 }, "max_completion_tokens", "64" },
        { "StopSequences", () => new() { StopSequences = ["END"] }, "stop", """["END"]""" },
        { "Seed", () => new() { Seed = 7 }, "seed", "7" },
        { "PresencePenalty", () => new() { PresencePenalty = 0.5 }, "presence_penalty", "0.5" },
        { "FrequencyPenalty", () => new() { FrequencyPenalty = 0.5 }, "frequency_penalty", "0.5" },
        { "Logprobs", () => new() { Logprobs = true }, "logprobs", "true" },
        { "TopLogprobs", () => new() { TopLogprobs = 2 }, "top_logprobs", "2" },
        { "User", () => new() { User = "user-1" }, "user", "\"user-1\"" },
        { "TokenSelectionBiases", () => new() { TokenSelectionBiases = new Dictionary<int, int> { [42] = 5 } }, "logit_bias", """{"42":5}""" },
        { "Store", () => new() { Store = true }, "store", "true" },
        { "Metadata", () => new() { Metadata = new Dictionary<string, string> { ["team"] = "a" } }, "metadata", """{"team":"a"}""" },
        { "ReasoningEffort", () => new() { ReasoningEffort = "low" }, "reasoning_effort", "\"low\"" },
        { "ResponseFormat", () => new() { ResponseFormat = "json_object" }, "response_format", """{"type":"json_object"}""" },
        { "WebSearchOptions", () => new() { WebSearchOptions = new global::OpenAI.Chat.ChatWebSearchOptions() }, "web_search_options", "{}" },
        { "Modalities", () => new() { Modalities = "text" }, "modalities", """["text"]""" },
    };

    [Theory]
    [MemberData(nameof(Members))]
    public async Task Each_settings_member_sends_the_field_the_spec_binds_it_to(string member, Func<OpenAIPromptExecutionSettings> settings, string field, string json)
    {
        var kernel = StockKernel();
        var chat = kernel.GetRequiredService<IChatCompletionService>();

        var request = await SendOneAsync(() => chat.GetChatMessageContentAsync("hi", settings(), kernel));

        Assert.Equal(new Dictionary<string, string> { [field] = json }, ExtraFields(request));
        var binding = Spec.FindBinding(Settings + member);
        Assert.True(binding is not null, $"The spec binds no {Settings}{member}");
        Assert.Equal((field, (string?)null, "sk"), (binding!.Field, binding.DroppedBy, binding.Source));
    }

    [Fact]
    public async Task Audio_sends_audio_beside_its_modalities()
    {
        var kernel = StockKernel();
        var chat = kernel.GetRequiredService<IChatCompletionService>();

        var request = await SendOneAsync(() => chat.GetChatMessageContentAsync("hi", new OpenAIPromptExecutionSettings
        {
            Modalities = "text, audio",
            Audio = new global::OpenAI.Chat.ChatAudioOptions(global::OpenAI.Chat.ChatOutputAudioVoice.Alloy, global::OpenAI.Chat.ChatOutputAudioFormat.Mp3),
        }, kernel));

        Assert.Equal("""{"voice":"alloy","format":"mp3"}""", ExtraFields(request)["audio"]);
        Assert.Equal("audio", Spec.FindBinding(Settings + "Audio")!.Field);
    }

    [Fact]
    public async Task The_system_prompt_becomes_a_system_message_and_the_developer_prompt_a_developer_message()
    {
        var kernel = StockKernel();
        var chat = kernel.GetRequiredService<IChatCompletionService>();

        var system = await SendOneAsync(() => chat.GetChatMessageContentAsync("hi", new OpenAIPromptExecutionSettings { ChatSystemPrompt = "Be brief." }, kernel));
        var developer = await SendOneAsync(() => chat.GetChatMessageContentAsync("hi", new OpenAIPromptExecutionSettings { ChatDeveloperPrompt = "Be brief." }, kernel));

        Assert.Equal("""[{"role":"system","content":"Be brief."},{"role":"user","content":"hi"}]""", Compact(system.Json!.Value.GetProperty("messages").GetRawText()));
        Assert.True(system.SpecAccepted, string.Join("; ", system.Problems));
        Assert.Equal("""[{"role":"developer","content":"Be brief."},{"role":"user","content":"hi"}]""", Compact(developer.Json!.Value.GetProperty("messages").GetRawText()));
        Assert.Equal(400, developer.StatusCode);
        Assert.Contains("role", developer.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("messages", Spec.FindBinding(Settings + "ChatSystemPrompt")!.Field);
        Assert.Equal("messages", Spec.FindBinding(Settings + "ChatDeveloperPrompt")!.Field);
    }

    /// <summary>The chat history's developer messages, as the spec's role bindings (which CLOVA010 reads) say.</summary>
    [Fact]
    public async Task Chat_history_developer_messages_are_sent_with_role_developer()
    {
        var kernel = StockKernel();
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var added = new ChatHistory();
        added.AddDeveloperMessage("Be brief.");
        added.AddUserMessage("hi");
        var made = new ChatHistory([new ChatMessageContent(AuthorRole.Developer, "Be brief."), new ChatMessageContent(AuthorRole.User, "hi")]);

        var fromAdd = await SendOneAsync(() => chat.GetChatMessageContentAsync(added, new OpenAIPromptExecutionSettings(), kernel));
        var fromRole = await SendOneAsync(() => chat.GetChatMessageContentAsync(made, new OpenAIPromptExecutionSettings(), kernel));

        const string sent = """[{"role":"developer","content":"Be brief."},{"role":"user","content":"hi"}]""";
        Assert.Equal(sent, Compact(fromAdd.Json!.Value.GetProperty("messages").GetRawText()));
        Assert.Equal(sent, Compact(fromRole.Json!.Value.GetProperty("messages").GetRawText()));
        foreach (var (member, replacement) in new[] { ("ChatHistory.AddDeveloperMessage", "ChatHistory.AddSystemMessage"), ("AuthorRole.Developer", "AuthorRole.System") })
        {
            var binding = Spec.FindBinding("Microsoft.SemanticKernel.ChatCompletion." + member)!;
            Assert.Equal(("messages", "developer", "Microsoft.SemanticKernel.ChatCompletion." + replacement), (binding.Field, binding.Role, binding.Replacement));
        }
    }

    [Fact]
    public async Task ExtensionData_of_the_openai_settings_is_dropped_whatever_its_keys()
    {
        var kernel = StockKernel();
        var chat = kernel.GetRequiredService<IChatCompletionService>();

        var request = await SendOneAsync(() => chat.GetChatMessageContentAsync("hi", new OpenAIPromptExecutionSettings
        {
            ExtensionData = new Dictionary<string, object> { ["top_k"] = 5, ["temperature"] = 0.5, ["max_tokens"] = 64 },
        }, kernel));

        Assert.Empty(ExtraFields(request));
        // Bound on the derived type too: there no key is read, not even the ones plain settings have read (the next test).
        var binding = Spec.FindBinding(Settings + "ExtensionData")!;
        Assert.Equal(("*", "Microsoft.SemanticKernel.Connectors.OpenAI", 0), (binding.Field, binding.DroppedBy, binding.ReadKeys.Count));
    }

    [Fact]
    public async Task ExtensionData_of_plain_settings_is_read_by_the_openai_settings_json_names_and_other_keys_are_dropped()
    {
        var kernel = StockKernel();
        var chat = kernel.GetRequiredService<IChatCompletionService>();

        var request = await SendOneAsync(() => chat.GetChatMessageContentAsync("hi", new PromptExecutionSettings
        {
            ExtensionData = new Dictionary<string, object> { ["top_k"] = 5, ["temperature"] = 0.5, ["max_tokens"] = 64, ["stop_sequences"] = new[] { "END" }, ["topK"] = 3 },
        }, kernel));

        Assert.Equal(new Dictionary<string, string> { ["temperature"] = "0.5", ["max_completion_tokens"] = "64", ["stop"] = """["END"]""" }, ExtraFields(request));
    }

    /// <summary>
    /// Plain settings' <c>ExtensionData["extra_body"]</c> is read into <c>OpenAIPromptExecutionSettings.ExtraBody</c> by the
    /// same JSON round trip (the spec's readAs), so its entries are sent as ExtraBody's are: top-level fields, a <c>$.</c>
    /// key patching a path.
    /// </summary>
    [Fact]
    public async Task ExtensionData_extra_body_of_plain_settings_is_sent_as_the_openai_settings_ExtraBody_is()
    {
        var kernel = StockKernel();
        var chat = kernel.GetRequiredService<IChatCompletionService>();

        var request = await SendOneAsync(() => chat.GetChatMessageContentAsync("hi", new PromptExecutionSettings
        {
            ExtensionData = new Dictionary<string, object>
            {
                ["extra_body"] = new Dictionary<string, object?> { ["top_k"] = 5, ["$.thinking.effort"] = "low", ["max_tokens"] = 64 },
            },
        }, kernel));

        Assert.Equal(new Dictionary<string, string> { ["top_k"] = "5", ["thinking"] = """{"effort":"low"}""", ["max_tokens"] = "64" }, ExtraFields(request));
        var binding = Spec.FindBinding("Microsoft.SemanticKernel.PromptExecutionSettings.ExtensionData")!;
        Assert.Contains("extra_body", binding.ReadKeys);
        Assert.Equal("Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings", binding.ReadAs);
        Assert.Equal(typeof(OpenAIPromptExecutionSettings).FullName, binding.ReadAs);
        Assert.Equal("extra_body", typeof(OpenAIPromptExecutionSettings).GetProperty(nameof(OpenAIPromptExecutionSettings.ExtraBody))!.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name);
        Assert.True(RequestBagIsSent(Spec.FindBinding(Settings + "ExtraBody")!));
    }

    private static bool RequestBagIsSent(BindingSpec binding) => binding is { Field: BindingSpec.AnyField, DroppedBy: null };

    [Fact]
    public void The_keys_the_connector_reads_from_ExtensionData_are_the_openai_settings_json_names()
    {
        // Plain settings reach the connector through a JSON round trip into OpenAIPromptExecutionSettings: a key is read
        // when it names one of its [JsonPropertyName]s (the test above sends three of them).
        var jsonNames = typeof(OpenAIPromptExecutionSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name)
            .OfType<string>()
            .Where(n => n is not ("extension_data" or "service_id" or "model_id" or "function_choice_behavior"))
            .OrderBy(n => n, StringComparer.Ordinal);

        var binding = Spec.FindBinding("Microsoft.SemanticKernel.PromptExecutionSettings.ExtensionData")!;

        Assert.True(jsonNames.SequenceEqual(binding.ReadKeys.OrderBy(n => n, StringComparer.Ordinal)), "SK reads these keys: " + string.Join(", ", jsonNames.Select(n => $"\"{n}\"")));
    }

    [Fact]
    public async Task ExtraBody_entries_are_sent_as_top_level_fields_and_win_over_typed_members()
    {
        var kernel = StockKernel();
        var chat = kernel.GetRequiredService<IChatCompletionService>();

        var request = await SendOneAsync(() => chat.GetChatMessageContentAsync("hi", new OpenAIPromptExecutionSettings
        {
            Temperature = 0.5,
            ExtraBody = new Dictionary<string, object?> { ["top_k"] = 5, ["repetition_penalty"] = 1.1, ["temperature"] = 0.7 },
        }, kernel));

        Assert.Equal(new Dictionary<string, string> { ["temperature"] = "0.7", ["top_k"] = "5", ["repetition_penalty"] = "1.1" }, ExtraFields(request));
        Assert.True(request.SpecAccepted, string.Join("; ", request.Problems));
        var binding = Spec.FindBinding(Settings + "ExtraBody")!;
        Assert.Equal(("*", (string?)null), (binding.Field, binding.DroppedBy));
    }

    [Fact]
    public async Task ExtraBody_cannot_remove_a_field_a_null_entry_sends_null()
    {
        var kernel = StockKernel();
        var chat = kernel.GetRequiredService<IChatCompletionService>();

        var request = await SendOneAsync(() => chat.GetChatMessageContentAsync("hi", new OpenAIPromptExecutionSettings
        {
            ExtraBody = new Dictionary<string, object?> { ["stream_options"] = null },
        }, kernel));

        Assert.Equal(new Dictionary<string, string> { ["stream_options"] = "null" }, ExtraFields(request));
    }

    /// <summary>
    /// The binding's note "a $. key patches a path", which the rules follow (a $. key's first segment is the field it
    /// writes): the path goes into the body as nested fields; a dotted key without $. is a literal top-level name.
    /// </summary>
    [Fact]
    public async Task ExtraBody_keys_starting_with_a_json_path_patch_that_path_and_other_dotted_keys_are_literal_names()
    {
        var kernel = StockKernel();
        var chat = kernel.GetRequiredService<IChatCompletionService>();

        var request = await SendOneAsync(() => chat.GetChatMessageContentAsync("hi", new OpenAIPromptExecutionSettings
        {
            ExtraBody = new Dictionary<string, object?> { ["$.top_k"] = 5, ["$.thinking.effort"] = "low", ["a.b"] = 1 },
        }, kernel));

        Assert.Equal(new Dictionary<string, string> { ["top_k"] = "5", ["thinking"] = """{"effort":"low"}""", ["a.b"] = "1" }, ExtraFields(request));
        Assert.Contains("a $. key patches a path", Spec.FindBinding(Settings + "ExtraBody")!.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_settings_model_id_does_not_change_the_model_sent()
    {
        var kernel = StockKernel();
        var chat = kernel.GetRequiredService<IChatCompletionService>();

        var request = await SendOneAsync(() => chat.GetChatMessageContentAsync("hi", new OpenAIPromptExecutionSettings { ModelId = "HCX-007" }, kernel));

        Assert.Equal("HCX-005", request.Model);
        Assert.Empty(ExtraFields(request));
    }

    [Fact]
    public async Task Streaming_adds_stream_and_stream_options_include_usage()
    {
        var kernel = StockKernel();
        var chat = kernel.GetRequiredService<IChatCompletionService>();

        var request = await SendOneAsync(async () =>
        {
            await foreach (var _ in chat.GetStreamingChatMessageContentsAsync("hi", new OpenAIPromptExecutionSettings { MaxTokens = 64 }, kernel))
            {
            }
        });

        Assert.Equal(new Dictionary<string, string> { ["max_completion_tokens"] = "64", ["stream"] = "true", ["stream_options"] = """{"include_usage":true}""" }, ExtraFields(request));
        Assert.Contains("stream_options: unsupported by CLOVA Studio", request.Problems);
    }

    [Fact]
    public async Task The_embedding_generator_sends_base64_and_its_dimensions_on_every_request()
    {
        var kernel = StockKernel();
        var generator = kernel.GetRequiredService<Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>>();

        var plain = await SendOneAsync(() => generator.GenerateAsync(["hello"]));
        var sized = await SendOneAsync(() => generator.GenerateAsync(["hello"], new Microsoft.Extensions.AI.EmbeddingGenerationOptions { Dimensions = 1024 }));

        Assert.Equal("/v1/openai/embeddings", plain.Path);
        Assert.Equal("""{"input":["hello"],"model":"bge-m3","encoding_format":"base64"}""", Compact(plain.Body));
        Assert.Equal(["encoding_format: must be one of \"float\""], plain.Problems);
        Assert.Equal(400, plain.StatusCode);
        Assert.Equal("1024", ExtraFields(sized)["dimensions"]);
        Assert.Equal("\"base64\"", ExtraFields(sized)["encoding_format"]);
    }

    [Fact]
    public void Every_sk_binding_of_the_spec_is_one_these_tests_capture()
    {
        var captured = Members.Select(row => Settings + (string)row[0])
            .Concat([Settings + "Audio", Settings + "ChatSystemPrompt", Settings + "ChatDeveloperPrompt", Settings + "ExtraBody", Settings + "ExtensionData",
                "Microsoft.SemanticKernel.PromptExecutionSettings.ExtensionData", "Microsoft.SemanticKernel.PromptExecutionSettings.FunctionChoiceBehavior",
                "Microsoft.SemanticKernel.FunctionChoiceBehaviorOptions.AllowParallelCalls", Settings + "ToolCallBehavior",
                "Microsoft.SemanticKernel.ChatCompletion.ChatHistory.AddDeveloperMessage", "Microsoft.SemanticKernel.ChatCompletion.AuthorRole.Developer"])
            .OrderBy(m => m, StringComparer.Ordinal);

        var bound = Spec.Bindings.Where(b => b.Source == "sk").Select(b => b.Member).OrderBy(m => m, StringComparer.Ordinal);

        Assert.Equal(captured, bound);
    }
}
