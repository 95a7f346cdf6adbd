using System;
using System.Collections.Immutable;
using System.Linq;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>
/// CLOVA008: a chat request that sets no max token count, so CLOVA Studio's default (the spec's <c>max_tokens</c> default,
/// 512) cuts longer answers. Checks every form a chat request is written in: OpenAI SDK <c>CompleteChat*</c> calls (no
/// options, or options created without <c>MaxOutputTokenCount</c> and never given one), Microsoft.Extensions.AI
/// <c>GetResponseAsync</c>/<c>GetStreamingResponseAsync</c> on an <c>IChatClient</c> (the same with <c>ChatOptions.MaxOutputTokens</c>),
/// generated builder chains that reach <c>Build()</c> without <c>MaxTokens</c>/<c>MaxCompletionTokens</c>, raw chat bodies
/// (dictionary, JsonObject, anonymous object) without a <c>max_tokens</c> or <c>max_completion_tokens</c> key, and JSON
/// bodies written as constant text (the SDK's protocol <c>CompleteChat(BinaryContent)</c>, <c>new StringContent(...)</c>),
/// judged by their content, Semantic Kernel's <c>OpenAIPromptExecutionSettings</c> created without <c>MaxTokens</c> or a
/// <c>max_tokens</c>/<c>max_completion_tokens</c> key in <c>ExtraBody</c> (in a local's declaration never given either later
/// in the body, or as a call's argument), and plain SK <c>PromptExecutionSettings</c> (a bag the spec says the adapter reads
/// into another type, <c>readAs</c>) without a key of <c>ExtensionData</c> that sets a max token member of that type
/// (<c>"max_tokens"</c>), nor one in the <c>"extra_body"</c> it reads into ExtraBody. Options or bodies it can't see (a
/// parameter, a field, a call's result) are not guessed at.
/// </summary>
public sealed class MissingMaxTokensAnalyzer : ClovaRule
{
    /// <summary>Diagnostic property: the max token count the fix sets (the spec's default, now written down where it can be raised).</summary>
    public const string ValueProperty = "Value";

    /// <summary>Diagnostic property: the form the request is written in, which is where the fix writes the setting.</summary>
    public const string FormProperty = "Form";

    /// <summary>An SDK call: its <c>ChatCompletionOptions</c> or <c>ChatOptions</c> (the diagnostic is on the call).</summary>
    public const string FormOptions = "Options";

    /// <summary>A generated builder chain (the diagnostic is on the <c>Build()</c> call).</summary>
    public const string FormBuilder = "Builder";

    /// <summary>A raw body: dictionary, JsonObject or anonymous object (the diagnostic is on its <c>new</c>).</summary>
    public const string FormBody = "Body";

    /// <summary>A JSON body's constant text (the diagnostic is on the text).</summary>
    public const string FormJson = "Json";

    /// <summary>Semantic Kernel's <c>OpenAIPromptExecutionSettings</c> created without <c>MaxTokens</c> (the diagnostic is on its type name).</summary>
    public const string FormSettings = "Settings";

    /// <summary>
    /// Plain settings whose bag the adapter reads into a type with a max token member (SK's <c>PromptExecutionSettings</c>
    /// and its <c>ExtensionData</c>), created without the key that sets it (the diagnostic is on the type name; the fix
    /// adds <see cref="KeyProperty"/> to the <see cref="BagProperty"/> bag).
    /// </summary>
    public const string FormReadBag = "ReadBag";

    /// <summary>Diagnostic property, form <see cref="FormReadBag"/>: the bag member (<c>ExtensionData</c>).</summary>
    public const string BagProperty = "Bag";

    /// <summary>Diagnostic property, form <see cref="FormReadBag"/>: the key that sets a max token count (<c>max_tokens</c>).</summary>
    public const string KeyProperty = "Key";

    /// <summary>The wire fields that set a max token count.</summary>
    private static readonly string[] MaxTokenFields = { "max_tokens", "max_completion_tokens" };

    public MissingMaxTokensAnalyzer()
        : base(DiagnosticDescriptors.MissingMaxTokens)
    {
    }

