using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

public class NativeFieldNameAnalyzerTests
{
    [Fact]
    public Task Camel_case_keys_in_dictionaries_and_anonymous_bodies_warn() => ClovaVerifier.VerifyAsync("""
        using System.Collections.Generic;
        var body = new Dictionary<string, object> { ["model"] = "HCX-005", ["messages"] = new object[0], ["max_tokens"] = 100, [{|CLOVA005:"topK"|}] = 20 };
        body.Add({|CLOVA005:"repetitionPenalty"|}, 1.1);
        body["top_k"] = 5;
        var anonymous = new { model = "HCX-005", messages = new object[0], {|CLOVA005:maxTokens|} = 100 };
        var unrelated = "topK";
        System.Console.WriteLine($"{body}{anonymous}{unrelated}");
        """);

    [Fact]
    public Task Fix_renames_to_the_wire_name_and_fix_all_renames_every_key() => ClovaVerifier.VerifyFixAsync("""
        var b = new System.Collections.Generic.Dictionary<string, object> { ["model"] = "HCX-005", ["messages"] = new object[0], ["max_tokens"] = 100, [{|CLOVA005:"topK"|}] = 1, [{|CLOVA005:"repeatPenalty"|}] = 2 };
        System.Console.WriteLine(b);
        """, """
        var b = new System.Collections.Generic.Dictionary<string, object> { ["model"] = "HCX-005", ["messages"] = new object[0], ["max_tokens"] = 100, ["top_k"] = 1, ["repeat_penalty"] = 2 };
        System.Console.WriteLine(b);
        """, new LiteralReplacementFixer());

    [Fact]
    public Task Finding4_native_names_are_caught_however_the_field_name_is_written() => ClovaVerifier.VerifyAsync("""
        using System.Collections.Generic;
        using System.Text.Json.Nodes;
        using Microsoft.Extensions.AI;
        using OpenAI.Chat;

        System.Console.WriteLine();

        static class Bodies
        {
            private const string TopK = "topK";

            public static object[] Write()
            {
                var json = new JsonObject { ["model"] = "HCX-005", ["messages"] = new JsonArray(), [{|CLOVA005:"repetitionPenalty"|}] = 1.1 };
                json.Add({|CLOVA005:"maxTokens"|}, 100);
                var dictionary = new Dictionary<string, object> { ["model"] = "HCX-005", ["messages"] = new object[0], ["max_tokens"] = 100, [{|CLOVA005:TopK|}] = 5 };
                var options = new ChatCompletionOptions { MaxOutputTokenCount = 100 };
                options.Patch.Set({|CLOVA005:"$.topK"u8|}, 5);
                var meai = new ChatOptions { MaxOutputTokens = 100, {|CLOVA009:AdditionalProperties|} = new() { [{|CLOVA005:"repeatPenalty"|}] = 1.1 } };
                return new object[] { json, dictionary, options, meai };
            }
        }
        """);

    [Fact]
    public Task Finding8_the_same_names_outside_a_request_body_are_not_request_fields() => ClovaVerifier.VerifyAsync("""
        using System.Collections.Generic;

        System.Console.WriteLine();

        static class Elsewhere
        {
            public static object Read(Dictionary<string, object> response, IDictionary<string, double> otherProviderSettings)
            {
                var settings = new Dictionary<string, object> { ["topP"] = 0.5, ["maxTokens"] = 100 };
                otherProviderSettings["topK"] = 40;
                otherProviderSettings.Add("topP", 0.9);
                System.Diagnostics.Debug.Assert(response["topK"] is 5);
                return settings;
            }
        }
        """);

    /// <summary>A request DTO of the user's: its JSON names (System.Text.Json's or Newtonsoft's attribute, else the property's name) include model and messages.</summary>
    private const string ChatBodyTypes = """

        sealed class ChatBody
        {
            [JsonPropertyName("model")] public string? Model { get; set; }
            [JsonPropertyName("messages")] public object[]? Messages { get; set; }
            [JsonPropertyName("max_tokens")] public int MaxTokens { get; set; }
            [JsonPropertyName("topP")] public double TopP { get; set; }
            [JsonPropertyName("top_k")] public int TopK { get; set; }
        }

        sealed record ChatRecord(
            [property: JsonPropertyName("model")] string Model,
            [property: JsonPropertyName("messages")] object[] Messages,
            [property: JsonPropertyName("repetitionPenalty")] double RepetitionPenalty);
        """;

