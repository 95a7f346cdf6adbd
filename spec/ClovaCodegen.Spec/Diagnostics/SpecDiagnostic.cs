using System;

namespace ClovaCodegen.Spec.Diagnostics;

/// <summary>Severity of a spec problem (mirrors Roslyn's, without depending on it).</summary>
public enum SpecSeverity
{
    /// <summary>Informational: nothing is wrong.</summary>
    Info,
    /// <summary>The spec is usable, but something in it is probably a mistake.</summary>
    Warning,
    /// <summary>The spec cannot be used: generator, analyzers and emulator refuse it.</summary>
    Error,
}

/// <summary>
/// A problem found in a spec file, located by offset and by zero-based line and column (Roslyn's
/// <c>LinePosition</c> convention). Value-equatable so it can travel through incremental pipelines.
/// </summary>
public sealed record SpecDiagnostic(
    string Id,
    SpecSeverity Severity,
    string Message,
    string FilePath,
    int Offset,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn)
{
    /// <summary>One-based line, as editors show it.</summary>
    public int Line => StartLine + 1;

    /// <summary>One-based column, as editors show it.</summary>
    public int Column => StartColumn + 1;

    /// <summary>MSBuild-style text: <c>path(line,col): error CLOVA101: message</c>.</summary>
    public override string ToString() =>
        $"{FilePath}({Line},{Column}): {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}

/// <summary>The catalog of spec problems: one id, title and severity each. Every CLOVA1xx id lives here.</summary>
public static class SpecDiagnosticIds
{
    /// <summary>The Roslyn category every CLOVA1xx diagnostic carries.</summary>
    public const string Category = "ClovaCodegen.Spec";

    /// <summary>CLOVA100: Spec file cannot be read.</summary>
    public static readonly SpecDiagnosticKind Unreadable = new("CLOVA100", "Spec file cannot be read", SpecSeverity.Error);
    /// <summary>CLOVA101: Spec file is not valid JSON.</summary>
    public static readonly SpecDiagnosticKind InvalidJson = new("CLOVA101", "Spec file is not valid JSON", SpecSeverity.Error);
    /// <summary>CLOVA102: Required spec property is missing.</summary>
    public static readonly SpecDiagnosticKind MissingProperty = new("CLOVA102", "Required spec property is missing", SpecSeverity.Error);
    /// <summary>CLOVA103: Spec property has the wrong JSON type.</summary>
    public static readonly SpecDiagnosticKind WrongJsonType = new("CLOVA103", "Spec property has the wrong JSON type", SpecSeverity.Error);
    /// <summary>CLOVA104: Unknown field status.</summary>
    public static readonly SpecDiagnosticKind UnknownStatus = new("CLOVA104", "Unknown field status", SpecSeverity.Error);
    /// <summary>CLOVA105: Duplicate field.</summary>
    public static readonly SpecDiagnosticKind DuplicateField = new("CLOVA105", "Duplicate field", SpecSeverity.Error);
    /// <summary>CLOVA106: Unknown endpoint.</summary>
    public static readonly SpecDiagnosticKind UnknownEndpoint = new("CLOVA106", "Unknown endpoint", SpecSeverity.Error);
    /// <summary>CLOVA107: Default value outside the field's own range or allowed values.</summary>
    public static readonly SpecDiagnosticKind DefaultOutsideRange = new("CLOVA107", "Default value outside the field's own range or allowed values", SpecSeverity.Error);
    /// <summary>CLOVA108: Invalid range.</summary>
    public static readonly SpecDiagnosticKind InvalidRange = new("CLOVA108", "Invalid range", SpecSeverity.Error);
    /// <summary>CLOVA109: Invalid URL or URL pattern.</summary>
    public static readonly SpecDiagnosticKind InvalidUrlOrPattern = new("CLOVA109", "Invalid URL or URL pattern", SpecSeverity.Error);
    /// <summary>CLOVA110: Unsupported spec version.</summary>
    public static readonly SpecDiagnosticKind UnsupportedVersion = new("CLOVA110", "Unsupported spec version", SpecSeverity.Error);
    /// <summary>CLOVA111: Duplicate entry.</summary>
    public static readonly SpecDiagnosticKind DuplicateEntry = new("CLOVA111", "Duplicate entry", SpecSeverity.Error);
    /// <summary>CLOVA112: Binding names a field its endpoint does not declare.</summary>
    public static readonly SpecDiagnosticKind UnknownBindingField = new("CLOVA112", "Binding names a field its endpoint does not declare", SpecSeverity.Error);
    /// <summary>CLOVA113: Unknown spec property.</summary>
    public static readonly SpecDiagnosticKind UnknownProperty = new("CLOVA113", "Unknown spec property", SpecSeverity.Warning);
    /// <summary>CLOVA114: Unknown JSON type name.</summary>
    public static readonly SpecDiagnosticKind UnknownType = new("CLOVA114", "Unknown JSON type name", SpecSeverity.Error);
    /// <summary>CLOVA115: Unknown source key.</summary>
    public static readonly SpecDiagnosticKind UnknownSource = new("CLOVA115", "Unknown source key", SpecSeverity.Warning);
    /// <summary>CLOVA116: Invalid spec value.</summary>
    public static readonly SpecDiagnosticKind InvalidValue = new("CLOVA116", "Invalid spec value", SpecSeverity.Error);
    /// <summary>CLOVA117: More than one spec file.</summary>
    public static readonly SpecDiagnosticKind MultipleSpecs = new("CLOVA117", "More than one spec file", SpecSeverity.Error);

    /// <summary>Every kind, for hosts that register Roslyn descriptors up front.</summary>
    public static readonly SpecDiagnosticKind[] All =
    {
        Unreadable, InvalidJson, MissingProperty, WrongJsonType, UnknownStatus, DuplicateField, UnknownEndpoint,
        DefaultOutsideRange, InvalidRange, InvalidUrlOrPattern, UnsupportedVersion, DuplicateEntry,
        UnknownBindingField, UnknownProperty, UnknownType, UnknownSource, InvalidValue, MultipleSpecs,
    };
}

/// <summary>One kind of spec problem.</summary>
public sealed record SpecDiagnosticKind(string Id, string Title, SpecSeverity Severity)
{
    /// <summary>Where the rule is documented.</summary>
    public string HelpLink => "https://github.com/clovacodegen/clovacodegen/blob/main/docs/spec-diagnostics.md#" + Id.ToLowerInvariant();
}

/// <summary>Maps offsets in a text to zero-based line and column.</summary>
internal sealed class LineMap
{
    private readonly int[] _lineStarts;

    public LineMap(string text)
    {
        var starts = new System.Collections.Generic.List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = starts.ToArray();
    }

    public (int Line, int Column) Locate(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line, offset - _lineStarts[line]);
    }
}
