using System.Collections.Generic;
using System.Linq;
using ClovaCodegen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace ClovaCodegen.Generator.Parsing;

internal static partial class StructuredOutputParser
{
    internal sealed partial class Reader
    {
        private const string DataAnnotations = "System.ComponentModel.DataAnnotations.";

        public List<SchemaKeywordUse> KeywordUses { get; } = new();

        /// <summary>
        /// Notes each validation attribute on a member (the property, or the record parameter behind it) with the schema
        /// keyword it would need: <c>[Range]</c> minimum and maximum, <c>[StringLength]</c> maxLength (and minLength),
        /// <c>[MinLength]</c>/<c>[MaxLength]</c>/<c>[Length]</c> minLength and maxLength on text or minItems and maxItems on
        /// a list, <c>[RegularExpression]</c> pattern, <c>[DefaultValue]</c> default. Matched by full name, so any
        /// DataAnnotations version counts.
        /// </summary>
        private void CollectKeywordUses(IPropertySymbol property, IParameterSymbol? parameter, SchemaNode schema, string path)
        {
            var attributes = property.GetAttributes().AsEnumerable();
            if (parameter is not null)
            {
                attributes = attributes.Concat(parameter.GetAttributes());
            }

            foreach (var attribute in attributes)
            {
                var name = attribute.AttributeClass?.ToDisplayString();
                if (name is null)
                {
                    continue;
                }

                var list = schema.Kind == SchemaKind.Array;
                var keywords = name switch
                {
                    DataAnnotations + "RangeAttribute" => new[] { "minimum", "maximum" },
                    DataAnnotations + "StringLengthAttribute" => attribute.NamedArguments.Any(a => a.Key == "MinimumLength" && a.Value.Value is int minimum && minimum > 0) ? new[] { "minLength", "maxLength" } : new[] { "maxLength" },
                    DataAnnotations + "MinLengthAttribute" => new[] { list ? "minItems" : "minLength" },
                    DataAnnotations + "MaxLengthAttribute" => new[] { list ? "maxItems" : "maxLength" },
                    DataAnnotations + "LengthAttribute" => list ? new[] { "minItems", "maxItems" } : new[] { "minLength", "maxLength" },
                    DataAnnotations + "RegularExpressionAttribute" => new[] { "pattern" },
                    "System.ComponentModel.DefaultValueAttribute" => new[] { "default" },
                    _ => null,
                };
                if (keywords is null)
                {
                    continue;
                }

                var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken).GetLocation())
                    ?? LocationInfo.From(property.Locations.FirstOrDefault(l => l.IsInSource));
                var shortName = attribute.AttributeClass!.Name.EndsWith("Attribute", System.StringComparison.Ordinal) ? attribute.AttributeClass.Name.Substring(0, attribute.AttributeClass.Name.Length - 9) : attribute.AttributeClass.Name;
                foreach (var keyword in keywords)
                {
                    KeywordUses.Add(new SchemaKeywordUse(keyword, shortName, path, location));
                }
            }
        }
    }
}