    [Fact]
    public Task Finding4_a_DTO_property_serialized_under_a_native_name_is_caught_where_it_is_written() => ClovaVerifier.VerifyAsync("""
        using System.Text.Json.Serialization;

        var body = new ChatBody { Model = "HCX-005", Messages = new object[0], MaxTokens = 100, {|CLOVA005:TopP|} = 0.8, TopK = 5 };
        body.{|CLOVA005:TopP|} = 0.9;
        var record = new ChatRecord("HCX-005", new object[0], {|CLOVA005:1.1|});
        System.Console.WriteLine($"{body}{record}");
        """ + ChatBodyTypes);

    [Fact]
    public Task Finding4_a_native_name_a_base_DTO_gives_is_caught_through_an_override_and_an_inherited_property() => ClovaVerifier.VerifyAsync("""
        using System.Text.Json.Serialization;

        var derived = new DerivedBody { Model = "HCX-005", Messages = new object[0], {|CLOVA005:TopP|} = 0.8 };
        derived.{|CLOVA005:RepetitionPenalty|} = 1.1;
        derived.Temperature = 0.5;
        System.Console.WriteLine(derived);

        class BaseBody
        {
            [JsonPropertyName("model")] public string? Model { get; set; }
            [JsonPropertyName("messages")] public object[]? Messages { get; set; }
            [JsonPropertyName("topP")] public virtual double TopP { get; set; }
            [JsonPropertyName("repetitionPenalty")] public double RepetitionPenalty { get; set; }
        }

        sealed class DerivedBody : BaseBody
        {
            public override double TopP { get; set; }
            [JsonPropertyName("temperature")] public double Temperature { get; set; }
        }
        """);

    [Fact]
    public Task Finding4_DTOs_that_never_become_a_chat_request_body_are_not_request_fields() => ClovaVerifier.VerifyAsync("""
        using System.Text.Json;
        using System.Text.Json.Serialization;

        // CLOVA Studio's native API (v3) takes topP: its body names the model in the URL, not in a model field.
        var native = new NativeRequest { Messages = new object[0], TopP = 0.8, MaxTokens = 100 };
        // Read, never written: a DTO that is deserialized is no request.
        var read = JsonSerializer.Deserialize<ChatBody>("{}")!;
        System.Console.WriteLine($"{native}{read.TopP}");

        sealed class NativeRequest
        {
            [JsonPropertyName("messages")] public object[]? Messages { get; set; }
            [JsonPropertyName("topP")] public double TopP { get; set; }
            [JsonPropertyName("maxTokens")] public int MaxTokens { get; set; }
        }
        """ + ChatBodyTypes);

    [Fact]
    public Task Finding4_in_endpoint_scope_a_DTO_is_a_CLOVA_body_only_where_it_is_sent_to_CLOVA() => ClovaVerifier.VerifyAsync("""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text.Json.Serialization;

        System.Console.WriteLine();

        static class Senders
        {
            static object ToClova(HttpClient http)
            {
                var body = new ChatBody { Model = "HCX-005", Messages = new object[0], MaxTokens = 100, {|CLOVA005:TopP|} = 0.8 };
                return http.PostAsync("https://clovastudio.stream.ntruss.com/v1/openai/chat/completions", JsonContent.Create(body));
            }

            static object Elsewhere(HttpClient http)
            {
                var body = new ChatBody { Model = "other-model", Messages = new object[0], MaxTokens = 100, TopP = 0.8 };
                return http.PostAsync("https://llm.example.com/v1/chat", JsonContent.Create(body));
            }
        }
        """ + ChatBodyTypes, scope: "endpoint");

    [Fact]
    public Task Finding4_fix_renames_the_DTOs_JSON_name_where_it_is_declared_once_however_often_it_is_written() => ClovaVerifier.VerifyFixAsync("""
        using System.Text.Json.Serialization;

        var body = new ChatBody { Model = "HCX-005", Messages = new object[0], MaxTokens = 100, {|CLOVA005:TopP|} = 0.8 };
        body.{|CLOVA005:TopP|} = 0.9;
        var record = new ChatRecord("HCX-005", new object[0], {|CLOVA005:1.1|});
        System.Console.WriteLine($"{body}{record}");
        """ + ChatBodyTypes, """
        using System.Text.Json.Serialization;

        var body = new ChatBody { Model = "HCX-005", Messages = new object[0], MaxTokens = 100, TopP = 0.8 };
        body.TopP = 0.9;
        var record = new ChatRecord("HCX-005", new object[0], 1.1);
        System.Console.WriteLine($"{body}{record}");
        """ + ChatBodyTypes.Replace("\"topP\"", "\"top_p\"").Replace("\"repetitionPenalty\"", "\"repetition_penalty\""), new LiteralReplacementFixer());

