using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>
/// The types the rules look for, resolved once per compilation (null when not referenced). Rules compare symbols with
/// these, never simple names: a user's own <c>ChatCompletionRequest</c> or <c>ClovaStudioClientOptions</c> in another
/// namespace is not ours.
/// </summary>
public sealed class KnownTypes
{
    /// <summary>The generator's name in the <c>[GeneratedCode]</c> attribute it puts on every type it emits.</summary>
    public const string GeneratorName = "ClovaCodegen.Generator";

    /// <summary>The MSBuild property (made compiler-visible by the package) that names the generated types' namespace.</summary>
    public const string NamespaceOption = "build_property.ClovaCodegenNamespace";

    public const string DefaultGeneratedNamespace = "ClovaCodegen.Requests";

    private readonly Compilation _compilation;
    private readonly HashSet<IAssemblySymbol> _ourAssemblies = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> _referencedAssemblies;
    private readonly INamedTypeSymbol?[] _configuredRequests;
    private readonly ConcurrentDictionary<INamedTypeSymbol, GeneratedRequest> _generated = new(SameSymbolObject<INamedTypeSymbol>.Comparer);
    private readonly ConcurrentDictionary<INamedTypeSymbol, StringKeys> _stringKeysByDefinition = new(SameSymbolObject<INamedTypeSymbol>.Comparer);
    private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _typesBySpecName = new(StringComparer.Ordinal);
    private readonly Lazy<bool> _registersOnlyClovaChatClient;

