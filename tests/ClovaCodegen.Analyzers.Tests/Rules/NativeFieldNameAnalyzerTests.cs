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
}
