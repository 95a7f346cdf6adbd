using System;
using ClovaCodegen.Spec;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.SpecTool.Tests;

/// <summary>The default spec with planted differences: what the emulator serves, standing in for a service that changed.</summary>
public static class PlantedSpecs
{
    public const string AddedModel = "HCX-PROBE-NEW";
    public const string RemovedModel = "HCX-DASH-001";

    public static string DefaultText => SpecReader.DefaultSpecText;

    /// <summary>
    /// seed flipped to unsupported; the CLOVA-only repeat_penalty removed; top_k's maximum narrowed from 128 to 100;
    /// a chat model added and one removed; encoding_format allowing base64.
    /// </summary>
    public static string ChangedText()
    {
        var text = DefaultText;
        text = Replace(text, "{ \"name\": \"seed\", \"status\": \"supported\"", "{ \"name\": \"seed\", \"status\": \"unsupported\"");
        var repeat = text.IndexOf("        { \"name\": \"repeat_penalty\"", StringComparison.Ordinal);
        text = text.Remove(repeat, text.IndexOf('\n', repeat) - repeat + 1);
        text = Replace(text, "\"name\": \"top_k\", \"status\": \"clova-only\", \"type\": \"integer\", \"minimum\": 0, \"maximum\": 128", "\"name\": \"top_k\", \"status\": \"clova-only\", \"type\": \"integer\", \"minimum\": 0, \"maximum\": 100");
        text = Replace(text, "{ \"name\": \"" + RemovedModel + "\", \"verified\": false, \"note\": \"Older model.\", \"source\": \"facts\" }", "{ \"name\": \"" + AddedModel + "\", \"verified\": false }");
        text = Replace(text, "\"allowedValues\": [\"float\"]", "\"allowedValues\": [\"float\", \"base64\"]");
        return text;
    }

    public static CompatSpec Read(string text)
    {
        var result = SpecReader.Read(text, "planted.json");
        return result.Spec ?? throw new InvalidOperationException("The planted spec does not read: " + string.Join("; ", result.Diagnostics));
    }

    private static string Replace(string text, string old, string replacement)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!normalized.Contains(old, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The default spec no longer contains: " + old);
        }

        return normalized.Replace(old, replacement, StringComparison.Ordinal);
    }
}
