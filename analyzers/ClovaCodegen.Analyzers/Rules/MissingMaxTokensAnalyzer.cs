using System;
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
/// 512) cuts longer answers. Checks OpenAI SDK chat calls (no options, or options created without MaxOutputTokenCount and
/// never given one) and generated builder chains that reach <c>Build()</c> without <c>MaxTokens</c>/<c>MaxCompletionTokens</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MissingMaxTokensAnalyzer : ClovaRule
{
    /// <summary>Diagnostic property: the max token count the fix sets (the spec's default, now written down where it can be raised).</summary>
    public const string ValueProperty = "Value";

    public MissingMaxTokensAnalyzer()
        : base(DiagnosticDescriptors.MissingMaxTokens)
    {
    }

    internal override void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types)
    {
        var chat = spec.FindEndpoint(EndpointSpec.ChatCompletions);
        var defaultText = chat?.FindField("max_tokens")?.Default?.ToJson() ?? "512";
        var properties = System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(ValueProperty, defaultText);
        context.RegisterOperationAction(
            operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                var method = invocation.TargetMethod;
                if (method.Name.StartsWith("CompleteChat", StringComparison.Ordinal) && method.ContainingType.IsOrDerivesFrom(types.ChatClient))
                {
                    var options = OptionsArgument(invocation, types);
                    if ((options is null || !SetsMaxTokens(options.Value.WithoutConversions(), operation)) && types.Scope.Applies(operation))
                    {
                        operation.ReportDiagnostic(Diagnostic.Create(Descriptor, invocation.Syntax.GetLocation(), properties, defaultText));
                    }
                }
                else if (method.Name == "Build" && types.Generated(method.ContainingType) == GeneratedRequest.ChatBuilder && !ChainCalls(invocation, "MaxTokens", "MaxCompletionTokens") && types.Scope.Applies(operation))
                {
                    operation.ReportDiagnostic(Diagnostic.Create(Descriptor, invocation.Syntax.GetLocation(), properties, defaultText));
                }
            },
            OperationKind.Invocation);
    }

    private static IArgumentOperation? OptionsArgument(IInvocationOperation invocation, KnownTypes types)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.IsOrDerivesFrom(types.ChatCompletionOptions) == true)
            {
                return argument;
            }
        }

        return null;
    }

    private static bool SetsMaxTokens(IOperation options, OperationAnalysisContext context)
    {
        switch (options)
        {
            case IDefaultValueOperation or ILiteralOperation:
                return false;
            case IObjectCreationOperation creation:
                return InitializerSets(creation);
            case ILocalReferenceOperation local:
                // Created with an initializer that sets it, or assigned later in the same body.
                if (LocalInitializerSets(local, context))
                {
                    return true;
                }

                var body = context.ContainingSymbol.DeclaringSyntaxReferences.Select(r => r.GetSyntax(context.CancellationToken)).FirstOrDefault();
                return body is null || body.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Any(access =>
                    access.Name.Identifier.ValueText == "MaxOutputTokenCount"
                    && access.Expression is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == local.Local.Name);
            default:
                return true; // a parameter, field or call: can't see it, don't guess
        }
    }

    private static bool LocalInitializerSets(ILocalReferenceOperation local, OperationAnalysisContext context)
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

            if (creation.Initializer?.Expressions.Any(e => e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "MaxOutputTokenCount" } }) == true)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InitializerSets(IObjectCreationOperation creation) =>
        creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
            .Any(a => a.Target is IPropertyReferenceOperation { Property.Name: "MaxOutputTokenCount" }) == true;

    private static bool ChainCalls(IInvocationOperation build, params string[] names)
    {
        for (var receiver = build.Instance?.WithoutConversions(); receiver is IInvocationOperation call; receiver = call.Instance?.WithoutConversions())
        {
            if (names.Contains(call.TargetMethod.Name))
            {
                return true;
            }
        }

        // A builder kept in a variable may be configured across statements: only judge fluent chains.
        return build.Instance?.WithoutConversions() is not IInvocationOperation;
    }
}
