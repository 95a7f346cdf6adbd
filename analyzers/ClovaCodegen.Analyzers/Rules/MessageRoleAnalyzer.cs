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
/// CLOVA010: a chat message with a role the spec's <c>messages</c> field does not list (its <c>roles</c>). The SDK members
/// the spec binds with a <c>role</c> (its <c>bindings</c>: Semantic Kernel's <c>ChatDeveloperPrompt</c> (written),
/// <c>ChatHistory.AddDeveloperMessage</c> and <c>AuthorRole.Developer</c>; the OpenAI SDK's <c>DeveloperChatMessage</c>,
/// <c>ChatMessage.CreateDeveloperMessage</c> and <c>ChatMessageRole.Developer</c>, all of role <c>developer</c>); and a role made from a constant
/// (<c>new ChatRole("developer")</c> of Microsoft.Extensions.AI, whose OpenAI adapter sends it as a developer message;
/// <c>new AuthorRole("developer")</c>). Comparing a role (<c>role == AuthorRole.Developer</c>) sends nothing and is not
/// flagged. The fix uses the <c>system</c> counterpart the binding names (its <c>replacement</c>; OpenAI's developer role is
/// its newer name for system), when the spec lists <c>system</c>.
/// </summary>
public sealed class MessageRoleAnalyzer : ClovaRule
{
    /// <summary>Diagnostic property: the name (or, for a role made from a string, the string) the fix puts in.</summary>
    public const string ReplacementProperty = "Replacement";

    private const string Developer = "developer";
    private const string System = "system";

    /// <summary>Role types made from a string: the role is the constant given to the constructor.</summary>
    private static readonly string[] RoleTypes = { "Microsoft.Extensions.AI.ChatRole", "Microsoft.SemanticKernel.ChatCompletion.AuthorRole" };

    public MessageRoleAnalyzer()
        : base(DiagnosticDescriptors.MessageRole)
    {
    }

