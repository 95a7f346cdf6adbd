using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace ClovaCodegen.Generator.Model;

/// <summary>How an option field of the spec appears in C#: its type, its builder parameter and how it is written.</summary>
internal enum OptionKind
{
    Integer,
    Number,
    Boolean,
    String,
    StringList,
    RawJson,
}

/// <summary>A spec field turned into a generated property and builder method.</summary>
internal sealed class OptionField
{
    private static readonly HashSet<string> ReservedNames = new()
    {
        "Model", "Messages", "Tools", "Create", "Build", "System", "User", "Assistant", "Tool", "AddFunctionTool", "AddTool",
        "ToolChoice", "ToolChoiceFunction", "WriteJson", "ToUtf8Json", "Input", "Inputs", "Equals", "GetHashCode", "ToString", "GetType",
    };

    public OptionField(FieldSpec field)
    {
        Field = field;
        var pascal = ToPascalCase(field.Name);
        PropertyName = ReservedNames.Contains(pascal) ? pascal + "Field" : pascal;
        Kind = field.Type switch
        {
            JsonFieldType.Integer => OptionKind.Integer,
            JsonFieldType.Number or (JsonFieldType.Number | JsonFieldType.Integer) => OptionKind.Number,
            JsonFieldType.Boolean => OptionKind.Boolean,
            JsonFieldType.String => OptionKind.String,
            JsonFieldType.String | JsonFieldType.Array => OptionKind.StringList,
            _ => OptionKind.RawJson,
        };
    }

    public FieldSpec Field { get; }

    public string WireName => Field.Name;

    public string PropertyName { get; }

    public OptionKind Kind { get; }

    /// <summary>Name of the static JsonEncodedText holding the wire name.</summary>
    public string EncodedName => "s_" + PropertyName;

    public string PropertyType => Kind switch
    {
        OptionKind.Integer => "int?",
        OptionKind.Number => "double?",
        OptionKind.Boolean => "bool?",
        OptionKind.StringList => "global::System.Collections.Generic.IReadOnlyList<string>?",
        _ => "string?",
    };

    public string ParameterDeclaration => Kind switch
    {
        OptionKind.Integer => "int value",
        OptionKind.Number => "double value",
        OptionKind.Boolean => "bool value",
        OptionKind.StringList => "params string[] values",
        OptionKind.RawJson => "string json",
        _ => "string value",
    };

    public string ParameterName => Kind switch
    {
        OptionKind.StringList => "values",
        OptionKind.RawJson => "json",
        _ => "value",
    };

    /// <summary>XML doc summary lines: wire field, status, default, range, allowed values, note and source.</summary>
    public string Documentation
    {
        get
        {
            var text = new StringBuilder();
            text.Append("Wire field <c>").Append(WireName).Append("</c> (")
                .Append(Field.Status == FieldStatus.ClovaOnly ? "CLOVA Studio only" : "OpenAI, supported by CLOVA Studio").Append(").");
            if (Field.Default is { } defaultValue)
            {
                text.Append(" Default when omitted: <c>").Append(Xml(defaultValue.ToJson())).Append("</c>.");
            }

            if (Field.Range is { } range)
            {
                text.Append(" Documented range: <c>").Append(Xml(range.ToString())).Append("</c>.");
            }

            if (!Field.AllowedValues.IsEmpty)
            {
                text.Append(" Allowed values: ").Append(string.Join(", ", Field.AllowedValues.Select(v => "<c>" + Xml(v.ToJson()) + "</c>"))).Append('.');
            }

            if (Kind == OptionKind.RawJson)
            {
                text.Append(" Given as raw JSON.");
            }

            if (Field.Note is { Length: > 0 } note)
            {
                text.Append(' ').Append(Xml(note));
            }

            if (Field.Source is { Length: > 0 } source)
            {
                text.Append(" (source: ").Append(Xml(source)).Append(')');
            }

            return text.ToString();
        }
    }

    /// <summary>C# condition that is true when <c>v</c> lies OUTSIDE the documented range, or null without a range.</summary>
    public string? OutOfRangeCondition(string v)
    {
        if (Field.Range is not { } range || Kind is not (OptionKind.Integer or OptionKind.Number))
        {
            return null;
        }

        var parts = new List<string>();
        if (range.Minimum is { } min)
        {
            parts.Add($"{v} {(range.ExclusiveMinimum ? "<=" : "<")} {Number(min)}");
        }

        if (range.Maximum is { } max)
        {
            parts.Add($"{v} {(range.ExclusiveMaximum ? ">=" : ">")} {Number(max)}");
        }

        if (Kind == OptionKind.Number)
        {
            parts.Add($"double.IsNaN({v})");
        }

        return string.Join(" || ", parts);
    }

    /// <summary>
    /// The message of the ArgumentOutOfRangeException every generated check throws (builders, OpenAI SDK extensions, field
    /// tables), so a value out of range reads the same on every path.
    /// </summary>
    public string RangeMessage =>
        $"{WireName} must lie in {Field.Range} (documented range{(Field.Source is null ? "" : ", source: " + Field.Source)}).";

    public static string Number(double value) =>
        value == System.Math.Floor(value) && System.Math.Abs(value) < 1e15
            ? value.ToString("0.0###", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    public static string ToPascalCase(string snake)
    {
        var builder = new StringBuilder(snake.Length);
        var upper = true;
        foreach (var c in snake)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.ToString();
    }

    /// <summary>A C# string literal, quoted and escaped by Roslyn itself.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>
    /// <paramref name="value"/>'s UTF-8 bytes as a C# expression for a <c>ReadOnlySpan&lt;byte&gt;</c> parameter, with the text
    /// in a comment. Unlike a string argument, which <c>Utf8JsonReader.ValueTextEquals</c> transcodes on every call, the
    /// compiler stores a constant byte array converted to a span in the assembly's data (no allocation, any C# version;
    /// <c>"..."u8</c> would need C# 11).
    /// </summary>
    public static string Utf8Literal(string value) =>
        "new byte[] { " + string.Join(", ", Encoding.UTF8.GetBytes(value).Select(b => b.ToString(CultureInfo.InvariantCulture))) + " } /* " + Literal(value).Replace("*/", "*\\/") + " */";

    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
