using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ClovaCodegen.Generator.Parsing;

/// <summary>What the parsers read off symbols for the emitters, shared by the structured-output and tool parsers.</summary>
internal static class SymbolNames
{
    /// <summary>
    /// The name as C# source spells it: a reserved keyword gets <c>@</c> (<c>@event</c>, <c>@class</c>), so generated code
    /// that names a member, a method, a type or a namespace part compiles. Contextual keywords (<c>record</c>, <c>value</c>)
    /// are identifiers where generated code names them, and stay as they are.
    /// </summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>The single string constructor argument of the symbol's attribute named <paramref name="attributeName"/> (its full name), or null.</summary>
    public static string? StringArgument(ISymbol symbol, string attributeName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == attributeName)
            {
                return StringArgument(attribute);
            }
        }

        return null;
    }

    /// <summary>The attribute's single string constructor argument (<c>[ClovaTool("description")]</c>), or null.</summary>
    public static string? StringArgument(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string value ? value : null;
}
