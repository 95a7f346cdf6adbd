using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

public class UnsupportedFieldAnalyzerTests
{
    [Fact]
    public Task Initializer_and_assignment_of_unsupported_fields_warn() => ClovaVerifier.VerifyAsync("""
        using OpenAI.Chat;
        var options = new ChatCompletionOptions { {|CLOVA001:EndUserId|} = "u", {|CLOVA001:IncludeLogProbabilities|} = true, MaxOutputTokenCount = 10 };
        {|CLOVA001:options.StoredOutputEnabled|} = true;
        options.Temperature = 0.5f;
        System.Console.WriteLine(options);
        """);

    [Fact]
    public Task Lookalike_types_whose_full_name_only_ends_like_the_sdk_type_are_not_flagged() => ClovaVerifier.VerifyAsync("""
        var mine = new Lookalike.OpenAI.Chat.ChatCompletionOptions { EndUserId = "u" };
        var nested = new Outer.ChatCompletionOptions { EndUserId = "u" };
        var sdk = new OpenAI.Chat.ChatCompletionOptions { {|CLOVA001:EndUserId|} = "u", MaxOutputTokenCount = 10 };
        System.Console.WriteLine($"{mine}{nested}{sdk}");

        namespace Lookalike.OpenAI.Chat
        {
            public sealed class ChatCompletionOptions { public string? EndUserId { get; set; } }
        }

        public static class Outer
        {
            public sealed class ChatCompletionOptions { public string? EndUserId { get; set; } }
        }
        """);

