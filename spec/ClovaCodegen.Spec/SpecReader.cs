using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ClovaCodegen.Spec.Diagnostics;
using ClovaCodegen.Spec.Json;
using ClovaCodegen.Spec.Model;

namespace ClovaCodegen.Spec;

/// <summary>The outcome of reading a spec: the model (null when the spec has errors) and every problem found.</summary>
public sealed record SpecReadResult(CompatSpec? Spec, EquatableArray<SpecDiagnostic> Diagnostics)
{
    /// <summary>True when any diagnostic is an error (then <see cref="Spec"/> is null).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == SpecSeverity.Error);
}

/// <summary>
/// Turns spec text into a <see cref="CompatSpec"/>. Never throws on bad input: every problem becomes a
/// <see cref="SpecDiagnostic"/> (CLOVA1xx) located in the spec file, and a spec with errors yields no model.
/// </summary>
public static partial class SpecReader
{
    /// <summary>File name of the default spec (and of the embedded resource's logical name suffix).</summary>
    public const string DefaultSpecFileName = "clova-openai-compat.json";

    private const string DefaultResourceName = "ClovaCodegen.Spec.clova-openai-compat.json";

    private static readonly Lazy<string> DefaultText = new(LoadDefaultText);
    private static readonly Lazy<SpecReadResult> DefaultResult = new(() => Read(DefaultText.Value, DefaultSpecFileName));

    /// <summary>The text of the spec embedded in this assembly (the one the package ships).</summary>
    public static string DefaultSpecText => DefaultText.Value;

    /// <summary>The embedded default spec, read once.</summary>
    public static SpecReadResult ReadDefault() => DefaultResult.Value;

    /// <summary>Reads a spec from its text; <paramref name="filePath"/> locates the diagnostics.</summary>
    public static SpecReadResult Read(string? text, string filePath)
    {
        var context = new SpecReadContext(text ?? "", filePath ?? "");
        if (text is null)
        {
            context.Report(SpecDiagnosticIds.Unreadable, 0, 0, "The spec file's text could not be read");
            return context.Result(null);
        }

        CompatSpec? spec;
        try
        {
            spec = Parse(context);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A reader bug must not become a compiler crash (CS8785/AD0001): report it where the file starts.
            context.Report(SpecDiagnosticIds.Unreadable, 0, 0, $"The spec could not be read: {ex.GetType().Name}: {ex.Message}");
            spec = null;
        }

        return context.Result(spec);
    }

    private static string LoadDefaultText()
    {
        using var stream = typeof(SpecReader).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {DefaultResourceName} is missing from {typeof(SpecReader).Assembly.FullName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static CompatSpec? Parse(SpecReadContext context)
    {
        var parsed = JsonParser.Parse(context.Text);
        if (parsed.Root is null)
        {
            context.Report(SpecDiagnosticIds.InvalidJson, parsed.ErrorOffset, parsed.ErrorLength, parsed.Error!);
            return null;
        }

        var root = parsed.Root;
        if (!context.ExpectObject(root, "The spec"))
        {
            return null;
        }

        context.CheckProperties(root, "the spec", "$schema", "specVersion", "title", "sources", "apiKey", "requestIdHeader", "baseUrls", "nativeUrlPatterns", "endpoints", "capabilities", "structuredOutputs", "bindings");

        var version = context.GetInteger(root, "specVersion", required: true);
        if (version is not null && version != 1)
        {
            context.Report(SpecDiagnosticIds.UnsupportedVersion, root.Find("specVersion")!.Value, $"specVersion {version} is not supported; this reader understands version 1");
        }

        context.GetString(root, "$schema", required: false);
        var sources = ReadSources(context, root);
        var apiKey = ReadApiKey(context, root);
        var baseUrls = ReadBaseUrls(context, root);
        var patterns = ReadNativeUrlPatterns(context, root);
        var endpoints = ReadEndpoints(context, root);
        var capabilities = ReadCapabilities(context, root, endpoints);
        var structuredOutputs = ReadStructuredOutputs(context, root);
        var bindings = ReadBindings(context, root, endpoints);

        if (context.HasErrors)
        {
            return null;
        }

        return new CompatSpec(
            (int)(version ?? 1),
            context.GetString(root, "title", required: false),
            apiKey,
            context.GetString(root, "requestIdHeader", required: false),
            sources,
            baseUrls,
            patterns,
            endpoints,
            bindings)
        {
            Capabilities = capabilities,
            StructuredOutputs = structuredOutputs,
        };
    }
}
