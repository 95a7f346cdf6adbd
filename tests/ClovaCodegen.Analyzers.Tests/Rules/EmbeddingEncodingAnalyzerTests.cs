using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

public class EmbeddingEncodingAnalyzerTests
{
    [Fact]
    public Task Sdk_embedding_calls_warn_unless_the_options_patch_encoding_format() => AnalyzerHarness.VerifyAsync("""
        using OpenAI.Embeddings;
        var client = new EmbeddingClient("bge-m3", "nv-not-a-real-key");
        {|CLOVA002:client.GenerateEmbedding("a")|};
        static void Patched(EmbeddingClient c)
        {
            var options = new EmbeddingGenerationOptions();
            options.Patch.Set("$.encoding_format"u8, "float");
            c.GenerateEmbedding("a", options);
        }
        """.Replace("\"nv-not-a-real-key\"", "System.Environment.GetEnvironmentVariable(\"K\")!"));
}
