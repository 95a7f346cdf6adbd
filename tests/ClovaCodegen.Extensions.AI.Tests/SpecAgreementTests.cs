using System.Linq;
using ClovaCodegen.Extensions.AI.Wire;
using ClovaCodegen.Spec;
using ClovaCodegen.Spec.Model;
using Xunit;

namespace ClovaCodegen.Extensions.AI.Tests;

/// <summary>
/// The adapter's run-time field tables, generated from the spec by our own generator at build time (the spec reader is
/// not shipped to run time), are the spec's: the build reads the same spec file the reader does.
/// </summary>
public sealed class SpecAgreementTests
{
    private static readonly CompatSpec Spec = SpecReader.ReadDefault().Spec!;

    private static string[] Fields(string endpoint, FieldStatus status) =>
        Spec.FindEndpoint(endpoint)!.Fields.Where(f => f.Status == status).Select(f => f.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();

    [Fact]
    public void Unsupported_and_clova_only_fields_equal_the_spec()
    {
        Assert.Equal(Fields("chat.completions", FieldStatus.Unsupported), ClovaWireFields.UnsupportedChat);
        Assert.Equal(Fields("chat.completions", FieldStatus.ClovaOnly), ClovaWireFields.ClovaOnlyChat);
        Assert.Equal(Fields("embeddings", FieldStatus.Unsupported), ClovaWireFields.UnsupportedEmbeddings);
    }

    [Fact]
    public void Native_names_and_embedding_dimensions_equal_the_spec()
    {
        var native = Spec.FindEndpoint("chat.completions")!.Fields.SelectMany(f => f.NativeNames.Select(n => (n, f.Name))).OrderBy(p => p.n).ToArray();
        Assert.Equal(native, native.Select(p => (p.n, ClovaWireFields.ChatWireNameOf(p.n)!)).ToArray());
        Assert.Null(ClovaWireFields.ChatWireNameOf("max_tokens"));

        var dimensions = Spec.FindEndpoint("embeddings")!.Models.Where(m => m.Dimension is not null).Select(m => (m.Name, m.Dimension!.Value)).OrderBy(p => p.Name).ToArray();
        Assert.Equal(dimensions, dimensions.Select(p => (p.Name, ClovaWireFields.EmbeddingDimensionOf(p.Name)!.Value)).ToArray());
        Assert.Null(ClovaWireFields.EmbeddingDimensionOf("no-such-model"));
    }
}