    internal override void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types)
    {
        var chat = spec.FindEndpoint(EndpointSpec.ChatCompletions);
        var defaultText = chat?.FindField("max_tokens")?.Default?.ToJson() ?? "512";

        // A body that spells the field the native way (maxTokens) has CLOVA005 on it, whose fix renames it: adding the
        // field beside it would leave the body with the key twice.
        var maxTokenKeys = MaxTokenFields.Concat(MaxTokenFields.SelectMany(f => chat?.FindField(f) is { } field ? field.NativeNames.ToArray() : Array.Empty<string>())).ToImmutableHashSet(StringComparer.Ordinal);
        var forms = new[] { FormOptions, FormBuilder, FormBody, FormJson, FormSettings, FormReadBag }.ToImmutableDictionary(
            form => form,
            form => ImmutableDictionary<string, string?>.Empty.Add(ValueProperty, defaultText).Add(FormProperty, form));

        void Report(OperationAnalysisContext operation, Location location, string form, SyntaxNode? anchor = null, Location? fixAt = null, ImmutableDictionary<string, string?>? properties = null)
        {
            if (types.Scope.Applies(operation, anchor))
            {
                operation.ReportDiagnostic(Diagnostic.Create(Descriptor, location, fixAt is null ? null : new[] { fixAt }, properties ?? forms[form], defaultText));
            }
        }

        void JudgeJson(OperationAnalysisContext operation)
        {
            if (RequestWrites.JsonChatBody(operation.Operation, types) is { } json && !maxTokenKeys.Any(json.Has))
            {
                Report(operation, json.ReportAt.GetLocation(), FormJson, json.ReportAt, json.Source.Syntax.GetLocation());
            }
        }

        context.RegisterOperationAction(
            operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                var method = invocation.TargetMethod;
                if (method.Name.StartsWith("CompleteChat", StringComparison.Ordinal) && method.ContainingType.IsOrDerivesFrom(types.ChatClient))
                {
                    // A protocol overload sends the body it is given, nothing of its own: judged by that body's content.
                    if (types.BinaryContent is not null && RequestWrites.ArgumentOfType(invocation, types.BinaryContent) is not null)
                    {
                        JudgeJson(operation);
                    }
                    else if (!OptionsSetMaxTokens(invocation, types.ChatCompletionOptions, "MaxOutputTokenCount", operation))
                    {
                        Report(operation, invocation.Syntax.GetLocation(), FormOptions);
                    }
                }
                else if (method.Name is "GetResponseAsync" or "GetStreamingResponseAsync" && IsChatClientCall(invocation, types)
                    && !OptionsSetMaxTokens(invocation, types.ChatOptions, "MaxOutputTokens", operation))
                {
                    Report(operation, invocation.Syntax.GetLocation(), FormOptions);
                }
                else if (method.Name == "Build" && types.Generated(method.ContainingType) == GeneratedRequest.ChatBuilder && !ChainCalls(invocation, "MaxTokens", "MaxCompletionTokens"))
                {
                    Report(operation, invocation.Syntax.GetLocation(), FormBuilder);
                }
            },
            OperationKind.Invocation);
        context.RegisterOperationAction(
            operation =>
            {
                if (RequestWrites.RawBody(operation.Operation, spec, types, operation.CancellationToken) is { Endpoint.Id: EndpointSpec.ChatCompletions } body)
                {
                    if (!body.HasAnyKey(maxTokenKeys))
                    {
                        Report(operation, body.Creation.Syntax.GetFirstToken().GetLocation(), FormBody, body.Creation.Syntax);
                    }
                }
                else
                {
                    JudgeJson(operation);
                }
            },
            RequestWrites.RawBodyKinds);
        // A key of a bag SK sends entry by entry (ExtraBody) that sets the count: max_tokens, or the path $.max_tokens.
        bool SentKeySetsMaxTokens(string key, IOperation? value) => RequestWrites.SentKeyField(key) is (var name, false) && maxTokenKeys.Contains(name);
        var settingsType = types.SemanticKernelOpenAISettings;
        var readBag = ReadBagSettings(spec, types, SentKeySetsMaxTokens);
        if (settingsType is not null || readBag is not null)
        {
            // The settings' bags SK sends entry by entry (ExtraBody): a max token key there sets the count too.
            var sentBags = spec.Bindings.Where(b => RequestWrites.IsSentBag(b) && settingsType is not null && settingsType.HasBindingName(b.TypeName)).Select(b => b.MemberName).ToImmutableHashSet(StringComparer.Ordinal);
            var settings = new SettingsWrites(sentBags, SentKeySetsMaxTokens);
            var readBagProperties = readBag is null ? null : forms[FormReadBag].Add(BagProperty, readBag.Writes.Bags.First()).Add(KeyProperty, readBag.Key);
            context.RegisterOperationAction(
                operation =>
                {
                    var creation = (IObjectCreationOperation)operation.Operation;
                    if (settingsType is not null && creation.Type.IsOrDerivesFrom(settingsType))
                    {
                        if (!SettingsSetMaxTokens(creation, "MaxTokens", settings, operation))
                        {
                            Report(operation, TypeNameLocation(creation), FormSettings, creation.Syntax);
                        }
                    }
                    else if (readBag is not null && SymbolEqualityComparer.Default.Equals(creation.Type, readBag.Type) && !SettingsSetMaxTokens(creation, null, readBag.Writes, operation))
                    {
                        Report(operation, TypeNameLocation(creation), FormReadBag, creation.Syntax, properties: readBagProperties);
                    }
                },
                OperationKind.ObjectCreation);
        }
    }

    /// <summary>Where a settings creation is reported: its type name (<c>new T { ... }</c>), or its first token (<c>new() { ... }</c>).</summary>
    private static Location TypeNameLocation(IObjectCreationOperation creation) =>
        creation.Syntax is ObjectCreationExpressionSyntax { Type: var typeName } ? typeName.GetLocation() : creation.Syntax.GetFirstToken().GetLocation();

    /// <summary>Plain settings: the type whose bag an adapter reads into another type, the bag's writes that set a max token count, and the key that does.</summary>
    private sealed record ReadBagSettingsSpec(INamedTypeSymbol Type, SettingsWrites Writes, string Key);

    /// <summary>
    /// The plain settings a chat binding's <c>readAs</c> describes (SK's <c>PromptExecutionSettings.ExtensionData</c>, read
    /// into <c>OpenAIPromptExecutionSettings</c>) when one of its read keys sets a member the spec binds to a max token field
    /// (<c>"max_tokens"</c>: <c>MaxTokens</c>, sent as <c>max_completion_tokens</c>): a key such as that, or a read key that
    /// sets a bag SK sends entry by entry (<c>"extra_body"</c>) holding a max token key, or one whose keys can't be seen.
    /// Null when the spec has none or the compilation lacks the adapter or the types.
    /// </summary>
    private static ReadBagSettingsSpec? ReadBagSettings(CompatSpec spec, KnownTypes types, Func<string, IOperation?, bool> sentKeySetsMaxTokens)
    {
        foreach (var binding in spec.Bindings)
        {
            if (binding is not { Endpoint: EndpointSpec.ChatCompletions, Field: BindingSpec.AnyField, DroppedBy: { } adapter, ReadKeys.IsEmpty: false, ReadAs: { } readAsName }
                || !types.References(adapter) || types.TypeNamed(binding.TypeName) is not { } bagType
                || types.TypeNamed(readAsName) is not { } readAs || !readAs.IsOrDerivesFrom(bagType))
            {
                continue;
            }

            var maxKeys = binding.ReadKeys.Where(k => RequestWrites.ReadKeyBinding(readAs, k, spec)?.Field is { } field && Array.IndexOf(MaxTokenFields, field) >= 0).ToImmutableHashSet(StringComparer.Ordinal);
            var sentKeys = binding.ReadKeys.Where(k => RequestWrites.ReadKeyBinding(readAs, k, spec) is { } member && RequestWrites.IsSentBag(member) && member.Endpoint == binding.Endpoint).ToImmutableHashSet(StringComparer.Ordinal);
            if (maxKeys.IsEmpty)
            {
                continue;
            }

            bool ReadKeySetsMaxTokens(string key, IOperation? value) => maxKeys.Contains(key)
                || (sentKeys.Contains(key) && (value is null || RequestWrites.CreatedBagEntries(value) is not { } inside || inside.Any(e => sentKeySetsMaxTokens(e.Key, e.Value))));
            var key = maxKeys.Contains(MaxTokenFields[0]) ? MaxTokenFields[0] : maxKeys.OrderBy(k => k, StringComparer.Ordinal).First();
            return new ReadBagSettingsSpec(bagType, new SettingsWrites(ImmutableHashSet.Create(StringComparer.Ordinal, binding.MemberName), ReadKeySetsMaxTokens), key);
        }

        return null;
    }

    /// <summary>
    /// Whether Semantic Kernel settings get a max token count (SK sends MaxTokens as max_completion_tokens): in their
    /// initializer, or (settings kept in a local) by an assignment in the same body; or a max token key in a bag SK sends
    /// entry by entry (<c>ExtraBody["max_tokens"]</c>, also as the path <c>$.max_tokens</c>), given there or added to the
    /// local's bag in the same body. Settings made anywhere else than a local's declaration or a call's argument (a field,
    /// a returned value) may get it elsewhere, as may a bag whose keys can't be seen: not guessed at. Plain settings
    /// (<paramref name="member"/> null) have no member of their own that sets it, only their bag's keys.
    /// </summary>
    private static bool SettingsSetMaxTokens(IObjectCreationOperation creation, string? member, SettingsWrites settings, OperationAnalysisContext context)
    {
        if (member is not null && InitializerSets(creation, member))
        {
            return true;
        }

        foreach (var initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
        {
            if (RequestWrites.WrittenProperty(initializer) is { Property.Name: var name } && settings.Bags.Contains(name) && settings.MaySetMaxTokens(initializer))
            {
                return true;
            }
        }

        var parent = creation.Parent is IConversionOperation conversion ? conversion.Parent : creation.Parent;
        return parent switch
        {
            IArgumentOperation => false,
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } =>
                (member is not null && BodyAssigns(declarator.Symbol.Name, member, context)) || settings.BodyFillsBag(declarator.Symbol.Name, context),
            _ => true,
        };
    }

    /// <summary>
    /// The bag members of SK's settings whose entries may set a max token count (ExtraBody, which SK sends; plain settings'
    /// ExtensionData, which it reads), and which entry does (its key, and value).
    /// </summary>
    private sealed class SettingsWrites
    {
        private readonly Func<string, IOperation?, bool> _entrySetsMaxTokens;

        public SettingsWrites(ImmutableHashSet<string> bags, Func<string, IOperation?, bool> entrySetsMaxTokens)
        {
            Bags = bags;
            _entrySetsMaxTokens = entrySetsMaxTokens;
        }

        public ImmutableHashSet<string> Bags { get; }

        /// <summary>Whether a write into one of the bags may set a max token field: one of its entries does, or its keys can't be seen.</summary>
        public bool MaySetMaxTokens(IOperation write)
        {
            if (RequestWrites.BagEntries(write) is not { } entries)
            {
                return true;
            }

            foreach (var (key, _, value) in entries)
            {
                if (_entrySetsMaxTokens(key, value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the containing member's body writes into the local's sent bag in a way that may set a max token field:
        /// <c>local.ExtraBody["max_tokens"] = n</c>, <c>local.ExtraBody.Add(...)</c>, <c>local.ExtraBody = new() { ... }</c>.
        /// Reads of the bag write nothing.
        /// </summary>
        public bool BodyFillsBag(string local, OperationAnalysisContext context)
        {
            var body = context.ContainingSymbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken);
            if (Bags.IsEmpty || body is null || context.Operation.SemanticModel is not { } model || body.SyntaxTree != model.SyntaxTree)
            {
                return false;
            }

            foreach (var node in body.DescendantNodes())
            {
                if (node is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax identifier } access && identifier.Identifier.ValueText == local
                    && Bags.Contains(access.Name.Identifier.ValueText) && WriteThrough(access) is { } write
                    && model.GetOperation(write, context.CancellationToken) is { } operation && RequestWrites.WrittenProperty(operation) is not null
                    && MaySetMaxTokens(operation))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The assignment or call that writes through <c>local.Bag</c>, or null when the access only reads it.</summary>
        private static SyntaxNode? WriteThrough(MemberAccessExpressionSyntax access) => access.Parent switch
        {
            AssignmentExpressionSyntax assignment when assignment.Left == access => assignment,
            ElementAccessExpressionSyntax { Parent: AssignmentExpressionSyntax assignment } element when assignment.Left == element => assignment,
            MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } called when invocation.Expression == called => invocation,
            _ => null,
        };
    }

    // A loop, not LINQ with a lambda: the lambda would capture the type and allocate on every CompleteChat/GetResponse call.
    private static IArgumentOperation? ArgumentOfTypeOrDerived(IInvocationOperation invocation, INamedTypeSymbol? type)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.IsOrDerivesFrom(type) == true)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>A call of an <c>IChatClient</c>'s method or of an extension method on one (<c>chat.GetResponseAsync("hi")</c>).</summary>
    private static bool IsChatClientCall(IInvocationOperation invocation, KnownTypes types)
    {
        if (types.ChatClientInterface is not { } chatClient || types.ChatOptions is null)
        {
            return false;
        }

        var receiver = invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value.WithoutConversions() : null);
        // The definition's interfaces, not the constructed type's: IChatClient takes no type arguments, so List<T> has it
        // if and only if List<ChatMessage> has, and the compiler lists a definition's interfaces once, where it substitutes
        // them into every constructed type it is asked about (every messages.Add(...) call).
        return receiver?.Type is { } type
            && (SymbolEqualityComparer.Default.Equals(type, chatClient) || type.OriginalDefinition.AllInterfaces.Contains(chatClient, SymbolEqualityComparer.Default));
    }

    /// <summary>Whether the options the call is given set the member (or can't be seen: then nothing is guessed).</summary>
    private static bool OptionsSetMaxTokens(IInvocationOperation invocation, INamedTypeSymbol? optionsType, string member, OperationAnalysisContext context)
    {
        var options = ArgumentOfTypeOrDerived(invocation, optionsType);
        return options is not null && SetsMaxTokens(options.Value.WithoutConversions(), member, context);
    }

    private static bool SetsMaxTokens(IOperation options, string member, OperationAnalysisContext context)
    {
        switch (options)
        {
            case IDefaultValueOperation or ILiteralOperation:
                return false;
            case IObjectCreationOperation creation:
                return InitializerSets(creation, member);
            case ILocalReferenceOperation local:
                // Created with an initializer that sets it, or assigned later in the same body.
                if (LocalInitializerSets(local, member, context))
                {
                    return true;
                }

                return BodyAssigns(local.Local.Name, member, context);
            default:
                return true; // a parameter, field or call: can't see it, don't guess
        }
    }

    /// <summary>
    /// Whether the containing member's body sets <c>local.Member</c> anywhere (or the body can't be seen). Its own method: a
    /// lambda capturing the names makes the compiler allocate their closure on entry to the method that declares them, on
    /// every call, also when the lambda is never reached.
    /// </summary>
    private static bool BodyAssigns(string local, string member, OperationAnalysisContext context)
    {
        var body = context.ContainingSymbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken);
        if (body is null)
        {
            return true;
        }

        foreach (var node in body.DescendantNodes())
        {
            if (node is MemberAccessExpressionSyntax access && access.Name.Identifier.ValueText == member
                && access.Expression is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == local)
            {
                return true;
            }
        }

        return false;
    }

    private static bool LocalInitializerSets(ILocalReferenceOperation local, string member, OperationAnalysisContext context)
    {
        foreach (var reference in local.Local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(context.CancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var value })
            {
                return true; // declared without a value here (a pattern, an out variable): can't see it
            }

            if (value is not BaseObjectCreationExpressionSyntax creation)
            {
                return true; // initialised from elsewhere: can't see it
            }

            if (creation.Initializer is { } initializer)
            {
                foreach (var expression in initializer.Expressions)
                {
                    if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } && name.Identifier.ValueText == member)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool InitializerSets(IObjectCreationOperation creation, string member)
    {
        foreach (var initializer in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: var name } } && name == member)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ChainCalls(IInvocationOperation build, params string[] names)
    {
        if (build.ChainBackFrom().Skip(1).Any(call => names.Contains(call.TargetMethod.Name)))
        {
            return true;
        }

        // A builder kept in a variable may be configured across statements: only judge fluent chains.
        return build.Instance?.WithoutConversions() is not IInvocationOperation;
    }
}
