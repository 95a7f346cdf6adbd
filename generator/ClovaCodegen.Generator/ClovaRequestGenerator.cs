using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ClovaCodegen.Generator.Emitters;
using ClovaCodegen.Generator.Model;
using ClovaCodegen.Generator.Parsing;
using ClovaCodegen.Spec;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ClovaCodegen.Generator;

/// <summary>
/// Turns the field-compatibility spec into request types, builders, JSON metadata and OpenAI SDK extensions.
/// The pipeline carries only value-equatable models (spec, options, compilation facts), so an edit to unrelated code
/// leaves every step cached and emits nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ClovaRequestGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incrementality tests.</summary>
    public static class TrackingNames
    {
        public const string SpecFiles = nameof(SpecFiles);
        public const string Spec = nameof(Spec);
        public const string Options = nameof(Options);
        public const string Facts = nameof(Facts);
        public const string Model = nameof(Model);
        public const string StructuredOutputs = nameof(StructuredOutputs);
        public const string StructuredOutputSettings = nameof(StructuredOutputSettings);
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => SpecFileSelection.IsSpecFile(
                pair.Left.Path,
                pair.Right.GetOptions(pair.Left).TryGetValue(SpecFileSelection.MetadataKey, out var flag) ? flag : null))
            .Select(static (pair, cancellationToken) => new SpecFile(pair.Left.Path, pair.Left.GetText(cancellationToken)?.ToString()))
            .WithTrackingName(TrackingNames.SpecFiles);

        var spec = specFiles
            .Collect()
            .Select(static (files, _) => SpecFileSelection.Read(files.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => (f.Path, f.Text)).ToList()))
            .WithTrackingName(TrackingNames.Spec);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => OptionsParser.Parse(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var facts = context.CompilationProvider
            .Select(static (compilation, _) => new CompilationFacts(
                HasRuntimeContracts: compilation.GetTypeByMetadataName("ClovaCodegen.IClovaChatCompletionRequest") is not null
                    && compilation.GetTypeByMetadataName("ClovaCodegen.IClovaEmbeddingRequest") is not null,
                HasOpenAIChatOptions: compilation.GetTypeByMetadataName("OpenAI.Chat.ChatCompletionOptions") is not null,
                HasSystemTextJson: compilation.GetTypeByMetadataName("System.Text.Json.Utf8JsonWriter") is not null,
                HasJsonMetadataServices: compilation.GetTypeByMetadataName("System.Text.Json.Serialization.Metadata.JsonMetadataServices") is not null,
                HasRuntimeResponses: compilation.GetTypeByMetadataName("ClovaCodegen.ClovaChatToolCall") is not null
                    && compilation.GetTypeByMetadataName("ClovaCodegen.ClovaChatCompletion") is not null)
            {
                HasStructuredOutputs = compilation.GetTypeByMetadataName("ClovaCodegen.ClovaStructuredOutput`1") is not null
                    && compilation.GetTypeByMetadataName("ClovaCodegen.ClovaStructuredOutputReading") is not null,
            })
            .WithTrackingName(TrackingNames.Facts);

        var model = spec.Combine(options).Combine(facts)
            .Select(static (pair, _) => new GenerationModel(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Model);

        context.RegisterSourceOutput(model, static (production, generation) => Emit(production, generation));

        // Structured outputs: one model per [ClovaStructuredOutput] type, built from its symbols only (an edit elsewhere
        // leaves it cached), one file each, and one file that ties them to the builder and to answers.
        var structuredOutputs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                StructuredOutputParser.AttributeName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (attributeContext, cancellationToken) => StructuredOutputParser.Parse(attributeContext, cancellationToken))
            .WithTrackingName(TrackingNames.StructuredOutputs);
        var structuredSettings = options.Combine(facts)
            .Select(static (pair, _) => new StructuredOutputSettings(pair.Left, pair.Right.HasStructuredOutputs))
            .WithTrackingName(TrackingNames.StructuredOutputSettings);
        context.RegisterSourceOutput(structuredOutputs.Combine(structuredSettings), static (production, pair) => EmitStructuredOutput(production, pair.Left, pair.Right));
        context.RegisterSourceOutput(structuredOutputs.Collect().Combine(model), static (production, pair) => EmitStructuredOutputRegistry(production, pair.Left, pair.Right));
    }

    private static void EmitStructuredOutput(SourceProductionContext context, StructuredOutputModel type, StructuredOutputSettings settings)
    {
        if (!settings.Options.GenerateRequests)
        {
            return;
        }

        foreach (var problem in type.Diagnostics)
        {
            var descriptor = problem.DescriptorId == DiagnosticDescriptors.GeneratorFailure.Id ? DiagnosticDescriptors.GeneratorFailure : DiagnosticDescriptors.StructuredOutputNotExpressible;
            context.ReportDiagnostic(Diagnostic.Create(descriptor, problem.Location?.ToLocation() ?? Location.None, problem.Arguments.Cast<object>().ToArray()));
        }

        if (type.CanGenerate && settings.HasStructuredOutputs)
        {
            AddSource(context, StructuredOutputEmitter.HintName(type), () => StructuredOutputEmitter.Emit(settings.Options, type));
        }
    }

    private static void EmitStructuredOutputRegistry(SourceProductionContext context, ImmutableArray<StructuredOutputModel> types, GenerationModel generation)
    {
        if (generation.Spec.Spec is not { } spec || !generation.Options.GenerateRequests)
        {
            return;
        }

        if (spec.StructuredOutputs?.NamePattern is { } pattern)
        {
            foreach (var type in types.Where(t => t.CanGenerate && !System.Text.RegularExpressions.Regex.IsMatch(t.SchemaName, pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.StructuredOutputName, type.AttributeLocation?.ToLocation() ?? Location.None, type.SchemaName, pattern));
            }
        }

        AddSource(context, StructuredOutputRegistryEmitter.HintName, () => StructuredOutputRegistryEmitter.Emit(generation.Options, spec, generation.Facts, types));
    }

    private static void Emit(SourceProductionContext context, GenerationModel generation)
    {
        foreach (var diagnostic in generation.Spec.Diagnostics)
        {
            context.ReportDiagnostic(DiagnosticDescriptors.FromSpec(diagnostic));
        }

        foreach (var problem in generation.Options.Problems)
        {
            var descriptor = problem.DescriptorId switch
            {
                "CLOVA200" => DiagnosticDescriptors.InvalidNamespace,
                "CLOVA201" => DiagnosticDescriptors.InvalidAccessibility,
                _ => DiagnosticDescriptors.InvalidSwitch,
            };
            context.ReportDiagnostic(Diagnostic.Create(descriptor, Location.None, problem.Arguments.Cast<object>().ToArray()));
        }

        if (generation.Spec.Spec is not { } spec || !(generation.Options.GenerateRequests || generation.Options.GenerateFieldTables))
        {
            return;
        }

        if (generation.Options.GenerateFieldTables)
        {
            AddSource(context, FieldTablesEmitter.HintName, () => FieldTablesEmitter.Emit(generation.Options, spec));
        }

        if (!generation.Options.GenerateRequests)
        {
            return;
        }

        if (!generation.Facts.HasSystemTextJson)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingSystemTextJson, Location.None));
            return;
        }

        var options = generation.Options;
        var chat = spec.FindEndpoint(EndpointSpec.ChatCompletions);
        var embeddings = spec.FindEndpoint(EndpointSpec.Embeddings);
        var jsonTypes = new List<(string, string)>();

        AddSource(context, RequestTypesEmitter.NamesHintName, () => RequestTypesEmitter.EmitNames(options, spec));
        if (chat is not null)
        {
            AddSource(context, MessageTypesEmitter.HintName, () => MessageTypesEmitter.Emit(options, generation.Facts));
            AddSource(context, RequestTypesEmitter.ChatHintName, () => RequestTypesEmitter.EmitChat(options, chat, generation.Facts));
            jsonTypes.Add(("ChatCompletionRequest", "WriteJson(writer, false)"));
            var wantsBridge = options.OpenAIExtensions == OpenAIExtensionsMode.Always
                || (options.OpenAIExtensions == OpenAIExtensionsMode.Auto && generation.Facts.HasOpenAIChatOptions);
            if (wantsBridge)
            {
                AddSource(context, OpenAIExtensionsEmitter.HintName, () => OpenAIExtensionsEmitter.Emit(options, chat));
            }
        }

        if (embeddings is not null)
        {
            AddSource(context, RequestTypesEmitter.EmbeddingHintName, () => RequestTypesEmitter.EmitEmbeddings(options, embeddings, generation.Facts));
            jsonTypes.Add(("EmbeddingRequest", "WriteJson(writer)"));
        }

        if (generation.Facts.HasJsonMetadataServices && jsonTypes.Count > 0)
        {
            AddSource(context, JsonContextEmitter.HintName, () => JsonContextEmitter.Emit(options, jsonTypes));
        }
    }

    /// <summary>Emits one file; an emitter bug becomes a CLOVA204 warning instead of a compiler crash (CS8785).</summary>
    private static void AddSource(SourceProductionContext context, string hintName, Func<string?> emit)
    {
        string? source;
        try
        {
            source = emit();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratorFailure, Location.None, hintName, ex.Message));
            return;
        }

        if (source is not null)
        {
            context.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
        }
    }

    /// <summary>A spec additional file's path and text (equatable, unlike AdditionalText).</summary>
    private sealed record SpecFile(string Path, string? Text);
}
