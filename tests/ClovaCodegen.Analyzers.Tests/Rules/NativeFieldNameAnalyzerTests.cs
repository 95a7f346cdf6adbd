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
        var body = new Dictionary<string, object> { ["model"] = "HCX-005", [{|CLOVA005:"topK"|}] = 20 };
        body.Add({|CLOVA005:"repetitionPenalty"|}, 1.1);
        body["top_k"] = 5;
        var anonymous = new { model = "HCX-005", {|CLOVA005:maxTokens|} = 100 };
        var unrelated = "topK";
        System.Console.WriteLine($"{body}{anonymous}{unrelated}");
        """);

    [Fact]
    public Task Fix_renames_to_the_wire_name_and_fix_all_renames_every_key() => ClovaVerifier.VerifyFixAsync("""
        var b = new System.Collections.Generic.Dictionary<string, object> { [{|CLOVA005:"topK"|}] = 1, [{|CLOVA005:"repeatPenalty"|}] = 2 };
        System.Console.WriteLine(b);
        """, """
        var b = new System.Collections.Generic.Dictionary<string, object> { ["top_k"] = 1, ["repeat_penalty"] = 2 };
        System.Console.WriteLine(b);
        """, new LiteralReplacementFixer());
}