    [Fact]
    public Task Finding4_fix_renames_anonymous_members_and_UTF8_Patch_paths_but_leaves_named_constants() => ClovaVerifier.VerifyFixAsync("""
        using System.Collections.Generic;
        using OpenAI.Chat;

        const string TopK = "topK";
        var topP = 0.8;
        var anonymous = new { model = "HCX-005", messages = new object[0], max_tokens = 100, {|CLOVA005:repetitionPenalty|} = 1.1, {|CLOVA005:topP|} };
        var options = new ChatCompletionOptions { MaxOutputTokenCount = 100 };
        options.Patch.Set({|CLOVA005:"$.topK"u8|}, 5);
        var dictionary = new Dictionary<string, object> { ["model"] = "HCX-005", ["messages"] = new object[0], ["max_tokens"] = 100, [{|CLOVA005:TopK|}] = 5 };
        System.Console.WriteLine($"{anonymous}{options}{dictionary}");
        """, """
        using System.Collections.Generic;
        using OpenAI.Chat;

        const string TopK = "topK";
        var topP = 0.8;
        var anonymous = new { model = "HCX-005", messages = new object[0], max_tokens = 100, repetition_penalty = 1.1, top_p = topP };
        var options = new ChatCompletionOptions { MaxOutputTokenCount = 100 };
        options.Patch.Set("$.top_k"u8, 5);
        var dictionary = new Dictionary<string, object> { ["model"] = "HCX-005", ["messages"] = new object[0], ["max_tokens"] = 100, [{|CLOVA005:TopK|}] = 5 };
        System.Console.WriteLine($"{anonymous}{options}{dictionary}");
        """, new LiteralReplacementFixer());

