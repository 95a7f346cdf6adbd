using System.Collections.Generic;
using System.IO;
using System.Linq;
using ClovaCodegen.Spec.Json;
using Xunit;

namespace ClovaCodegen.Spec.Tests;

/// <summary>
/// The JSON Schema (for editors) and the reader (for tools) describe the same format: every property the default spec
/// uses is declared by the schema, the spec references the schema, and the schema's enums match the reader's words.
/// </summary>
public class SchemaAgreementTests
{
    private static JsonNode Parse(string path) => JsonParser.Parse(File.ReadAllText(path)).Root!;

    [Fact]
    public void Default_spec_references_its_schema()
    {
        var spec = Parse(RepositoryPaths.DefaultSpec);

        Assert.Equal("./clova-openai-compat.schema.json", spec.Find("$schema")!.Value.StringValue);
    }

    [Fact]
    public void Every_property_used_by_the_default_spec_is_declared_in_the_schema()
    {
        var schema = Parse(RepositoryPaths.Schema);
        var spec = Parse(RepositoryPaths.DefaultSpec);
        var undeclared = new List<string>();
        Walk(spec, schema, schema, "$", undeclared);

        Assert.Empty(undeclared);
    }

    [Fact]
    public void Status_words_of_the_schema_are_the_readers()
    {
        var schema = Parse(RepositoryPaths.Schema);
        var status = schema.Find("definitions")!.Value.Find("field")!.Value.Find("properties")!.Value.Find("status")!.Value.Find("enum")!.Value;

        Assert.Equal(new[] { "supported", "unsupported", "clova-only", "undocumented" }, status.Items.Select(i => i.StringValue));
        Assert.Equal(Model.EndpointSpec.KnownIds.ToArray(),
            schema.Find("properties")!.Value.Find("endpoints")!.Value.Find("items")!.Value.Find("properties")!.Value.Find("id")!.Value.Find("enum")!.Value.Items.Select(i => i.StringValue));
    }

    private static void Walk(JsonNode value, JsonNode schema, JsonNode root, string path, List<string> undeclared)
    {
        schema = Resolve(schema, root);
        if (value.Kind == JsonNodeKind.Object)
        {
            var properties = schema.Find("properties")?.Value;
            var additional = schema.Find("additionalProperties")?.Value;
            foreach (var property in value.Properties)
            {
                var declared = properties?.Find(property.Name)?.Value;
                if (declared is not null)
                {
                    Walk(property.Value, declared, root, path + "." + property.Name, undeclared);
                }
                else if (additional is { Kind: JsonNodeKind.Object })
                {
                    Walk(property.Value, additional, root, path + "." + property.Name, undeclared);
                }
                else if (additional is { Kind: JsonNodeKind.False })
                {
                    undeclared.Add(path + "." + property.Name);
                }
            }
        }
        else if (value.Kind == JsonNodeKind.Array && schema.Find("items")?.Value is { } items)
        {
            for (var i = 0; i < value.Items.Count; i++)
            {
                Walk(value.Items[i], items, root, $"{path}[{i}]", undeclared);
            }
        }
    }

    private static JsonNode Resolve(JsonNode schema, JsonNode root)
    {
        var reference = schema.Find("$ref")?.Value.StringValue;
        if (reference is null)
        {
            return schema;
        }

        var node = root;
        foreach (var segment in reference.TrimStart('#', '/').Split('/'))
        {
            node = node.Find(segment)!.Value;
        }

        return node;
    }
}
