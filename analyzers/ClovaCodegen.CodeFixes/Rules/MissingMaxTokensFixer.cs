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
/// <c>Build()</c>; <c>MaxOutputTokenCount = 512</c> in the initializer of the <c>ChatCompletionOptions</c> the call is given
/// (written inline or in a local's declaration); or, for a call without options, a new <c>ChatCompletionOptions</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingMaxTokensFixer)), Shared]
public sealed class MissingMaxTokensFixer : ClovaFixer
{
    private const string OptionsType = "OpenAI.Chat.ChatCompletionOptions";
    private const string OptionsMember = "MaxOutputTokenCount";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.MissingMaxTokens);

    internal override async Task<ImmutableArray<ClovaFix>> GetFixesAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(MissingMaxTokensAnalyzer.ValueProperty, out var valueText) || valueText is null
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } call
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || model.GetOperation(call, cancellationToken) is not IInvocationOperation invocation)
        {
            return ImmutableArray<ClovaFix>.Empty;
        }

        var value = SyntaxFactory.ParseExpression(valueText);
        var fix = invocation.TargetMethod.Name == "Build" ? BuilderFix(call, invocation, value) : OptionsFix(call, invocation, model.Compilation, value, cancellationToken);
        return fix is null ? ImmutableArray<ClovaFix>.Empty : ImmutableArray.Create(fix);
    }

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
        return new ClovaFix(
            $"Set {setter}({value}) (CLOVA Studio's default, written down to be raised)",
            editor => editor.ReplaceNode(access.Expression, withSetter.WithTriviaFrom(access.Expression)));
    }

    private static ExpressionSyntax NewOptions(ExpressionSyntax value) =>
        SyntaxFactory.ParseExpression($"new global::{OptionsType} {{ {OptionsMember} = {value} }}").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    /// <summary>The options the call is given get <c>MaxOutputTokenCount</c>; a call given none gets options.</summary>
    private static ClovaFix? OptionsFix(InvocationExpressionSyntax call, IInvocationOperation invocation, Compilation compilation, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        var optionsType = compilation.GetTypeByMetadataName(OptionsType);
        var options = invocation.Arguments.FirstOrDefault(a => a.Parameter is { } p && SymbolEqualityComparer.Default.Equals(p.Type, optionsType));
        var title = $"Set {OptionsMember} = {value} (CLOVA Studio's default, written down to be raised)";
        var explicitArguments = call.ArgumentList.Arguments;
        if (options is null)
        {
            // CompleteChat(messageArray) binds to the params overload, which takes no options; with options added, the same
            // array goes to the (messages, options) overload. Expanded params (CompleteChat(m1, m2)) are left alone.
            var takesOptionsSecond = invocation.TargetMethod.ContainingType.GetMembers(invocation.TargetMethod.Name).OfType<IMethodSymbol>()
                .Any(m => m.Parameters.Length >= 2 && SymbolEqualityComparer.Default.Equals(m.Parameters[1].Type, optionsType));
            return takesOptionsSecond && explicitArguments.Count == 1 && explicitArguments[0].NameColon is null
                && invocation.Arguments.Length == 1 && invocation.Arguments[0].ArgumentKind == ArgumentKind.Explicit
                ? new ClovaFix(title, editor => editor.ReplaceNode(call.ArgumentList, call.ArgumentList.AddArguments(SyntaxFactory.Argument(NewOptions(value)))), AddsImports: true)
                : null;
        }

        if (options.ArgumentKind == ArgumentKind.DefaultValue)
        {
            var creation = NewOptions(value);
            var positional = explicitArguments.All(a => a.NameColon is null) && options.Parameter!.Ordinal == explicitArguments.Count;
            var argument = positional
                ? SyntaxFactory.Argument(creation)
                : SyntaxFactory.Argument(SyntaxFactory.NameColon(options.Parameter!.Name), default, creation);
            return new ClovaFix(title, editor => editor.ReplaceNode(call.ArgumentList, call.ArgumentList.AddArguments(argument)), AddsImports: true);
        }

        var target = options.Value.WithoutConversions() switch
        {
            IObjectCreationOperation { Syntax: BaseObjectCreationExpressionSyntax inline } => inline,
            ILocalReferenceOperation local => local.Local.DeclaringSyntaxReferences.Length == 1
                && local.Local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax declared }
                && declared.SyntaxTree == call.SyntaxTree
                    ? declared
                    : null,
            _ => null,
        };
        if (target is null || InitializerEdits.WithMember(target, OptionsMember, value) is null)
        {
            return null;
        }

        // Calls sharing one options object share this edit: the first adds the member, the others find it there.
        return new ClovaFix(title, editor => editor.ReplaceNode(target, (current, _) => InitializerEdits.WithMember((BaseObjectCreationExpressionSyntax)current, OptionsMember, value) ?? current));
    }
}
