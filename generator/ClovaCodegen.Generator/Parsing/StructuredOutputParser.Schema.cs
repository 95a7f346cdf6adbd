using System.Collections.Generic;
using System.Linq;
using System.Text;
using ClovaCodegen.Generator.Model;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Generator.Parsing;

internal static partial class StructuredOutputParser
{
    internal sealed partial class Reader
    {
        private Dictionary<int, string>? _definitionNames;

        /// <summary>
        /// Whether a type described so far contains itself. Its schema needs <c>$ref</c>, which <see cref="Schema"/> writes
        /// relative to one root; a tool's parameters are several roots inside one object, so the tool parser refuses them.
        /// </summary>
        public bool HasRecursiveTypes => _recursive.Count > 0;

        /// <summary>
        /// The schema of the root node as compact JSON. Objects are inlined, except those that contain themselves: the root
        /// is then referenced as <c>{"$ref":"#"}</c>, any other recursive type is written once under <c>$defs</c> and
        /// referenced as <c>{"$ref":"#/$defs/Name"}</c> (OpenAI's strict mode accepts both, recursion included; the spec
        /// marks <c>$ref</c>, <c>$defs</c> and <c>anyOf</c> uncertain for CLOVA Studio, like every keyword).
        /// </summary>
        public string Schema(SchemaNode root, string? description = null)
        {
            _definitionNames = DefinitionNames();
            var builder = new StringBuilder();
            WriteSchema(builder, root, description, inline: true);
            if (_definitionNames.Count > 0)
            {
                // The root is an object: "$defs" goes before its closing brace.
                builder.Length--;
                builder.Append(",\"$defs\":{");
                var first = true;
                foreach (var index in _recursive.Where(i => i != 0))
                {
                    builder.Append(first ? "" : ",").Append(Quote(_definitionNames[index])).Append(':');
                    var shape = ObjectSlots[index]!;
                    WriteSchema(builder, new SchemaNode(SchemaKind.Object, shape.TypeName, false, false, null, EquatableArray<string>.Empty, null, false, index), null, inline: true);
                    first = false;
                }

                builder.Append("}}");
            }

            return builder.ToString();
        }

        /// <summary>A <c>$defs</c> name for every recursive type but the root: its simple name, made unique by its index.</summary>
        private Dictionary<int, string> DefinitionNames()
        {
            var names = new Dictionary<int, string>();
            var taken = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var index in _recursive.Where(i => i != 0))
            {
                var typeName = ObjectSlots[index]!.TypeName;
                var simple = typeName.Substring(typeName.LastIndexOfAny(new[] { '.', ':' }) + 1);
                names[index] = taken.Add(simple) ? simple : simple + "_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                taken.Add(names[index]);
            }

            return names;
        }

        private void WriteSchema(StringBuilder json, SchemaNode node, string? description, bool inline = false)
        {
            if (node.Kind == SchemaKind.Object && !inline && _recursive.Contains(node.ObjectIndex))
            {
                WriteReference(json, node, description);
                return;
            }

            json.Append('{');
            if (description is not null)
            {
                json.Append("\"description\":").Append(Quote(description)).Append(',');
            }

            var word = node.Kind switch
            {
                SchemaKind.String or SchemaKind.Enum => "string",
                SchemaKind.Boolean => "boolean",
                SchemaKind.Integer => "integer",
                SchemaKind.Number => "number",
                SchemaKind.Array => "array",
                _ => "object",
            };
            json.Append("\"type\":").Append(node.Nullable ? $"[\"{word}\",\"null\"]" : $"\"{word}\"");
            switch (node.Kind)
            {
                case SchemaKind.Enum:
                    json.Append(",\"enum\":[").Append(string.Join(",", node.EnumMembers.Select(Quote))).Append(node.Nullable ? ",null]" : "]");
                    break;
                case SchemaKind.Array:
                    json.Append(",\"items\":");
                    WriteSchema(json, node.Element!, null);
                    break;
                case SchemaKind.Object:
                    var shape = ObjectSlots[node.ObjectIndex]!;
                    if (shape.Description is not null && description is null)
                    {
                        json.Append(",\"description\":").Append(Quote(shape.Description));
                    }

                    json.Append(",\"properties\":{");
                    var first = true;
                    foreach (var property in shape.Properties)
                    {
                        json.Append(first ? "" : ",").Append(Quote(property.JsonName)).Append(':');
                        WriteSchema(json, property.Schema, property.Description);
                        first = false;
                    }

                    json.Append("},\"required\":[").Append(string.Join(",", shape.Properties.Select(p => Quote(p.JsonName)))).Append("],\"additionalProperties\":false");
                    break;
            }

            json.Append('}');
        }

        /// <summary>
        /// A reference to a recursive type. A plain <c>{"$ref":...}</c> has no siblings (OpenAI's strict mode does not take
        /// keywords beside <c>$ref</c>); a description or null goes on an <c>anyOf</c> around it.
        /// </summary>
        private void WriteReference(StringBuilder json, SchemaNode node, string? description)
        {
            var target = node.ObjectIndex == 0 ? "#" : "#/$defs/" + _definitionNames![node.ObjectIndex];
            var reference = "{\"$ref\":" + Quote(target) + "}";
            if (description is null && !node.Nullable)
            {
                json.Append(reference);
                return;
            }

            json.Append('{');
            if (description is not null)
            {
                json.Append("\"description\":").Append(Quote(description)).Append(',');
            }

            json.Append("\"anyOf\":[").Append(reference).Append(node.Nullable ? ",{\"type\":\"null\"}]}" : "]}");
        }

        private static string Quote(string text) => SpecLiteral.FromString(text).ToJson();
    }
}