    internal override void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types)
    {
        // A spec that does not say which roles are accepted gives the rule nothing to check.
        if (spec.FindEndpoint(EndpointSpec.ChatCompletions)?.FindField("messages") is not { Roles.IsEmpty: false } messages)
        {
            return;
        }

        var roles = messages.Roles;
        var accepted = string.Join(", ", roles);
        var fixable = roles.Contains(System);
        var refused = spec.Bindings.Where(b => b.Role is { } role && !roles.Contains(role)).ToArray();
        if (refused.Length == 0)
        {
            // Nothing the SDK forms send is refused; only a role made from another string could be.
            context.RegisterOperationAction(operation => AnalyzeRoleCreation(operation, types, roles, accepted, fixable), OperationKind.ObjectCreation);
            return;
        }

        // A plain dictionary: every property and field reference, call and creation of the project comes here, and most
        // are ruled out by their member's simple name (an immutable dictionary's lookup cost more than the rest of the check).
        var bySimpleName = refused.GroupBy(b => b.MemberName).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        context.RegisterOperationAction(
            operation =>
            {
                // By kind, then a cast: a type test per interface costs more than the rest of the check.
                ISymbol? symbol = operation.Operation.Kind switch
                {
                    OperationKind.PropertyReference => ((IPropertyReferenceOperation)operation.Operation).Property,
                    OperationKind.FieldReference => ((IFieldReferenceOperation)operation.Operation).Field,
                    OperationKind.Invocation => ((IInvocationOperation)operation.Operation).TargetMethod,
                    OperationKind.ObjectCreation => operation.Operation.Type,
                    _ => null,
                };
                if (symbol is null || !bySimpleName.TryGetValue(symbol.Name, out var candidates)
                    || NameSyntax(operation.Operation) is not { } name
                    || Matching(candidates, symbol) is not { } member || !Sends(operation.Operation, symbol))
                {
                    if (operation.Operation.Kind == OperationKind.ObjectCreation)
                    {
                        AnalyzeRoleCreation(operation, types, roles, accepted, fixable);
                    }

                    return;
                }

                Report(operation, types, name, symbol.Name, member.Role!, accepted, fixable ? member.ReplacementName : null);
            },
            OperationKind.PropertyReference, OperationKind.FieldReference, OperationKind.Invocation, OperationKind.ObjectCreation);
    }

    /// <summary>The binding this symbol is (AuthorRole.Developer and ChatMessageRole.Developer share a simple name).</summary>
    private static BindingSpec? Matching(BindingSpec[] candidates, ISymbol symbol)
    {
        foreach (var candidate in candidates)
        {
            if (symbol.HasBindingName(candidate.Member))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the reference sends a message: a settings member only when written, a role not when compared
    /// (<c>role == AuthorRole.Developer</c>, <c>role is ...</c>); calls and creations always.
    /// </summary>
    private static bool Sends(IOperation reference, ISymbol symbol) => symbol switch
    {
        IPropertySymbol { IsStatic: false } => reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference
            || reference.Parent is IMemberInitializerOperation,
        IPropertySymbol or IFieldSymbol => SkipConversions(reference.Parent) is not (IBinaryOperation or IIsPatternOperation or IPatternOperation),
        _ => true,
    };

    private static IOperation? SkipConversions(IOperation? operation)
    {
        while (operation is IConversionOperation)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    /// <summary><c>new ChatRole("developer")</c>, <c>new AuthorRole("developer")</c>: a role made from a constant the spec does not list.</summary>
    private void AnalyzeRoleCreation(OperationAnalysisContext operation, KnownTypes types, EquatableArray<string> roles, string accepted, bool fixable)
    {
        // Most creations are of other types: ruled out by simple name before the full name is compared.
        if (operation.Operation.Type?.Name is not ("ChatRole" or "AuthorRole")
            || operation.Operation is not IObjectCreationOperation { Type: INamedTypeSymbol type, Arguments: [var argument] } creation
            || !IsRoleType(type)
            || RequestWrites.ConstantText(argument.Value) is not { } role
            || roles.Contains(role))
        {
            return;
        }

        // Only developer has a known counterpart; another unknown role is the developer's to choose.
        var replacement = fixable && role == Developer && argument.Value.WithoutConversions() is ILiteralOperation ? System : null;
        Report(operation, types, argument.Value.Syntax, creation.Type!.Name, role, accepted, replacement);
    }

    /// <summary>
    /// One of <see cref="RoleTypes"/>. A loop of its own: a lambda capturing the type would make the compiler allocate its
    /// closure on entry to the caller, for every creation of the project.
    /// </summary>
    private static bool IsRoleType(INamedTypeSymbol type)
    {
        foreach (var roleType in RoleTypes)
        {
            if (type.HasBindingName(roleType))
            {
                return true;
            }
        }

        return false;
    }

    private void Report(OperationAnalysisContext operation, KnownTypes types, SyntaxNode location, string what, string role, string accepted, string? replacement)
    {
        if (!types.Scope.Applies(operation, location))
        {
            return;
        }

        var properties = replacement is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(ReplacementProperty, replacement);
        operation.ReportDiagnostic(Diagnostic.Create(Descriptor, location.GetLocation(), properties, what, role, accepted));
    }

    /// <summary>The simple name a reference, call or creation writes the member or type with (what the fix renames).</summary>
    private static SimpleNameSyntax? NameSyntax(IOperation operation) => NameSyntax(operation switch
    {
        IInvocationOperation invocation => (invocation.Syntax as InvocationExpressionSyntax)?.Expression,
        IObjectCreationOperation creation => (creation.Syntax as ObjectCreationExpressionSyntax)?.Type,
        _ => operation.Syntax,
    });

    /// <summary>The simple name a member access, a qualified type name or a name is written with (what the fix renames).</summary>
    private static SimpleNameSyntax? NameSyntax(SyntaxNode? node) => node switch
    {
        MemberAccessExpressionSyntax access => access.Name,
        QualifiedNameSyntax qualified => qualified.Right,
        AliasQualifiedNameSyntax alias => alias.Name,
        SimpleNameSyntax simple => simple,
        _ => null,
    };
}
