using System.Collections.Generic;
using System.Linq;
using ClovaCodegen.Generator.Model;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Generator.Parsing;

/// <summary>Reads the compiler-visible MSBuild properties (<c>build_property.ClovaCodegen*</c>).</summary>
internal static class OptionsParser
{
    public static GeneratorOptions Parse(AnalyzerConfigOptions options)
    {
        var problems = new List<OptionProblem>();

        var ns = Get(options, "ClovaCodegenNamespace") ?? GeneratorOptions.DefaultNamespace;
        if (!IsValidNamespace(ns))
        {
            problems.Add(new OptionProblem("CLOVA200", EquatableArray.Create(ns)));
            ns = GeneratorOptions.DefaultNamespace;
        }

        var accessibility = Get(options, "ClovaCodegenAccessibility") ?? "public";
        var isPublic = accessibility.ToLowerInvariant() switch
        {
            "public" => true,
            "internal" => false,
            _ => (bool?)null,
        };
        if (isPublic is null)
        {
            problems.Add(new OptionProblem("CLOVA201", EquatableArray.Create(accessibility)));
        }

        var generate = ParseBool(options, "ClovaCodegenGenerateRequests", true, problems);
        var fieldTables = ParseBool(options, "ClovaCodegenGenerateFieldTables", false, problems);
        var openAiText = Get(options, "ClovaCodegenGenerateOpenAIExtensions") ?? "auto";
        var openAi = openAiText.ToLowerInvariant() switch
        {
            "auto" => OpenAIExtensionsMode.Auto,
            "true" => OpenAIExtensionsMode.Always,
            "false" => OpenAIExtensionsMode.Never,
            _ => (OpenAIExtensionsMode?)null,
        };
        if (openAi is null)
        {
            problems.Add(new OptionProblem("CLOVA202", EquatableArray.Create("ClovaCodegenGenerateOpenAIExtensions", openAiText, "auto, true, false", "auto")));
        }

        return new GeneratorOptions(ns, isPublic ?? true, generate, openAi ?? OpenAIExtensionsMode.Auto, fieldTables, problems.ToEquatableArray());
    }

    private static string? Get(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue("build_property." + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool ParseBool(AnalyzerConfigOptions options, string name, bool fallback, List<OptionProblem> problems)
    {
        var text = Get(options, name);
        if (text is null)
        {
            return fallback;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        problems.Add(new OptionProblem("CLOVA202", EquatableArray.Create(name, text, "true, false", fallback ? "true" : "false")));
        return fallback;
    }

    private static bool IsValidNamespace(string ns) =>
        ns.Split('.').All(part => SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None);
}
