using Microsoft.CodeAnalysis;

namespace ClovaCodegen.Analyzers.Infrastructure;

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
