using System.Collections.Generic;
using System.Linq;
using ClovaCodegen.Generator.Model;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;

namespace ClovaCodegen.Generator;

/// <summary>
/// CLOVA211: a validation attribute on a structured-output member asks for a JSON Schema keyword the spec marks
/// unsupported for CLOVA Studio. The generated schema writes none of these keywords whatever their status (it keeps to
/// the seven every strict implementation accepts), so the constraint never reaches the model; when the spec says CLOVA
/// Studio does not support the keyword either, that is worth a warning at the attribute.
/// </summary>
internal static class StructuredOutputKeywordCheck
{
    public static void Report(SourceProductionContext context, IEnumerable<StructuredOutputModel> types, StructuredOutputsSpec? spec)
    {
        if (spec is null)
        {
            return;
        }

        foreach (var use in types.Where(t => t.CanGenerate).SelectMany(t => t.KeywordUses))
        {
            if (spec.FindKeyword(use.Keyword) is { Status: SchemaTermStatus.Unsupported })
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.StructuredOutputUnsupportedKeyword, use.Location?.ToLocation() ?? Location.None, use.Attribute, use.Member, use.Keyword));
            }
        }
    }
}
