using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

public class NativeFieldNameAnalyzerTests
{
    [Fact]
    public Task Camel_case_keys_in_dictionaries_and_anonymous_bodies_warn() => AnalyzerHarness.VerifyAsync("""
        using System.Collections.Generic;
        var body = new Dictionary<string, object> { ["model"] = "HCX-005", [{|CLOVA005:"topK"|}] = 20 };
        body.Add({|CLOVA005:"repetitionPenalty"|}, 1.1);
        body["top_k"] = 5;
        var anonymous = new { model = "HCX-005", {|CLOVA005:maxTokens|} = 100 };
        var unrelated = "topK";
        System.Console.WriteLine($"{body}{anonymous}{unrelated}");
        """);

    [Fact]
    public async Task Fix_renames_to_the_wire_name_and_fix_all_renames_every_key()
    {
        const string source = "var b = new System.Collections.Generic.Dictionary<string, object> { [\"topK\"] = 1, [\"repeatPenalty\"] = 2 };\nSystem.Console.WriteLine(b);";

        var all = await AnalyzerHarness.FixAsync(source, "CLOVA005", new LiteralReplacementFixer(), fixAll: true);

        Assert.Contains("[\"top_k\"] = 1", all);
        Assert.Contains("[\"repeat_penalty\"] = 2", all);
    }
}
