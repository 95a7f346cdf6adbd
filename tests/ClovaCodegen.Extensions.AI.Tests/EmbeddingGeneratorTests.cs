using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using Microsoft.Extensions.AI;
using Xunit;

namespace ClovaCodegen.Extensions.AI.Tests;

/// <summary>ClovaEmbeddingGenerator against the emulator.</summary>
public sealed class EmbeddingGeneratorTests : EmulatorClientTests
{
    [Fact]
    public async Task Bge_m3_gives_1024_dimension_unit_vectors_in_input_order_requested_as_float()
    {
        var generator = new ClovaEmbeddingGenerator(Client);

        var embeddings = await generator.GenerateAsync(new[] { "첫 번째", "second" });

        Assert.Equal(2, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal(1024, e.Vector.Length));
        Assert.All(embeddings, e => Assert.Equal(1.0, Math.Sqrt(e.Vector.ToArray().Sum(v => (double)v * v)), 3));
        Assert.All(embeddings, e => Assert.Equal("bge-m3", e.ModelId));
        Assert.NotEqual(embeddings[0].Vector.ToArray(), embeddings[1].Vector.ToArray());
        var again = await generator.GenerateVectorAsync("second");
        Assert.Equal(embeddings[1].Vector.ToArray(), again.ToArray());
        var body = Wire.LastBody;
        Assert.Equal("float", body.GetProperty("encoding_format").GetString());
        Assert.Equal("bge-m3", body.GetProperty("model").GetString());
    }

    [Fact]
    public void Metadata_carries_the_provider_and_the_spec_dimension()
    {
        var metadata = new ClovaEmbeddingGenerator(Client).GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal("clova-studio", metadata!.ProviderName);
        Assert.Equal("bge-m3", metadata.DefaultModelId);
        Assert.Equal(1024, metadata.DefaultModelDimensions);
        Assert.Null(new ClovaEmbeddingGenerator(Client, "clir-emb-dolphin").GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions);
    }

    [Fact]
    public async Task Dimensions_are_sent_and_unsupported_options_follow_the_mode()
    {
        await new ClovaEmbeddingGenerator(Client).GenerateAsync(new[] { "x" }, new EmbeddingGenerationOptions { Dimensions = 1024 });
        Assert.Equal(1024, Wire.LastBody.GetProperty("dimensions").GetInt32());

        var withUser = new EmbeddingGenerationOptions { AdditionalProperties = new AdditionalPropertiesDictionary { ["user"] = "u1" } };
        var sentBefore = Wire.Bodies.Count;
        var error = await Assert.ThrowsAsync<ClovaCompatibilityException>(() => new ClovaEmbeddingGenerator(Client).GenerateAsync(new[] { "x" }, withUser));
        Assert.Equal(new[] { "user" }, error.Fields);
        Assert.Equal(sentBefore, Wire.Bodies.Count);

        var lenient = await new ClovaEmbeddingGenerator(Client, mode: ClovaCompatibilityMode.Lenient).GenerateAsync(new[] { "x" }, withUser);
        Assert.Single(lenient);
        Assert.False(Wire.LastBody.TryGetProperty("user", out _));
    }
}
