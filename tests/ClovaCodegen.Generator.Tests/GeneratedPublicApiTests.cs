using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClovaCodegen.Generator.Tests;

/// <summary>
/// The public surface a consumer sees from the generated code (default spec, runtime and OpenAI SDK referenced), one line
/// per type and member, against the committed Snapshots/GeneratedPublicApi.txt: the generated code's part of the public
/// API baseline (the shipped libraries keep theirs in PublicAPI.*.txt). A change to what users can call shows as a
/// reviewed diff of that file. Update it with <c>CLOVA_UPDATE_SNAPSHOTS=1 dotnet test tests/ClovaCodegen.Generator.Tests</c>.
/// </summary>
public class GeneratedPublicApiTests
{
    private static readonly string BaselinePath = Path.Combine(GeneratorHarness.RepositoryRoot, "tests", "ClovaCodegen.Generator.Tests", "Snapshots", "GeneratedPublicApi.txt");

    private static readonly SymbolDisplayFormat Format = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeTypeConstraints,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeModifiers
            | SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeConstantValue | SymbolDisplayMemberOptions.IncludeRef,
        kindOptions: SymbolDisplayKindOptions.IncludeMemberKeyword | SymbolDisplayKindOptions.IncludeTypeKeyword,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue
            | SymbolDisplayParameterOptions.IncludeParamsRefOut | SymbolDisplayParameterOptions.IncludeExtensionThis,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier
            | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    [Fact]
    public void The_generated_public_api_matches_the_committed_baseline()
    {
        var input = GeneratorHarness.Compilation(GeneratorHarness.Net10References, "namespace App { internal static class Program { public static void Main() { } } }");
        var (output, diagnostics, _) = GeneratorHarness.Run(input);
        Assert.Empty(diagnostics);

        var actual = string.Join("\n", Describe(output.Assembly.GlobalNamespace)) + "\n";
        if (Environment.GetEnvironmentVariable("CLOVA_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(BaselinePath, actual);
        }

        var expected = File.Exists(BaselinePath) ? File.ReadAllText(BaselinePath).Replace("\r\n", "\n") : "";
        var added = actual.Split('\n').Except(expected.Split('\n')).ToList();
        var removed = expected.Split('\n').Except(actual.Split('\n')).ToList();
        Assert.True(added.Count == 0 && removed.Count == 0,
            "The generated public API differs from tests/ClovaCodegen.Generator.Tests/Snapshots/GeneratedPublicApi.txt (review, then run "
            + "`CLOVA_UPDATE_SNAPSHOTS=1 dotnet test tests/ClovaCodegen.Generator.Tests`):\n"
            + string.Concat(added.Select(l => "+ " + l + "\n")) + string.Concat(removed.Select(l => "- " + l + "\n")));
    }

    [Fact]
    public void The_listing_shows_a_type_its_public_members_and_nothing_internal()
    {
        var input = GeneratorHarness.Compilation(GeneratorHarness.Net10References, """
            namespace Lib
            {
                public sealed class Widget : System.IDisposable
                {
                    public Widget(string? name = null) { }
                    public string Name { get; set; } = "";
                    public static Widget Create(params int[] sizes) => new();
                    public void Dispose() { }
                    internal void Hidden() { }
                    public sealed class Part { }
                }

                internal sealed class NotSeen { public void Visible() { } }
            }
            """);

        var lines = Describe(input.Assembly.GlobalNamespace).ToList();

        Assert.Equal(new[]
        {
            "public sealed class Lib.Widget : System.IDisposable",
            "    Lib.Widget.Widget(string? name = null)",
            "    static Lib.Widget Lib.Widget.Create(params int[] sizes)",
            "    void Lib.Widget.Dispose()",
            "    string Lib.Widget.Name { get; set; }",
            "public sealed class Lib.Widget.Part",
            "    Lib.Widget.Part.Part()",
        }, lines);
    }

    /// <summary>
    /// Per effectively public type, in ordinal order of its name: a line for the type (with its base type and interfaces),
    /// then one per public or protected member it declares, ordered by member name.
    /// </summary>
    private static IEnumerable<string> Describe(INamespaceSymbol root)
    {
        var typeNameFormat = Format.WithKindOptions(SymbolDisplayKindOptions.None);
        var lines = new List<string>();
        foreach (var type in PublicTypes(root).OrderBy(t => t.ToDisplayString(typeNameFormat), StringComparer.Ordinal))
        {
            var bases = new[] { type.BaseType }.Where(b => b is not null && b.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum))
                .Concat(type.Interfaces).Select(b => b!.ToDisplayString(typeNameFormat)).ToList();
            var modifiers = type.TypeKind != TypeKind.Class ? "" : type.IsStatic ? "static " : type.IsSealed ? "sealed " : type.IsAbstract ? "abstract " : "";
            lines.Add($"public {modifiers}{type.ToDisplayString(Format)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : ""));
            lines.AddRange(type.GetMembers()
                .Where(member => member.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal
                    && member is not INamedTypeSymbol
                    && member is not IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove })
                .Select(member => (member.Name, Line: "    " + member.ToDisplayString(Format)))
                .OrderBy(member => member.Name, StringComparer.Ordinal).ThenBy(member => member.Line, StringComparer.Ordinal)
                .Select(member => member.Line));
        }

        return lines;
    }

    private static IEnumerable<INamedTypeSymbol> PublicTypes(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                foreach (var type in PublicTypes(ns))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol { DeclaredAccessibility: Accessibility.Public } type)
            {
                yield return type;
                foreach (var nested in PublicTypes(type))
                {
                    yield return nested;
                }
            }
        }
    }
}
