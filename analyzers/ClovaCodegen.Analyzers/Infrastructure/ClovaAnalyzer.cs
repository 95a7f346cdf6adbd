using System.Collections.Immutable;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// Base of every rule: reads the spec and looks up well-known types once per compilation, then lets the rule
/// register narrowly. Never analyzes generated code.
/// </summary>
public abstract class ClovaAnalyzer : DiagnosticAnalyzer
{
    protected ClovaAnalyzer(DiagnosticDescriptor descriptor) => Descriptor = descriptor;

    protected DiagnosticDescriptor Descriptor { get; }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var spec = SpecProvider.Read(start.Options, start.CancellationToken);
            if (spec is not null)
            {
                OnCompilationStart(start, spec, new KnownTypes(start.Compilation, new AnalysisScope(start.Options, spec)));
            }
        });
    }

    protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, CompatSpec spec, KnownTypes types);
}

/// <summary>The SDK types the rules look for, resolved once per compilation (null when not referenced).</summary>
public sealed class KnownTypes
{
    public KnownTypes(Compilation compilation, AnalysisScope scope)
    {
        Scope = scope;
        OpenAIClient = compilation.GetTypeByMetadataName("OpenAI.OpenAIClient");
        ChatClient = compilation.GetTypeByMetadataName("OpenAI.Chat.ChatClient");
        ChatCompletionOptions = compilation.GetTypeByMetadataName("OpenAI.Chat.ChatCompletionOptions");
        EmbeddingClient = compilation.GetTypeByMetadataName("OpenAI.Embeddings.EmbeddingClient");
        ApiKeyCredential = compilation.GetTypeByMetadataName("System.ClientModel.ApiKeyCredential");
        AuthenticationHeaderValue = compilation.GetTypeByMetadataName("System.Net.Http.Headers.AuthenticationHeaderValue");
        ClovaStudioClientOptions = compilation.GetTypeByMetadataName("ClovaCodegen.ClovaStudioClientOptions");
    }

    /// <summary>The configured scope (project or endpoint).</summary>
    public AnalysisScope Scope { get; }

    public INamedTypeSymbol? OpenAIClient { get; }

    public INamedTypeSymbol? ChatClient { get; }

    public INamedTypeSymbol? ChatCompletionOptions { get; }

    public INamedTypeSymbol? EmbeddingClient { get; }

    public INamedTypeSymbol? ApiKeyCredential { get; }

    public INamedTypeSymbol? AuthenticationHeaderValue { get; }

    public INamedTypeSymbol? ClovaStudioClientOptions { get; }
}
