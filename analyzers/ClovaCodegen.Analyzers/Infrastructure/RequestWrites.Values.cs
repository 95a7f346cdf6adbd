using System;
using System.Linq;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Infrastructure;

/// <summary>Values written into requests: arguments by type, string constants, constant JSON bodies, <c>Patch</c> paths.</summary>
internal static partial class RequestWrites
{
    /// <summary>
    /// The argument whose parameter has exactly this type. A loop, not LINQ: a lambda capturing the type makes the compiler
    /// allocate its closure on every call of the method that declares it, taken or not.
    /// </summary>
    public static IArgumentOperation? ArgumentOfType(IInvocationOperation invocation, ITypeSymbol? type)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, type))
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The text of a string or UTF-8 string constant (<c>"k"</c>, <c>"$.k"u8</c>), or null.</summary>
    public static string? ConstantText(IOperation? operation)
    {
        if (operation is null)
        {
            return null;
        }

        // By kind, not by a type test per interface (asked of most values the rules look at).
        var value = operation.WithoutConversions();
        if (value.Kind == OperationKind.Utf8String)
        {
            return ((IUtf8StringOperation)value).Value;
        }

        // Only a string can be one: asking a number's operation for its constant value boxes the number.
        return value.Type is { SpecialType: not SpecialType.System_String } ? null
            : value.ConstantValue is { HasValue: true, Value: string text } ? text
            : null;
    }

    /// <summary>
    /// A chat request body written as constant JSON text: the body the SDK's protocol overloads send
    /// (<c>chatClient.CompleteChat(BinaryContent)</c>) or a <c>new StringContent("...")</c>, when its text (see
    /// <see cref="ConstantJsonSource"/>) is an object with <c>"model"</c> and <c>"messages"</c>. Null for anything else.
    /// </summary>
    public static JsonBody? JsonChatBody(IOperation operation, KnownTypes types)
    {
        // By kind, then a cast: every call and creation of the project comes here, and a type test per interface costs more.
        var content = operation.Kind switch
        {
            OperationKind.Invocation when types.BinaryContent is not null && ((IInvocationOperation)operation) is var invocation
                && invocation.TargetMethod.Name.StartsWith("CompleteChat", StringComparison.Ordinal) && invocation.TargetMethod.ContainingType.IsOrDerivesFrom(types.ChatClient) =>
                ArgumentOfType(invocation, types.BinaryContent)?.Value,
            OperationKind.ObjectCreation when types.StringContent is not null && ((IObjectCreationOperation)operation) is { Arguments.Length: > 0 } creation
                && SymbolEqualityComparer.Default.Equals(creation.Type, types.StringContent) =>
                creation.Arguments[0].Value,
            _ => null,
        };
        // Two rules ask about every such creation and call: read once for both.
        return content is null ? null : types.Operations.JsonChatBody(operation, content, types, ReadJsonChatBodyCallback);
    }

    private static readonly Func<IOperation, IOperation, KnownTypes, JsonBody?> ReadJsonChatBodyCallback = ReadJsonChatBody;

    private static JsonBody? ReadJsonChatBody(IOperation operation, IOperation content, KnownTypes types) =>
        ConstantJsonSource(content, types) is { } source && ConstantText(source) is { } text
            && text.TrimStart().StartsWith("{", StringComparison.Ordinal) && JsonBody.HasKey(text, "model") && JsonBody.HasKey(text, "messages")
            ? new JsonBody(operation, content, source, text)
            : null;

    /// <summary>
    /// The operation that holds the constant text a JSON body is made of: the text itself, or followed through
    /// <c>BinaryContent.Create(...)</c>, <c>BinaryData.FromString(...)</c>/<c>new BinaryData(...)</c>, <c>"..."u8.ToArray()</c>
    /// and locals' initializers in the same file (null when the body is not a readable constant).
    /// </summary>
    public static IOperation? ConstantJsonSource(IOperation? value, KnownTypes types)
    {
        for (var hops = 0; value is not null && hops < 8; hops++)
        {
            if (ConstantText(value) is not null)
            {
                return value.WithoutConversions();
            }

            switch (value.WithoutConversions())
            {
                case IInvocationOperation invocation when IsBinary(invocation.TargetMethod.ContainingType, types) && invocation.Arguments.Length > 0:
                    value = invocation.Arguments[0].Value;
                    break;
                case IInvocationOperation { Instance: { } instance }:
                    value = instance; // "..."u8.ToArray()
                    break;
                case IObjectCreationOperation creation when IsBinary(creation.Type, types) && creation.Arguments.Length > 0:
                    value = creation.Arguments[0].Value;
                    break;
                case ILocalReferenceOperation local:
                    value = LocalInitializer(local);
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private static bool IsBinary(ITypeSymbol? type, KnownTypes types) =>
        type is not null && (SymbolEqualityComparer.Default.Equals(type, types.BinaryContent) || SymbolEqualityComparer.Default.Equals(type, types.BinaryData));

    /// <summary>The value a local is declared with, when it is declared in the same file (null otherwise).</summary>
    public static IOperation? LocalInitializer(ILocalReferenceOperation local)
    {
        var declarator = local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as VariableDeclaratorSyntax;
        if (declarator?.Initializer is not { } initializer || declarator.SyntaxTree != local.Syntax.SyntaxTree || local.SemanticModel is not { } model)
        {
            return null;
        }

        return model.GetOperation(initializer.Value);
    }

    /// <summary>
    /// A <c>Patch.Set/SetNull/Append/Remove("$.field"u8, ...)</c> on the OpenAI SDK's chat or embedding options: the field
    /// it writes (null when the endpoint declares none of that name).
    /// </summary>
    public static FieldWrite? PatchPath(IInvocationOperation invocation, CompatSpec spec, KnownTypes types) =>
        PatchName(invocation, types) is { } patch && spec.FindEndpoint(patch.EndpointId)?.FindField(patch.Name) is { } field
            ? new FieldWrite(patch.Location, patch.Name, spec.FindEndpoint(patch.EndpointId)!, field)
            : null;

    /// <summary>
    /// The top-level name a <c>Patch</c> call on the SDK's chat or embedding options writes (<c>top_k</c> of
    /// <c>"$.top_k"u8</c> or <c>"$.top_k.x"</c>), with the path's syntax and the endpoint the options belong to.
    /// </summary>
    public static (string Name, SyntaxNode Location, string EndpointId)? PatchName(IInvocationOperation invocation, KnownTypes types)
    {
        if (invocation.TargetMethod.Name is not ("Set" or "SetNull" or "Append" or "Remove" or "Insert")
            || invocation.Instance?.WithoutConversions() is not IPropertyReferenceOperation { Property: var patch }
            || types.JsonPatch is null
            || !SymbolEqualityComparer.Default.Equals(patch.Type, types.JsonPatch)
            || invocation.Arguments.Length == 0
            || ConstantText(invocation.Arguments[0].Value) is not { } path
            || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }

        var endpointId = patch.ContainingType.IsOrDerivesFrom(types.ChatCompletionOptions) ? EndpointSpec.ChatCompletions
            : patch.ContainingType.IsOrDerivesFrom(types.EmbeddingGenerationOptions) ? EndpointSpec.Embeddings
            : null;
        if (endpointId is null)
        {
            return null;
        }

        return (PathFirstSegment(path), invocation.Arguments[0].Value.Syntax, endpointId);
    }
}