    [Fact]
    public async Task Undocumented_fields_are_reported_as_info()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync("""
            using OpenAI.Chat;
            var options = new ChatCompletionOptions { SafetyIdentifier = "s", MaxOutputTokenCount = 10 };
            System.Console.WriteLine(options);
            """);

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "CLOVA001");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, diagnostic.Severity);
    }

    [Fact]
    public Task Embedding_options_user_warns_but_dimensions_does_not() => ClovaVerifier.VerifyAsync("""
        using OpenAI.Embeddings;
        var options = new EmbeddingGenerationOptions { {|CLOVA001:EndUserId|} = "u", Dimensions = 1024 };
        System.Console.WriteLine(options);
        """);

    [Fact]
    public Task Microsoft_Extensions_AI_members_mapping_to_unsupported_fields_warn() => ClovaVerifier.VerifyAsync("""
        using Microsoft.Extensions.AI;
        var options = new ChatOptions { {|CLOVA001:AllowMultipleToolCalls|} = true, Temperature = 0.3f };
        System.Console.WriteLine(options);
        """);

    [Fact]
    public Task A_user_spec_that_supports_user_silences_the_rule()
    {
        var spec = File.ReadAllText(Path.Combine(Paths.Root, "spec", "clova-openai-compat.json"))
            .Replace("""{ "name": "user", "status": "unsupported", "type": "string", "source": "doc" },""", """{ "name": "user", "status": "supported", "type": "string", "source": "doc" },""");
        return ClovaVerifier.VerifyAsync("""
            using OpenAI.Chat;
            var options = new ChatCompletionOptions { EndUserId = "u", MaxOutputTokenCount = 10 };
            System.Console.WriteLine(options);
            """, spec);
    }

    [Fact]
    public Task A_malformed_user_spec_turns_the_rules_off_instead_of_crashing() => ClovaVerifier.VerifyAsync("""
        using OpenAI.Chat;
        var options = new ChatCompletionOptions { EndUserId = "u" };
        System.Console.WriteLine(options);
        """, "{ not json");

    [Fact]
    public Task Fix_removes_the_initializer_member_and_the_statement() => ClovaVerifier.VerifyFixAsync("""
        using OpenAI.Chat;
        var options = new ChatCompletionOptions { {|CLOVA001:EndUserId|} = "u", MaxOutputTokenCount = 10 };
        // Stored completions are an OpenAI feature.
        {|CLOVA001:options.StoredOutputEnabled|} = true;
        System.Console.WriteLine(options);
        """, """
        using OpenAI.Chat;
        var options = new ChatCompletionOptions { MaxOutputTokenCount = 10 };
        // Stored completions are an OpenAI feature.
        System.Console.WriteLine(options);
        """, new UnsupportedFieldFixer());

    [Fact]
    public Task Collection_adds_indexers_and_initializer_fills_of_unsupported_members_warn() => ClovaVerifier.VerifyAsync("""
        using OpenAI.Chat;
        var options = new ChatCompletionOptions { MaxOutputTokenCount = 10, {|CLOVA001:Metadata|} = { ["team"] = "search" } };
        {|CLOVA001:options.Metadata|}["k"] = "v";
        {|CLOVA001:options.Metadata|}.Add("k2", "v");
        {|CLOVA001:options.LogitBiases|}.Add(1, 2);
        options.StopSequences.Add("end");
        System.Console.WriteLine(options);
        """);

    [Fact]
    public Task Patch_paths_naming_unsupported_fields_warn() => ClovaVerifier.VerifyAsync("""
        using OpenAI.Chat;
        using OpenAI.Embeddings;
        var options = new ChatCompletionOptions { MaxOutputTokenCount = 10 };
        options.Patch.Set({|CLOVA001:"$.logprobs"u8|}, true);
        options.Patch.Set("$.top_k"u8, 20);
        var embedding = new EmbeddingGenerationOptions();
        embedding.Patch.Set({|CLOVA001:"$.user"u8|}, "u");
        embedding.Patch.Set("$.encoding_format"u8, "float");
        System.Console.WriteLine($"{options}{embedding}");
        """);

    [Fact]
    public Task Keys_of_raw_request_bodies_warn_but_other_dictionaries_do_not() => ClovaVerifier.VerifyAsync("""
        using System.Collections.Generic;
        using System.Text.Json.Nodes;
        var anonymous = new { model = "HCX-005", messages = new[] { new { role = "user", content = "hi" } }, max_tokens = 100, {|CLOVA001:logprobs|} = true };
        var dictionary = new Dictionary<string, object> { ["model"] = "HCX-005", ["messages"] = new object[0], [{|CLOVA001:"user"|}] = "u", ["max_tokens"] = 10 };
        var json = new JsonObject { ["model"] = "bge-m3", ["input"] = "text", ["encoding_format"] = "float", [{|CLOVA001:"user"|}] = "u" };
        var built = new Dictionary<string, object?>();
        built["model"] = "HCX-005";
        built["messages"] = null;
        built["max_tokens"] = 10;
        built.Add({|CLOVA001:"store"|}, true);
        if (built.Count > 1)
        {
            built[{|CLOVA001:"logprobs"|}] = true;
        }
        var added = new Dictionary<string, object> { { "model", "HCX-005" }, { "messages", new object[0] }, { "max_tokens", 10 }, { {|CLOVA001:"n"|}, 2 } };
        var notABody = new Dictionary<string, object> { ["user"] = "u", ["store"] = true };
        System.Console.WriteLine($"{anonymous}{dictionary}{json}{built}{added}{notABody}");
        """);

    [Fact]
    public async Task Undocumented_body_keys_are_info_and_unsupported_ones_warnings()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync("""
            var body = new { model = "HCX-005", messages = new object[0], max_tokens = 10, safety_identifier = "s", logprobs = true };
            System.Console.WriteLine(body);
            """);

        var reported = diagnostics.Where(d => d.Id == "CLOVA001").ToDictionary(d => d.GetMessage().Split('\'')[1], d => d.Severity);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, reported["safety_identifier"]);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, reported["logprobs"]);
        Assert.Equal(2, reported.Count);
    }

    [Fact]
    public Task Fix_all_removes_adds_indexers_patches_and_body_keys_keeping_the_rest() => ClovaVerifier.VerifyFixAsync("""
        using System.Collections.Generic;
        using OpenAI.Chat;
        var options = new ChatCompletionOptions
        {
            MaxOutputTokenCount = 10,
            {|CLOVA001:Metadata|} = { ["team"] = "search" },
        };
        {|CLOVA001:options.Metadata|}["k"] = "v";
        {|CLOVA001:options.LogitBiases|}.Add(1, 2);
        options.Patch.Set({|CLOVA001:"$.logprobs"u8|}, true);
        var body = new { model = "HCX-005", messages = new object[0], {|CLOVA001:logprobs|} = true, max_tokens = 10 };
        var dictionary = new Dictionary<string, object>
        {
            ["model"] = "HCX-005",
            ["messages"] = new object[0],
            [{|CLOVA001:"user"|}] = "u",
            ["max_tokens"] = 10,
        };
        var added = new Dictionary<string, object> { { "model", "HCX-005" }, { "messages", new object[0] }, { "max_tokens", 10 }, { {|CLOVA001:"n"|}, 2 } };
        System.Console.WriteLine($"{options}{body}{dictionary}{added}");
        """, """
        using System.Collections.Generic;
        using OpenAI.Chat;
        var options = new ChatCompletionOptions
        {
            MaxOutputTokenCount = 10,
        };
        var body = new { model = "HCX-005", messages = new object[0], max_tokens = 10 };
        var dictionary = new Dictionary<string, object>
        {
            ["model"] = "HCX-005",
            ["messages"] = new object[0],
            ["max_tokens"] = 10,
        };
        var added = new Dictionary<string, object> { { "model", "HCX-005" }, { "messages", new object[0] }, { "max_tokens", 10 } };
        System.Console.WriteLine($"{options}{body}{dictionary}{added}");
        """, new UnsupportedFieldFixer());

    [Fact]
    public Task Finding5_lookalike_bags_and_patches_are_not_request_bodies() => ClovaVerifier.VerifyAsync("""
        var body = new Lookalike.JsonObject { ["model"] = "HCX-005", ["messages"] = "[]", ["logprobs"] = true };
        new Lookalike.Options().Patch.Set("$.logprobs"u8, true);
        var real = new System.Text.Json.Nodes.JsonObject { ["model"] = "HCX-005", ["messages"] = "[]", ["max_tokens"] = 10, [{|CLOVA001:"logprobs"|}] = true };
        System.Console.WriteLine($"{body}{real}");
        """ + LookalikeUserTypes.Source);

    [Fact]
    public Task Semantic_kernel_settings_members_that_send_unsupported_fields_warn() => ClovaVerifier.VerifyAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new OpenAIPromptExecutionSettings
        {
            Temperature = 0.5,
            MaxTokens = 256,
            {|CLOVA001:Logprobs|} = true,
            {|CLOVA001:TopLogprobs|} = 2,
            {|CLOVA001:User|} = "user-1",
            {|CLOVA001:TokenSelectionBiases|} = new Dictionary<int, int> { [42] = 5 },
            {|CLOVA001:Store|} = true,
            {|CLOVA001:Metadata|} = new Dictionary<string, string> { ["team"] = "a" },
            {|CLOVA001:ReasoningEffort|} = "low",
            ExtraBody = new Dictionary<string, object?> { ["top_k"] = 20 },
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
        };
        var parallel = new FunctionChoiceBehaviorOptions { {|CLOVA001:AllowParallelCalls|} = true };
        System.Console.WriteLine($"{settings}{parallel}");
        """);

    [Fact]
    public Task Fix_removes_an_unsupported_semantic_kernel_setting() => ClovaVerifier.VerifyFixAsync("""
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256, {|CLOVA001:User|} = "user-1" };
        System.Console.WriteLine(settings);
        """, """
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256 };
        System.Console.WriteLine(settings);
        """, new UnsupportedFieldFixer());

    /// <summary>Issue 19: in endpoint scope an SK registration with a CLOVA URL, or over ClovaOpenAI's client, is a CLOVA call site; one with OpenAI's URL is not.</summary>
    [Theory]
    [InlineData("new Uri(\"https://clovastudio.stream.ntruss.com/v1/openai\"), key", true)]
    [InlineData("ClovaOpenAI.CreateClient(key)", true)]
    [InlineData("new Uri(\"https://api.openai.com/v1\"), key", false)]
    public Task Semantic_kernel_settings_in_endpoint_scope_warn_only_for_a_clova_registration(string registration, bool clova) => ClovaVerifier.VerifyAsync($$"""
        using System;
        using System.Threading.Tasks;
        using ClovaCodegen.OpenAI;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.Connectors.OpenAI;

        Console.WriteLine();

        static class Assistant
        {
            static async Task Ask(string key)
            {
                var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("HCX-005", {{registration}}).Build();
                var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256, {{(clova ? "{|CLOVA001:User|}" : "User")}} = "user-1" };
                await kernel.InvokePromptAsync("hi", new KernelArguments(settings));
            }
        }
        """, scope: "endpoint");

    [Fact]
    public Task Semantic_kernel_modalities_audio_and_web_search_are_flagged_by_their_status() => ClovaVerifier.VerifyAsync("""
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256, {|CLOVA001:Modalities|} = "text, audio", {|CLOVA001:Audio|} = "{}", {|CLOVA001:WebSearchOptions|} = "{}" };
        System.Console.WriteLine(settings);
        """);

    /// <summary>Issue 19: SK sends each ExtraBody entry as a top-level wire field, so its keys are checked as a raw body's are.</summary>
    [Fact]
    public Task Semantic_kernel_extra_body_keys_naming_unsupported_fields_warn() => ClovaVerifier.VerifyAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new OpenAIPromptExecutionSettings
        {
            MaxTokens = 256,
            ExtraBody = new Dictionary<string, object?> { ["top_k"] = 20, [{|CLOVA001:"user"|}] = "user-1" },
        };
        var added = new OpenAIPromptExecutionSettings { MaxTokens = 256, ExtraBody = new Dictionary<string, object?> { { "top_k", 20 }, { {|CLOVA001:"store"|}, true } } };
        settings.ExtraBody[{|CLOVA001:"logprobs"|}] = true;
        settings.ExtraBody.Add({|CLOVA001:"metadata"|}, new Dictionary<string, string>());
        settings.ExtraBody["repetition_penalty"] = 1.1;
        settings.ExtraBody[{|CLOVA001:"web_search_options"|}] = null;
        var unrelated = new Dictionary<string, object?> { ["user"] = "not a request" };
        System.Console.WriteLine($"{settings}{added}{unrelated}");
        """);

    /// <summary>
    /// Issue 19: plain PromptExecutionSettings reach SK's OpenAI connector through a JSON round trip into
    /// OpenAIPromptExecutionSettings, so an ExtensionData key the connector reads (the spec's readKeys) sends the field
    /// that member is bound to: user, logprobs, token_selection_biases (logit_bias) are unsupported. Keys it drops are
    /// CLOVA009's, supported ones are silent, and on OpenAIPromptExecutionSettings every entry is dropped (no CLOVA001).
    /// </summary>
    [Fact]
    public Task Semantic_kernel_plain_settings_extension_data_keys_the_connector_sends_as_unsupported_fields_warn() => ClovaVerifier.VerifyAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var plain = new PromptExecutionSettings
        {
            ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 256, [{|CLOVA001:"user"|}] = "user-1", [{|CLOVA009:"top_k"|}] = 20 },
        };
        plain.ExtensionData[{|CLOVA001:"logprobs"|}] = true;
        plain.ExtensionData.Add({|CLOVA001:"token_selection_biases"|}, new Dictionary<int, int> { [42] = 5 });
        plain.ExtensionData["temperature"] = 0.5;
        var later = new {|CLOVA008:PromptExecutionSettings|}();
        later.ExtensionData = new Dictionary<string, object> { { {|CLOVA001:"store"|}, true }, { "stop_sequences", new[] { "END" } } };
        var openai = new OpenAIPromptExecutionSettings { MaxTokens = 256, {|CLOVA009:ExtensionData|} = new Dictionary<string, object> { ["user"] = "user-1" } };
        var unrelated = new Dictionary<string, object> { ["user"] = "not a request" };
        System.Console.WriteLine($"{plain}{later}{openai}{unrelated}");
        """);

    /// <summary>
    /// Issue 19: the connector reads plain settings' <c>ExtensionData["extra_body"]</c> into ExtraBody (readAs; captured in
    /// SettingsWireTests), whose entries it sends as top-level fields: their keys are judged as ExtraBody's are. On
    /// OpenAIPromptExecutionSettings ExtensionData is dropped whole, "extra_body" and all (CLOVA009 only).
    /// </summary>
    [Fact]
    public Task Semantic_kernel_plain_settings_extra_body_keys_naming_unsupported_fields_warn() => ClovaVerifier.VerifyAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var plain = new PromptExecutionSettings
        {
            ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 256, ["extra_body"] = new Dictionary<string, object?> { ["top_k"] = 20, [{|CLOVA001:"user"|}] = "u", [{|CLOVA001:"$.logprobs"|}] = true } },
        };
        plain.ExtensionData["extra_body"] = new Dictionary<string, object?> { { {|CLOVA001:"store"|}, true } };
        plain.ExtensionData.Add("extra_body", new Dictionary<string, object?> { [{|CLOVA001:"metadata"|}] = null });
        var openai = new OpenAIPromptExecutionSettings { MaxTokens = 256, {|CLOVA009:ExtensionData|} = new Dictionary<string, object> { ["extra_body"] = new Dictionary<string, object?> { ["user"] = "u" } } };
        System.Console.WriteLine($"{plain}{openai}");
        """);

    [Fact]
    public Task Fix_removes_an_unsupported_key_of_plain_semantic_kernel_settings_extra_body() => ClovaVerifier.VerifyFixAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        var plain = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 256, ["extra_body"] = new Dictionary<string, object?> { ["top_k"] = 20, [{|CLOVA001:"user"|}] = "u" } } };
        System.Console.WriteLine(plain);
        """, """
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        var plain = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 256, ["extra_body"] = new Dictionary<string, object?> { ["top_k"] = 20 } } };
        System.Console.WriteLine(plain);
        """, new UnsupportedFieldFixer());

    /// <summary>
    /// The type plain settings are read into comes from the spec's <c>readAs</c>, not from the analyzer: a user spec that
    /// says the adapter reads ExtensionData into its own settings type (whose <c>end_user</c> property sends <c>user</c>)
    /// flags <c>"end_user"</c>, and no longer <c>"user"</c>, which names no property of that type.
    /// </summary>
    [Fact]
    public Task The_type_plain_settings_are_read_into_is_the_specs_read_as() => ClovaVerifier.VerifyAsync("""
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using Microsoft.SemanticKernel;
        var plain = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { [{|CLOVA001:"end_user"|}] = "u", ["user"] = "u" } };
        plain.ExtensionData[{|CLOVA001:"end_user"|}] = "u";
        System.Console.WriteLine(plain);
        namespace Custom
        {
            public sealed class ConnectorSettings : PromptExecutionSettings
            {
                [JsonPropertyName("end_user")]
                public string? EndUser { get; set; }
            }
        }
        """, specText: SpecReadingPlainSettingsInto("Custom.ConnectorSettings", "end_user", """{ "member": "Custom.ConnectorSettings.EndUser", "endpoint": "chat.completions", "field": "user" }"""));

    /// <summary>The default spec with plain SK settings' ExtensionData read into another type, one more read key, and one more binding.</summary>
    internal static string SpecReadingPlainSettingsInto(string readAs, string readKey, string binding)
    {
        const string defaultReadAs = "\"readAs\": \"Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings\"";
        const string readKeys = "\"readKeys\": [\"audio\",";
        const string bindings = "\"bindings\": [";
        var spec = ClovaCodegen.Spec.SpecReader.DefaultSpecText;
        Assert.Contains(defaultReadAs, spec);
        Assert.Contains(readKeys, spec);
        Assert.Contains(bindings, spec);
        return spec.Replace(defaultReadAs, $"\"readAs\": \"{readAs}\"")
            .Replace(readKeys, $"\"readKeys\": [\"{readKey}\", \"audio\",")
            .Replace(bindings, bindings + binding + ",");
    }

    [Fact]
    public Task Fix_removes_an_unsupported_key_of_plain_semantic_kernel_settings() => ClovaVerifier.VerifyFixAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        var plain = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 256, [{|CLOVA001:"user"|}] = "user-1" } };
        plain.ExtensionData[{|CLOVA001:"logprobs"|}] = true;
        System.Console.WriteLine(plain);
        """, """
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        var plain = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 256 } };
        System.Console.WriteLine(plain);
        """, new UnsupportedFieldFixer());

    /// <summary>
    /// Issue 19: SK applies an ExtraBody key that starts with <c>$.</c> as a JSON path patch (SettingsWireTests captures it),
    /// so the path's first segment is the top-level field it writes: unsupported there as it is as a plain key. A key
    /// without <c>$.</c> is a literal field name, dots and all.
    /// </summary>
    [Fact]
    public Task Semantic_kernel_extra_body_path_keys_warn_for_the_top_level_field_they_write() => ClovaVerifier.VerifyAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new OpenAIPromptExecutionSettings
        {
            MaxTokens = 256,
            ExtraBody = new Dictionary<string, object?> { ["$.top_k"] = 20, [{|CLOVA001:"$.user"|}] = "user-1", [{|CLOVA001:"$.metadata.team"|}] = "a" },
        };
        settings.ExtraBody[{|CLOVA001:"$.logprobs"|}] = true;
        settings.ExtraBody["$.thinking.effort"] = "low";
        settings.ExtraBody["user.name"] = "a literal top-level field named user.name";
        System.Console.WriteLine(settings);
        """);

    [Fact]
    public Task Fix_removes_an_unsupported_semantic_kernel_extra_body_entry() => ClovaVerifier.VerifyFixAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256, ExtraBody = new Dictionary<string, object?> { ["top_k"] = 20, [{|CLOVA001:"user"|}] = "user-1" } };
        settings.ExtraBody.Add({|CLOVA001:"store"|}, true);
        System.Console.WriteLine(settings);
        """, """
        using System.Collections.Generic;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256, ExtraBody = new Dictionary<string, object?> { ["top_k"] = 20 } };
        System.Console.WriteLine(settings);
        """, new UnsupportedFieldFixer());
}