    [Fact]
    public Task Finding4_native_names_in_a_JSON_chat_body_are_caught_and_renamed_in_its_text() => ClovaVerifier.VerifyFixAsync(""""
        using System;
        using System.ClientModel;
        using System.Net.Http;
        using OpenAI.Chat;

        var chat = new ChatClient("HCX-005", Environment.GetEnvironmentVariable("K")!);
        var body = """{"model": "HCX-005", "messages": [], "max_tokens": 100, "repetitionPenalty": 1.1}""";
        chat.CompleteChat({|CLOVA005:BinaryContent.Create(BinaryData.FromString(body))|});
        using var content = new StringContent({|CLOVA005:"{\"model\":\"HCX-005\",\"messages\":[],\"max_tokens\":100,\"topK\":5}"|});
        using var valueOnly = new StringContent("{\"model\":\"HCX-005\",\"messages\":[{\"role\":\"user\",\"content\":\"topK\"}],\"max_tokens\":100}");
        """", """"
        using System;
        using System.ClientModel;
        using System.Net.Http;
        using OpenAI.Chat;

        var chat = new ChatClient("HCX-005", Environment.GetEnvironmentVariable("K")!);
        var body = """{"model": "HCX-005", "messages": [], "max_tokens": 100, "repetition_penalty": 1.1}""";
        chat.CompleteChat(BinaryContent.Create(BinaryData.FromString(body)));
        using var content = new StringContent("{\"model\":\"HCX-005\",\"messages\":[],\"max_tokens\":100,\"top_k\":5}");
        using var valueOnly = new StringContent("{\"model\":\"HCX-005\",\"messages\":[{\"role\":\"user\",\"content\":\"topK\"}],\"max_tokens\":100}");
        """", new LiteralReplacementFixer());

    /// <summary>Json.NET's attribute as the rule finds it (by its full name; the package is not referenced here), and another library's attribute of System.Text.Json's simple name.</summary>
    private const string JsonNetStandIn = """

        namespace Newtonsoft.Json
        {
            [System.AttributeUsage(System.AttributeTargets.Property)]
            sealed class JsonPropertyAttribute : System.Attribute
            {
                public JsonPropertyAttribute() { }
                public JsonPropertyAttribute(string propertyName) => PropertyName = propertyName;
                public string? PropertyName { get; set; }
            }
        }

        namespace Lookalike
        {
            [System.AttributeUsage(System.AttributeTargets.Property)]
            sealed class JsonPropertyNameAttribute(string name) : System.Attribute
            {
                public string Name { get; } = name;
            }
        }
        """;

    [Fact]
    public Task Finding4_JsonNET_names_count_as_the_DTOs_and_a_lookalike_attribute_does_not() => ClovaVerifier.VerifyFixAsync("""
        using Newtonsoft.Json;

        var body = new NetBody { Model = "HCX-005", Messages = new object[0], {|CLOVA005:TopK|} = 5, {|CLOVA005:RepetitionPenalty|} = 1.1 };
        var other = new OtherBody { Model = "HCX-005", Messages = new object[0], TopK = 5 };
        System.Console.WriteLine($"{body}{other}");

        sealed class NetBody
        {
            [JsonProperty("model")] public string? Model { get; set; }
            [JsonProperty("messages")] public object[]? Messages { get; set; }
            [JsonProperty("topK")] public int TopK { get; set; }
            [JsonProperty(PropertyName = "repetitionPenalty")] public double RepetitionPenalty { get; set; }
        }

        sealed class OtherBody
        {
            public string? Model { get; set; }
            public object[]? Messages { get; set; }
            [Lookalike.JsonPropertyName("topK")] public int TopK { get; set; }
        }
        """ + JsonNetStandIn, """
        using Newtonsoft.Json;

        var body = new NetBody { Model = "HCX-005", Messages = new object[0], TopK = 5, RepetitionPenalty = 1.1 };
        var other = new OtherBody { Model = "HCX-005", Messages = new object[0], TopK = 5 };
        System.Console.WriteLine($"{body}{other}");

        sealed class NetBody
        {
            [JsonProperty("model")] public string? Model { get; set; }
            [JsonProperty("messages")] public object[]? Messages { get; set; }
            [JsonProperty("top_k")] public int TopK { get; set; }
            [JsonProperty(PropertyName = "repetition_penalty")] public double RepetitionPenalty { get; set; }
        }

        sealed class OtherBody
        {
            public string? Model { get; set; }
            public object[]? Messages { get; set; }
            [Lookalike.JsonPropertyName("topK")] public int TopK { get; set; }
        }
        """ + JsonNetStandIn, new LiteralReplacementFixer());

    /// <summary>Issue 19: a $. ExtraBody key is a path whose first segment is the top-level field: a native name there is renamed in the path.</summary>
    [Fact]
    public Task Semantic_kernel_extra_body_path_keys_with_native_names_are_renamed_in_the_path() => ClovaVerifier.VerifyFixAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256, ExtraBody = new Dictionary<string, object?> { [{|CLOVA005:"$.topK"|}] = 20, ["$.thinking.effort"] = "low" } };
        settings.ExtraBody[{|CLOVA005:"$.repetitionPenalty"|}] = 1.1;
        System.Console.WriteLine(settings);
        """, """
        using System.Collections.Generic;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256, ExtraBody = new Dictionary<string, object?> { ["$.top_k"] = 20, ["$.thinking.effort"] = "low" } };
        settings.ExtraBody["$.repetition_penalty"] = 1.1;
        System.Console.WriteLine(settings);
        """, new LiteralReplacementFixer());

    /// <summary>Issue 19: an ExtraBody key is a top-level wire field, so a native name there never reaches the field.</summary>
    [Fact]
    public Task Semantic_kernel_extra_body_keys_spelled_the_native_way_are_renamed() => ClovaVerifier.VerifyFixAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256, ExtraBody = new Dictionary<string, object?> { [{|CLOVA005:"topK"|}] = 20 } };
        settings.ExtraBody[{|CLOVA005:"repetitionPenalty"|}] = 1.1;
        System.Console.WriteLine(settings);
        """, """
        using System.Collections.Generic;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256, ExtraBody = new Dictionary<string, object?> { ["top_k"] = 20 } };
        settings.ExtraBody["repetition_penalty"] = 1.1;
        System.Console.WriteLine(settings);
        """, new LiteralReplacementFixer());

    /// <summary>Issue 19: plain settings' <c>ExtensionData["extra_body"]</c> is sent as ExtraBody is: a native name among its keys, or its paths', is renamed.</summary>
    [Fact]
    public Task Semantic_kernel_plain_settings_extra_body_keys_spelled_the_native_way_are_renamed() => ClovaVerifier.VerifyFixAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        var plain = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 256, ["extra_body"] = new Dictionary<string, object?> { [{|CLOVA005:"topK"|}] = 20, [{|CLOVA005:"$.repetitionPenalty"|}] = 1.1 } } };
        System.Console.WriteLine(plain);
        """, """
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        var plain = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 256, ["extra_body"] = new Dictionary<string, object?> { ["top_k"] = 20, ["$.repetition_penalty"] = 1.1 } } };
        System.Console.WriteLine(plain);
        """, new LiteralReplacementFixer());
}