    public KnownTypes(Compilation compilation, AnalysisScope scope)
    {
        _compilation = compilation;
        Scope = scope;
        OpenAIClient = compilation.GetTypeByMetadataName("OpenAI.OpenAIClient");
        OpenAIClientOptions = compilation.GetTypeByMetadataName("OpenAI.OpenAIClientOptions");
        ChatClient = compilation.GetTypeByMetadataName("OpenAI.Chat.ChatClient");
        ChatCompletionOptions = compilation.GetTypeByMetadataName("OpenAI.Chat.ChatCompletionOptions");
        EmbeddingClient = compilation.GetTypeByMetadataName("OpenAI.Embeddings.EmbeddingClient");
        EmbeddingGenerationOptions = compilation.GetTypeByMetadataName("OpenAI.Embeddings.EmbeddingGenerationOptions");
        ApiKeyCredential = compilation.GetTypeByMetadataName("System.ClientModel.ApiKeyCredential");
        BinaryContent = compilation.GetTypeByMetadataName("System.ClientModel.BinaryContent");
        BinaryData = compilation.GetTypeByMetadataName("System.BinaryData");
        JsonPatch = compilation.GetTypeByMetadataName("System.ClientModel.Primitives.JsonPatch");
        AuthenticationHeaderValue = compilation.GetTypeByMetadataName("System.Net.Http.Headers.AuthenticationHeaderValue");
        HttpHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpHeaders");
        HttpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
        HttpRequestMessage = compilation.GetTypeByMetadataName("System.Net.Http.HttpRequestMessage");
        Uri = compilation.GetTypeByMetadataName("System.Uri");
        JsonObject = compilation.GetTypeByMetadataName("System.Text.Json.Nodes.JsonObject");
        GenericDictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.IDictionary`2");
        StockChatAdapter = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.OpenAIClientExtensions");
        ChatClientInterface = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.IChatClient");
        ChatOptions = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatOptions");
        StringContent = compilation.GetTypeByMetadataName("System.Net.Http.StringContent");
        JsonPropertyNameAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPropertyNameAttribute");
        NewtonsoftJsonPropertyAttribute = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonPropertyAttribute");

        SemanticKernelOpenAISettings = compilation.GetTypeByMetadataName("Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings");

        ClovaStudioClientOptions = compilation.GetTypeByMetadataName("ClovaCodegen.ClovaStudioClientOptions");
        ClovaStudioClient = compilation.GetTypeByMetadataName("ClovaCodegen.ClovaStudioClient");
        ClovaTool = compilation.GetTypeByMetadataName("ClovaCodegen.ClovaTool");
        ClovaToolSet = compilation.GetTypeByMetadataName("ClovaCodegen.ClovaToolSet");
        ClovaToolAttribute = compilation.GetTypeByMetadataName("ClovaCodegen.ClovaToolAttribute");
        ClovaOpenAI = compilation.GetTypeByMetadataName("ClovaCodegen.OpenAI.ClovaOpenAI");
        ClovaCompatibilityPolicy = compilation.GetTypeByMetadataName("ClovaCodegen.OpenAI.ClovaCompatibilityPolicy");
        ClovaChatClient = compilation.GetTypeByMetadataName("ClovaCodegen.Extensions.AI.ClovaChatClient");
        ClovaStudioClientExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ClovaStudioClientExtensions");
        ClovaStudioRegistration = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.ClovaStudioServiceCollectionExtensions");
        foreach (var ours in new[] { ClovaStudioClientOptions, ClovaOpenAI, ClovaChatClient })
        {
            if (ours is not null)
            {
                _ourAssemblies.Add(ours.ContainingAssembly);
            }
        }

        _referencedAssemblies = new HashSet<string>(compilation.ReferencedAssemblyNames.Select(a => a.Name), StringComparer.OrdinalIgnoreCase);
        var configured = scope.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(NamespaceOption, out var ns) && !string.IsNullOrWhiteSpace(ns) ? ns.Trim() : DefaultGeneratedNamespace;
        _configuredRequests = new[] { "ChatCompletionRequest", "ChatCompletionRequestBuilder", "EmbeddingRequest", "EmbeddingRequestBuilder" }
            .Select(name => compilation.GetTypeByMetadataName(configured + "." + name)).ToArray();
        _registersOnlyClovaChatClient = new Lazy<bool>(FindRegistersOnlyClovaChatClient, LazyThreadSafetyMode.ExecutionAndPublication);
        IsOursCheck = symbol => IsOurs(symbol);
        scope.Types = this;
    }

    /// <summary><see cref="IsOurs"/> as one delegate for the compilation (the evidence search takes a predicate).</summary>
    public Func<ISymbol, bool> IsOursCheck { get; }

    /// <summary>Where the compilation's variables get their values (the one origin tracker every rule asks).</summary>
    internal ValueOrigins Origins { get; } = new();

    /// <summary>What the rules share about single operations of this compilation (raw bodies, bound members).</summary>
    internal OperationFacts Operations { get; } = new();

    /// <summary>The configured scope (project or endpoint).</summary>
    public AnalysisScope Scope { get; }

    public INamedTypeSymbol? OpenAIClient { get; }

    public INamedTypeSymbol? OpenAIClientOptions { get; }

    public INamedTypeSymbol? ChatClient { get; }

    public INamedTypeSymbol? ChatCompletionOptions { get; }

    public INamedTypeSymbol? EmbeddingClient { get; }

    public INamedTypeSymbol? EmbeddingGenerationOptions { get; }

    public INamedTypeSymbol? ApiKeyCredential { get; }

    public INamedTypeSymbol? BinaryContent { get; }

    public INamedTypeSymbol? BinaryData { get; }

    /// <summary>The type of the OpenAI SDK's <c>Patch</c> members.</summary>
    public INamedTypeSymbol? JsonPatch { get; }

    public INamedTypeSymbol? AuthenticationHeaderValue { get; }

    public INamedTypeSymbol? HttpHeaders { get; }

    public INamedTypeSymbol? HttpClient { get; }

    public INamedTypeSymbol? HttpRequestMessage { get; }

    public INamedTypeSymbol? Uri { get; }

    public INamedTypeSymbol? JsonObject { get; }

    public INamedTypeSymbol? GenericDictionary { get; }

    /// <summary>Microsoft.Extensions.AI's <c>IChatClient</c>, whichever adapter implements it.</summary>
    public INamedTypeSymbol? ChatClientInterface { get; }

    /// <summary>Microsoft.Extensions.AI's <c>ChatOptions</c>.</summary>
    public INamedTypeSymbol? ChatOptions { get; }

    public INamedTypeSymbol? StringContent { get; }

    /// <summary>System.Text.Json's <c>[JsonPropertyName]</c>: the name a DTO's property is serialized under.</summary>
    public INamedTypeSymbol? JsonPropertyNameAttribute { get; }

    /// <summary>Newtonsoft.Json's <c>[JsonProperty]</c>: the same for Json.NET.</summary>
    public INamedTypeSymbol? NewtonsoftJsonPropertyAttribute { get; }

    /// <summary>Microsoft.Extensions.AI.OpenAI's extensions that make the stock adapter (<c>chatClient.AsIChatClient()</c>).</summary>
    public INamedTypeSymbol? StockChatAdapter { get; }

    /// <summary>Semantic Kernel's <c>OpenAIPromptExecutionSettings</c> (its assembly is SK's OpenAI connector).</summary>
    public INamedTypeSymbol? SemanticKernelOpenAISettings { get; }

    /// <summary>
    /// The endpoint a Semantic Kernel OpenAI connector registration serves (<c>AddOpenAIChatCompletion</c>,
    /// <c>AddOpenAIChatClient</c>: chat; <c>AddOpenAIEmbeddingGenerator</c>, <c>AddOpenAITextEmbeddingGeneration</c>:
    /// embeddings), on a kernel builder or a service collection; null for any other method. Its <c>modelId</c> is the
    /// model sent and its <c>endpoint</c> becomes the SDK's <c>OpenAIClientOptions.Endpoint</c>.
    /// </summary>
    public string? SemanticKernelRegistrationEndpoint(IMethodSymbol method)
    {
        var endpoint = method.Name switch
        {
            "AddOpenAIChatCompletion" or "AddOpenAIChatClient" => "chat.completions",
            "AddOpenAIEmbeddingGenerator" or "AddOpenAITextEmbeddingGeneration" => "embeddings",
            _ => null,
        };
        return endpoint is not null && SemanticKernelOpenAISettings is { } settings
            && SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).ContainingAssembly, settings.ContainingAssembly) ? endpoint : null;
    }

    public INamedTypeSymbol? ClovaStudioClientOptions { get; }

    public INamedTypeSymbol? ClovaStudioClient { get; }

    /// <summary>The runtime's tool (a generated <c>MyTools.GetWeatherTool</c>).</summary>
    public INamedTypeSymbol? ClovaTool { get; }

    /// <summary>The runtime's tool set (a generated <c>MyTools.All</c>, <c>ClovaToolSet.Combine</c>).</summary>
    public INamedTypeSymbol? ClovaToolSet { get; }

    /// <summary>The runtime's <c>[ClovaTool]</c>, which marks the methods the generator makes tools of.</summary>
    public INamedTypeSymbol? ClovaToolAttribute { get; }

    public INamedTypeSymbol? ClovaOpenAI { get; }

    public INamedTypeSymbol? ClovaCompatibilityPolicy { get; }

    public INamedTypeSymbol? ClovaChatClient { get; }

    /// <summary>ClovaCodegen.Extensions.AI's <c>clovaStudioClient.AsIChatClient()</c>.</summary>
    public INamedTypeSymbol? ClovaStudioClientExtensions { get; }

    /// <summary>ClovaCodegen.Extensions.AI's <c>services.AddClovaStudio(...)</c>.</summary>
    public INamedTypeSymbol? ClovaStudioRegistration { get; }

    /// <summary>A type the spec names by its metadata name (a binding's <c>readAs</c>), looked up once per compilation; null when not referenced.</summary>
    public INamedTypeSymbol? TypeNamed(string metadataName) =>
        _typesBySpecName.TryGetValue(metadataName, out var known) ? known : _typesBySpecName.GetOrAdd(metadataName, _compilation.GetTypeByMetadataName(metadataName));

    /// <summary>Whether the compilation references the assembly (an adapter named by the spec's <c>droppedBy</c>).</summary>
    public bool References(string assemblyName) => _referencedAssemblies.Contains(assemblyName);

    /// <summary>Whether the symbol is ClovaCodegen's: a type or member of its runtime assemblies, or a generated request type or member.</summary>
    public bool IsOurs(ISymbol? symbol)
    {
        if (symbol is null)
        {
            return false;
        }

        if (symbol.ContainingAssembly is { } assembly && _ourAssemblies.Contains(assembly))
        {
            return true;
        }

        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        return type is not null && Generated(type) != GeneratedRequest.None;
    }

    /// <summary>Which generated request type this is: by the configured namespace, or by the generator's <c>[GeneratedCode]</c>.</summary>
    public GeneratedRequest Generated(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return GeneratedRequest.None;
        }

        // Most types are ruled out by name before any symbol is compared or attribute read.
        var kind = named.Name switch
        {
            "ChatCompletionRequest" => GeneratedRequest.ChatRequest,
            "ChatCompletionRequestBuilder" => GeneratedRequest.ChatBuilder,
            "EmbeddingRequest" => GeneratedRequest.EmbeddingRequest,
            "EmbeddingRequestBuilder" => GeneratedRequest.EmbeddingBuilder,
            _ => GeneratedRequest.None,
        };
        if (kind == GeneratedRequest.None)
        {
            return kind;
        }

        var definition = named.OriginalDefinition;
        if (!_generated.TryGetValue(definition, out var known))
        {
            known = SymbolEqualityComparer.Default.Equals(definition, _configuredRequests[(int)kind - 1]) || IsFromGenerator(definition) ? kind : GeneratedRequest.None;
            _generated.TryAdd(definition, known);
        }

        return known;
    }

    /// <summary>
    /// Whether the compilation may use a generated chat builder: the configured namespace has one (this project's or a
    /// reference's), or this project declares a type of that name (a generated one in another namespace is recognised by
    /// its <c>[GeneratedCode]</c>). Cheap: a lookup by metadata name and the compilation's declaration table, nothing bound.
    /// </summary>
    public bool MayHaveGeneratedChatBuilder() =>
        _configuredRequests[(int)GeneratedRequest.ChatBuilder - 1] is not null || _compilation.ContainsSymbolsWithName("ChatCompletionRequestBuilder", SymbolFilter.Type);

    private static bool IsFromGenerator(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute", ContainingNamespace: { Name: "Compiler", ContainingNamespace: { Name: "CodeDom", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } }
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value as string == GeneratorName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A dictionary with string keys (anything implementing <c>IDictionary&lt;string, T&gt;</c>) or a JsonObject.</summary>
    public bool IsStringKeyedBag(INamedTypeSymbol type)
    {
        // Asked of every creation. The answer is worked out once per type definition, not per constructed type: the compiler
        // makes a new Dictionary<string, object> for every place that names one, and listing its interfaces substitutes the
        // type arguments into each of them (a fifth of the hosts' profile samples on the synthetic project, before).
        var definition = type.OriginalDefinition;
        if (!_stringKeysByDefinition.TryGetValue(definition, out var keys))
        {
            keys = StringKeysOf(definition);
            _stringKeysByDefinition.TryAdd(definition, keys);
        }

        return keys switch
        {
            StringKeys.Always => true,
            StringKeys.Never => false,
            StringKeys.Unknown => StringKeysOf(type) == StringKeys.Always,
            // The definition's own type argument at that position is the key type (Dictionary<TKey, TValue>).
            _ => (int)keys < type.TypeArguments.Length && type.TypeArguments[(int)keys].SpecialType == SpecialType.System_String,
        };
    }

    /// <summary>
    /// Whether a type's <c>IDictionary&lt;K, V&gt;</c> has string keys: always, never, or when the type's own type argument at
    /// an index (the enum's value) is string. Unknown when the key comes from somewhere else (an enclosing type's parameter).
    /// </summary>
    private StringKeys StringKeysOf(INamedTypeSymbol type)
    {
        if (SymbolEqualityComparer.Default.Equals(type, JsonObject))
        {
            return StringKeys.Always;
        }

        var result = StringKeys.Never;
        foreach (var implemented in type.AllInterfaces)
        {
            if (!SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, GenericDictionary))
            {
                continue;
            }

            switch (implemented.TypeArguments[0])
            {
                case { SpecialType: SpecialType.System_String }:
                    return StringKeys.Always;
                case ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Type } parameter when SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, type):
                    result = result == StringKeys.Never ? (StringKeys)parameter.Ordinal : StringKeys.Unknown;
                    break;
                case ITypeParameterSymbol:
                    result = StringKeys.Unknown;
                    break;
            }
        }

        return result;
    }

    /// <summary>What <see cref="StringKeysOf"/> says of a type definition; a value of 0 or more is a type argument's index.</summary>
    private enum StringKeys
    {
        Never = -1,
        Always = -2,
        Unknown = -3,
    }

    /// <summary>
    /// Whether the project registers ClovaCodegen's chat client (<c>AddClovaStudio</c>) and never makes the stock OpenAI
    /// adapter (Microsoft.Extensions.AI.OpenAI's <c>AsIChatClient</c>): then an IChatClient it resolves is ours. Looked up
    /// once per compilation, and only when a rule asks: files whose text never spells either name are not bound.
    /// </summary>
    public bool RegistersOnlyClovaChatClient => _registersOnlyClovaChatClient.Value;

    /// <summary>The registrations of ClovaCodegen's chat client: all three at once, or the chat client over a registered ClovaStudioClient.</summary>
    private static readonly string[] RegistrationName = { "AddClovaStudio", "AddClovaStudioChatClient", "AddKeyedClovaStudioChatClient" };
    private static readonly string[] AdapterName = { "AsIChatClient" };

    private bool FindRegistersOnlyClovaChatClient()
    {
        if (ClovaStudioRegistration is null)
        {
            return false;
        }

        var registersOurs = false;
        foreach (var tree in _compilation.SyntaxTrees)
        {
            // The text check is remembered per file (a file's text does not change; the next compilation reuses it).
            var mayRegister = CallSiteEvidence.MentionsAny(tree, Array.Empty<string>(), RegistrationName, CancellationToken.None);
            var mayAdapt = StockChatAdapter is not null && CallSiteEvidence.MentionsAny(tree, Array.Empty<string>(), AdapterName, CancellationToken.None);
            if (!mayRegister && !mayAdapt)
            {
                continue;
            }

            // Only the files that spell a name are bound, and in them only the calls of that name.
#pragma warning disable RS1030 // Once per compilation, for the few files that name a registration or AsIChatClient.
            var model = _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            foreach (var invocation in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    _ => null,
                };
                if (name is null || (Array.IndexOf(RegistrationName, name) < 0 && Array.IndexOf(AdapterName, name) < 0))
                {
                    continue;
                }

                var method = model.GetSymbolInfo(invocation).Symbol as IMethodSymbol;
                var owner = method?.ReducedFrom?.ContainingType ?? method?.ContainingType;
                if (SymbolEqualityComparer.Default.Equals(owner, StockChatAdapter))
                {
                    return false;
                }

                registersOurs |= SymbolEqualityComparer.Default.Equals(owner, ClovaStudioRegistration);
            }
        }

        return registersOurs;
    }
}

/// <summary>The generated request types the rules recognise.</summary>
public enum GeneratedRequest
{
    None,
    ChatRequest,
    ChatBuilder,
    EmbeddingRequest,
    EmbeddingBuilder,
}
