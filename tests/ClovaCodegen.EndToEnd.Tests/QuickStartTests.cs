using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ClovaCodegen.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace ClovaCodegen.EndToEnd.Tests;

/// <summary>The README's first command, as written, on a machine with no CLOVA_STUDIO_API_KEY (so on the emulator).</summary>
[Collection(InRepositoryBuildsCollection.Name)]
public class QuickStartTests
{
    [Fact]
    public async Task QuickStart_shows_varied_canned_answers_a_wire_body_and_the_next_steps()
    {
        var root = PackagedFeed.FindRoot();
        var command = DocumentedCommands.Read(root).First(c => c.Document == "README.md" && c.Text.Contains("samples/QuickStart", StringComparison.Ordinal));

        var run = await Dotnet.RunAsync(string.Join(' ', command.Words.Skip(1)), root); // Dotnet.RunAsync removes CLOVA_STUDIO_API_KEY

        run.EnsureSuccess(command.Text);
        var output = run.Output.Replace("\r", "");
        // The three chat answers (1. completion, 2. stream, 5. OpenAI SDK) are canned, say so, and differ.
        var answers = Regex.Matches(output, @"\[canned\] [^\n]+").Select(m => m.Value.Trim()).ToList();
        Assert.True(answers.Count == 3 && answers.Distinct().Count() == 3, "expected three different canned answers:\n" + output);
        Assert.Contains("canned text", output, StringComparison.Ordinal);
        // One chat body and one embeddings body as sent: CLOVA-only snake_case fields, the max token setting, float embeddings.
        Assert.Matches(@"""top_k"": 20", output);
        Assert.Matches(@"""max_tokens"": 256", output);
        Assert.Contains(@"""encoding_format"":""float""", output, StringComparison.Ordinal);
        Assert.DoesNotContain("nv-quickstart-emulator-key", output, StringComparison.Ordinal);
        // It ends by naming the next two things to try.
        Assert.Contains("Next, try:", output, StringComparison.Ordinal);
        var next = output.Substring(output.LastIndexOf("Next, try:", StringComparison.Ordinal));
        Assert.Contains("1. dotnet build samples/Mistakes", next, StringComparison.Ordinal);
        Assert.Contains("2. CLOVA_STUDIO_API_KEY=", next, StringComparison.Ordinal);
    }
}
