using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Analyzers;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Analyzers.Rules;
using ClovaCodegen.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace ClovaCodegen.CodeFixes.Rules;

/// <summary>
/// CLOVA008: write the max token count down, in the form the code already uses, with the spec's default as the value
/// (what the request gets today, now visible where it can be raised): <c>.MaxTokens(512)</c> before a generated builder's
/// <c>Build()</c>; <c>MaxOutputTokenCount = 512</c> (OpenAI SDK) or <c>MaxOutputTokens = 512</c> (Microsoft.Extensions.AI)
/// in the initializer of the options the call is given (written inline or in a local's declaration), <c>MaxTokens = 512</c> in
/// Semantic Kernel's <c>OpenAIPromptExecutionSettings</c>, a <c>["max_tokens"] = 512</c> entry in plain SK settings'
/// <c>ExtensionData</c> (added to the bag created in their initializer, or a new one); for a call without
/// options, new options; a <c>max_tokens</c> entry in a raw body's initializer; a <c>"max_tokens"</c> member in a JSON literal.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingMaxTokensFixer)), Shared]
public sealed class MissingMaxTokensFixer : ClovaFixer
{
    private const string WireField = "max_tokens";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.MissingMaxTokens);

    internal override async Task<ImmutableArray<ClovaFix>> GetFixesAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(MissingMaxTokensAnalyzer.ValueProperty, out var valueText) || valueText is null
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
        {
            return ImmutableArray<ClovaFix>.Empty;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var value = SyntaxFactory.ParseExpression(valueText);
        diagnostic.Properties.TryGetValue(MissingMaxTokensAnalyzer.FormProperty, out var form);
        var fix = form switch
        {
            MissingMaxTokensAnalyzer.FormBody => BodyFix(node, model, value, cancellationToken),
            MissingMaxTokensAnalyzer.FormSettings => SettingsFix(node, value),
            MissingMaxTokensAnalyzer.FormReadBag => ReadBagFix(node, diagnostic, model, value, cancellationToken),
            MissingMaxTokensAnalyzer.FormJson => JsonFix(diagnostic.AdditionalLocations.Count == 1 && diagnostic.AdditionalLocations[0].SourceTree == root.SyntaxTree ? root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) : node, valueText),
            _ => node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } call && model.GetOperation(call, cancellationToken) is IInvocationOperation invocation
                ? invocation.TargetMethod.Name == "Build" ? BuilderFix(call, invocation, value) : OptionsFix(call, invocation, model.Compilation, value, cancellationToken)
                : null,
        };
        return fix is null ? ImmutableArray<ClovaFix>.Empty : ImmutableArray.Create(fix);
    }

    private static string Title(string what) => $"Set {what} (CLOVA Studio's default, written down to be raised)";

    /// <summary><c>....Build()</c> → <c>....MaxTokens(512).Build()</c>, with the setter the builder has.</summary>
    private static ClovaFix? BuilderFix(InvocationExpressionSyntax call, IInvocationOperation build, ExpressionSyntax value)
    {
        var setter = new[] { "MaxTokens", "MaxCompletionTokens" }.FirstOrDefault(name => build.TargetMethod.ContainingType.GetMembers(name).OfType<IMethodSymbol>().Any(m => m.Parameters.Length == 1));
        if (setter is null || call.Expression is not MemberAccessExpressionSyntax access)
        {
            return null;
        }

        var withSetter = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, access.Expression.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName(setter)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(value))));
        return new ClovaFix(Title($"{setter}({value})"), editor => editor.ReplaceNode(access.Expression, withSetter.WithTriviaFrom(access.Expression)));
    }

    private static ExpressionSyntax NewOptions(string optionsType, string member, ExpressionSyntax value) =>
        SyntaxFactory.ParseExpression($"new global::{optionsType} {{ {member} = {value} }}").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    /// <summary>The options the call is given get the member; a call given none (or <c>null</c>) gets options.</summary>
    private static ClovaFix? OptionsFix(InvocationExpressionSyntax call, IInvocationOperation invocation, Compilation compilation, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        // The OpenAI SDK's CompleteChat* take ChatCompletionOptions; Microsoft.Extensions.AI's IChatClient calls ChatOptions.
        var (optionsTypeName, member) = invocation.TargetMethod.Name.StartsWith("CompleteChat", System.StringComparison.Ordinal)
            ? ("OpenAI.Chat.ChatCompletionOptions", "MaxOutputTokenCount")
            : ("Microsoft.Extensions.AI.ChatOptions", "MaxOutputTokens");
        var optionsType = compilation.GetTypeByMetadataName(optionsTypeName);
        var options = invocation.Arguments.FirstOrDefault(a => a.Parameter is { } p && SymbolEqualityComparer.Default.Equals(p.Type.OriginalDefinition, optionsType));
        var title = Title($"{member} = {value}");
        var explicitArguments = call.ArgumentList.Arguments;
        var creation = NewOptions(optionsTypeName, member, value);
        if (options is null)
        {
            // CompleteChat(messageArray) binds to the params overload, which takes no options; with options added, the same
            // array goes to the (messages, options) overload. Expanded params (CompleteChat(m1, m2)) are left alone.
            var takesOptionsSecond = invocation.TargetMethod.ContainingType.GetMembers(invocation.TargetMethod.Name).OfType<IMethodSymbol>()
                .Any(m => m.Parameters.Length >= 2 && SymbolEqualityComparer.Default.Equals(m.Parameters[1].Type, optionsType));
            return takesOptionsSecond && explicitArguments.Count == 1 && explicitArguments[0].NameColon is null
                && invocation.Arguments.Length == 1 && invocation.Arguments[0].ArgumentKind == ArgumentKind.Explicit
                ? new ClovaFix(title, editor => editor.ReplaceNode(call.ArgumentList, call.ArgumentList.AddArguments(SyntaxFactory.Argument(creation))), AddsImports: true)
                : null;
        }

        if (options.ArgumentKind == ArgumentKind.DefaultValue)
        {
            // An extension method called on its receiver (chat.GetResponseAsync("hi")) has the receiver as parameter 0.
            var receiverIsParameter = invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 && invocation.Arguments[0].Syntax is not ArgumentSyntax;
            var position = options.Parameter!.Ordinal - (receiverIsParameter ? 1 : 0);
            var positional = explicitArguments.All(a => a.NameColon is null) && position == explicitArguments.Count;
            var argument = positional
                ? SyntaxFactory.Argument(creation)
                : SyntaxFactory.Argument(SyntaxFactory.NameColon(options.Parameter!.Name), default, creation);
            return new ClovaFix(title, editor => editor.ReplaceNode(call.ArgumentList, call.ArgumentList.AddArguments(argument)), AddsImports: true);
        }

        var given = options.Value.WithoutConversions();
        if (given is ILiteralOperation or IDefaultValueOperation && given.Syntax is ExpressionSyntax nothing)
        {
            // GetResponseAsync("hi", null) → GetResponseAsync("hi", new ChatOptions { MaxOutputTokens = 512 })
            return new ClovaFix(title, editor => editor.ReplaceNode(nothing, creation.WithTriviaFrom(nothing)), AddsImports: true);
        }

        var target = given switch
        {
            IObjectCreationOperation { Syntax: BaseObjectCreationExpressionSyntax inline } => inline,
            ILocalReferenceOperation local => local.Local.DeclaringSyntaxReferences.Length == 1
                && local.Local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax declared }
                && declared.SyntaxTree == call.SyntaxTree
                    ? declared
                    : null,
            _ => null,
        };
        if (target is null || InitializerEdits.WithMember(target, member, value) is null)
        {
            return null;
        }

        // Calls sharing one options object share this edit: the first adds the member, the others find it there.
        return new ClovaFix(title, editor => editor.ReplaceNode(target, (current, _) => InitializerEdits.WithMember((BaseObjectCreationExpressionSyntax)current, member, value) ?? current));
    }

    /// <summary>Semantic Kernel settings get <c>MaxTokens = 512</c> in their initializer (SK sends it as max_completion_tokens).</summary>
    private static ClovaFix? SettingsFix(SyntaxNode node, ExpressionSyntax value)
    {
        const string member = "MaxTokens";
        if (node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { } creation || InitializerEdits.WithMember(creation, member, value) is null)
        {
            return null;
        }

        return new ClovaFix(Title($"{member} = {value}"), editor => editor.ReplaceNode(creation, (current, _) => InitializerEdits.WithMember((BaseObjectCreationExpressionSyntax)current, member, value) ?? current));
    }

    /// <summary>
    /// Plain settings whose bag the adapter reads (SK's <c>PromptExecutionSettings.ExtensionData</c>) get the key that sets
    /// the count: an entry added to the bag their initializer creates (laid out like its others), or, when the initializer
    /// sets no bag, a new one of the type the member takes (<c>IDictionary&lt;string, object&gt;</c>: a <c>Dictionary</c>).
    /// Not when the bag comes from elsewhere or has no entries to follow.
    /// </summary>
    private static ClovaFix? ReadBagFix(SyntaxNode node, Diagnostic diagnostic, SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(MissingMaxTokensAnalyzer.BagProperty, out var bag) || bag is null
            || !diagnostic.Properties.TryGetValue(MissingMaxTokensAnalyzer.KeyProperty, out var key) || key is null
            || node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { } creation)
        {
            return null;
        }

        var title = Title($"{bag}[\"{key}\"] = {value}");
        var given = creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => a.Left is IdentifierNameSyntax name && name.Identifier.ValueText == bag);
        if (given is not null)
        {
            return given.Right is BaseObjectCreationExpressionSyntax created && InitializerEdits.WithEntry(created, key, value) is not null
                ? new ClovaFix(title, editor => editor.ReplaceNode(created, (current, _) => InitializerEdits.WithEntry(current, key, value) ?? current))
                : null;
        }

        if (BagValues(model.GetTypeInfo(creation, cancellationToken).Type, bag) is not { } values)
        {
            return null;
        }

        var newBag = SyntaxFactory.ParseExpression($"new global::System.Collections.Generic.Dictionary<string, {values.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}> {{ [{SyntaxFactory.Literal(key).Text}] = {value} }}");
        BaseObjectCreationExpressionSyntax? WithBag(BaseObjectCreationExpressionSyntax current) =>
            InitializerEdits.WithMember(current, bag, newBag) is { Initializer.Expressions: [.., AssignmentExpressionSyntax added] } edited
                ? edited.ReplaceNode(added.Right, added.Right.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation))
                : null;
        return WithBag(creation) is null ? null : new ClovaFix(title, editor => editor.ReplaceNode(creation, (current, _) => WithBag((BaseObjectCreationExpressionSyntax)current) ?? current), AddsImports: true);
    }

    /// <summary>The value type of the type's (or a base's) string-keyed dictionary property of that name (<c>IDictionary&lt;string, T&gt;</c>), or null.</summary>
    private static ITypeSymbol? BagValues(ITypeSymbol? type, string member)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers(member).OfType<IPropertySymbol>().FirstOrDefault() is { } property)
            {
                return property.Type is INamedTypeSymbol { Name: "IDictionary" or "Dictionary", TypeArguments: [{ SpecialType: SpecialType.System_String }, var values] } ? values : null;
            }
        }

        return null;
    }

    /// <summary>
    /// A raw body gets a <c>max_tokens</c> entry laid out like its others (<c>["max_tokens"] = 512</c>,
    /// <c>{ "max_tokens", 512 }</c>, <c>max_tokens = 512</c>); not when it has no entries to follow or its values can't hold a number.
    /// </summary>
    private static ClovaFix? BodyFix(SyntaxNode node, SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        if (node.FirstAncestorOrSelf<ExpressionSyntax>(n => n is BaseObjectCreationExpressionSyntax or AnonymousObjectCreationExpressionSyntax) is not { } body
            || InitializerEdits.WithEntry(body, WireField, value) is null
            || (body is BaseObjectCreationExpressionSyntax && !ValuesHoldNumbers(model.GetTypeInfo(body, cancellationToken).Type, model.Compilation)))
        {
            return null;
        }

        return new ClovaFix(Title($"\"{WireField}\": {value}"), editor => editor.ReplaceNode(body, (current, _) => InitializerEdits.WithEntry(current, WireField, value) ?? current));
    }

    /// <summary>Whether a string-keyed dictionary's values take an int (<c>object</c>, a number, System.Text.Json's <c>JsonNode</c>).</summary>
    private static bool ValuesHoldNumbers(ITypeSymbol? type, Compilation compilation)
    {
        var dictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.IDictionary`2");
        var values = type?.AllInterfaces.FirstOrDefault(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, dictionary))?.TypeArguments[1];
        return values is not null && compilation.ClassifyCommonConversion(compilation.GetSpecialType(SpecialType.System_Int32), values).IsImplicit;
    }

    /// <summary>
    /// A JSON literal gets <c>"max_tokens": 512</c> after its last member, laid out like the text around it (on a line of
    /// its own in a multi-line body, with the spacing the others have); only a literal whose edited text reads back as
    /// the intended JSON (escapes and raw-string indentation kept) is changed.
    /// </summary>
    private static ClovaFix? JsonFix(SyntaxNode node, string value)
    {
        if (node is not LiteralExpressionSyntax literal || WithJsonMember(literal, value) is null)
        {
            return null;
        }

        // A literal that several calls send (a local's value) gets the member once: the first edit adds it, the others find it.
        return new ClovaFix(Title($"\"{WireField}\": {value}"), editor => editor.ReplaceNode(literal, (current, _) =>
            ((LiteralExpressionSyntax)current).Token.ValueText.IndexOf("\"" + WireField + "\"", System.StringComparison.Ordinal) < 0 && WithJsonMember((LiteralExpressionSyntax)current, value) is { } edited
                ? edited
                : current));
    }

    private static LiteralExpressionSyntax? WithJsonMember(LiteralExpressionSyntax literal, string value) =>
        JsonLiteralEdits.Edit(literal, (text, quote) => WithMember(text, quote, value));

    /// <summary>The text with the member inserted after the last one of its outermost object (null when there is no object).</summary>
    private static string? WithMember(string text, string quote, string value)
    {
        var close = text.LastIndexOf('}');
        var last = close - 1;
        while (last >= 0 && text[last] is ' ' or '\t' or '\r' or '\n')
        {
            last--;
        }

        if (close < 0 || last < 0)
        {
            return null;
        }

        var separator = text[last] == '{' ? "" : ",";
        var colon = text.IndexOf(quote + ": ", System.StringComparison.Ordinal) >= 0 ? ": " : ":";
        var member = quote + WireField + quote + colon + value;
        var between = text.Substring(last + 1, close - last - 1);
        if (between.IndexOf('\n') >= 0)
        {
            // On a line of its own, indented like the line the last member ends on.
            var lineStart = text.LastIndexOf('\n', last) + 1;
            var indent = new string(text.Skip(lineStart).TakeWhile(c => c is ' ' or '\t').ToArray());
            var newLine = text.IndexOf("\r\n", System.StringComparison.Ordinal) >= 0 ? "\r\n" : "\n";
            return separator.Length == 0 ? null : text.Insert(last + 1, separator + newLine + indent + member);
        }

        var space = text.IndexOf("," + quote, System.StringComparison.Ordinal) >= 0 || separator.Length == 0 ? "" : " ";
        return text.Insert(last + 1, separator + space + member);
    }
}
