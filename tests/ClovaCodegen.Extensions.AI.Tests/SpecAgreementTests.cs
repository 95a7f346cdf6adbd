using System.Linq;
using ClovaCodegen.Spec;
using ClovaCodegen.Spec.Model;
using Xunit;

namespace ClovaCodegen.Extensions.AI.Tests;

/// <summary>The adapter's run-time field lists are the spec's (the spec reader is not shipped to run time).</summary>
public sealed class SpecAgreementTests
{
    private static readonly CompatSpec Spec = SpecReader.ReadDefault().Spec!;

    private static string[] Fields(string endpoint, FieldStatus status) =>
        Spec.FindEndpoint(endpoint)!.Fields.Where(f => f.Status == status).Select(f => f.Name).OrderBy(n => n).ToArray();

    [Fact]
    public void Unsupported_and_clova_only_fields_equal_the_spec()
    {
        Assert.Equal(Fields("chat.completions", FieldStatus.Unsupported), ClovaWireFields.UnsupportedChat.OrderBy(n => n));
        Assert.Equal(Fields("chat.completions", FieldStatus.ClovaOnly), ClovaWireFields.ClovaOnlyChat.OrderBy(n => n));
        Assert.Equal(Fields("embeddings", FieldStatus.Unsupported), ClovaWireFields.UnsupportedEmbeddings.OrderBy(n => n));
    }

    [Fact]
    public void Native_names_and_embedding_dimensions_equal_the_spec()
    {
        var native = Spec.FindEndpoint("chat.completions")!.Fields.SelectMany(f => f.NativeNames.Select(n => (n, f.Name))).OrderBy(p => p.n).ToArray();
        Assert.Equal(native, ClovaWireFields.NativeChatNames.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key).ToArray());

        var dimensions = Spec.FindEndpoint("embeddings")!.Models.Where(m => m.Dimension is not null).Select(m => (m.Name, m.Dimension!.Value)).OrderBy(p => p.Name).ToArray();
        Assert.Equal(dimensions, ClovaWireFields.EmbeddingDimensions.Select(p => (p.Key, p.Value)).OrderBy(p => p.Key).ToArray());
    }
}
