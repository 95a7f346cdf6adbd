using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using ClovaCodegen.Generator.Emitters;
using ClovaCodegen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace ClovaCodegen.Generator;

/// <summary>
/// The tools' output step: reports each method's problems (CLOVA204, CLOVA207, CLOVA210), names against the spec's rule
/// (CLOVA208) and names used twice in a class (CLOVA209), then writes one file per class from the methods that remain.
/// </summary>
internal static class ToolGeneration
{
    public static void Emit(SourceProductionContext context, ImmutableArray<ToolMethodModel> tools, ToolSettings settings)
    {
        if (!settings.Options.GenerateRequests)
        {
            return;
        }

        foreach (var problem in tools.SelectMany(t => t.Diagnostics))
        {
            var descriptor = problem.DescriptorId switch
            {
                "CLOVA207" => DiagnosticDescriptors.ToolTypeNotExpressible,
                "CLOVA210" => DiagnosticDescriptors.ToolMethodNotSupported,
                _ => DiagnosticDescriptors.GeneratorFailure,
            };
            context.ReportDiagnostic(Diagnostic.Create(descriptor, problem.Location?.ToLocation() ?? Location.None, problem.Arguments.Cast<object>().ToArray()));
        }

        var usable = tools.Where(t => t.CanGenerate).ToList();
        if (settings.NamePattern is { } pattern)
        {
            foreach (var tool in usable.Where(t => !Regex.IsMatch(t.ToolName, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ToolName, tool.AttributeLocation?.ToLocation() ?? Location.None, tool.ToolName, pattern));
            }
        }

        foreach (var type in usable.GroupBy(t => t.Container.TypeName, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // A tool name or handle used twice: every method that shares it is left out, so the rest still compiles.
            var clashes = type.SelectMany(t => new[] { (Name: "tool:" + t.ToolName, Tool: t), (Name: "handle:" + t.HandleName, Tool: t) })
                .GroupBy(x => x.Name, StringComparer.Ordinal)
                .Where(g => g.Select(x => x.Tool).Distinct().Count() > 1)
                .ToList();
            foreach (var clash in clashes)
            {
                foreach (var tool in clash.Select(x => x.Tool).Distinct())
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateTool, tool.AttributeLocation?.ToLocation() ?? Location.None, clash.Key.Substring(clash.Key.IndexOf(':') + 1), type.Key.Replace("global::", "")));
                }
            }

            var clashing = clashes.SelectMany(c => c.Select(x => x.Tool)).ToList();
            var generated = type.Where(t => !clashing.Contains(t)).OrderBy(t => t.ToolName, StringComparer.Ordinal).ToList();
            if (generated.Count > 0 && settings.HasTools)
            {
                ClovaRequestGenerator.AddSource(context, ToolEmitter.HintName(generated[0].Container), () => ToolEmitter.Emit(generated));
            }
        }
    }
}
