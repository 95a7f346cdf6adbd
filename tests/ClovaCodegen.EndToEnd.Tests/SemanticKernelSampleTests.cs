using System;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace ClovaCodegen.EndToEnd.Tests;

/// <summary>docs/semantic-kernel.md's command, as written, with no CLOVA_STUDIO_API_KEY (so on the emulator).</summary>
[Collection(InRepositoryBuildsCollection.Name)]
public class SemanticKernelSampleTests
{
    [Fact]
    public async Task The_semantic_kernel_sample_sends_top_k_and_float_embeddings_that_the_emulator_accepts()
    {
        var root = PackagedFeed.FindRoot();
        var command = DocumentedCommands.Read(root).First(c => c.Document == "docs/semantic-kernel.md" && c.Text.Contains("samples/SemanticKernel", StringComparison.Ordinal));

        var run = await Dotnet.RunAsync(string.Join(' ', command.Words.Skip(1)), root); // Dotnet.RunAsync removes CLOVA_STUDIO_API_KEY

        run.EnsureSuccess(command.Text);
        var output = run.Output.Replace("\r", "");
        // A prompt and a stream with SK's max_completion_tokens and ExtraBody's top_k, without stream_options; float embeddings.
        Assert.Equal(2, output.Split('\n').Count(l => l.Contains("Sent to /v1/openai/chat/completions:", StringComparison.Ordinal) && l.Contains("max_completion_tokens=256, ", StringComparison.Ordinal) && l.Contains("top_k=20 (accepted)", StringComparison.Ordinal)));
        Assert.Contains("stream=true", output, StringComparison.Ordinal);
        Assert.All(output.Split('\n').Where(l => l.Contains("Sent to", StringComparison.Ordinal)), l => Assert.DoesNotContain("stream_options", l, StringComparison.Ordinal));
        Assert.Contains("Sent to /v1/openai/embeddings: model=\"bge-m3\", encoding_format=\"float\" (accepted)", output, StringComparison.Ordinal);
        Assert.Contains("2 vectors of 1024 numbers", output, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", output, StringComparison.Ordinal);
        Assert.DoesNotContain("nv-semantic-kernel-emulator-key", output, StringComparison.Ordinal);
    }
}
