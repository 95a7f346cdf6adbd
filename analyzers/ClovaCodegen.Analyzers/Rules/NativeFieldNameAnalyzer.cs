using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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
/// CLOVA005: a request field spelled the native API's way (<c>topK</c>, <c>repetitionPenalty</c>, <c>maxTokens</c>: the
/// spec's <c>nativeNames</c>), written into something that becomes a CLOVA request body, however the name is written: a
/// key or member of a raw request body (dictionary, JsonObject, anonymous object; see <see cref="RequestWrites.RawBody"/>),
/// a key of an options bag the spec binds (<c>ChatOptions.AdditionalProperties</c>; in a bag the adapter sends as it is,
/// SK's <c>ExtraBody</c>, also a <c>$.</c> path's first segment), a <c>Patch</c> path on the OpenAI
/// SDK's options, a member name in a chat body written as constant JSON text (see <see cref="RequestWrites.JsonChatBody"/>), or a property of the user's own request DTO serialized under a native name (<c>[JsonPropertyName("topP")]</c>,
/// Json.NET's <c>[JsonProperty("topP")]</c>), reported where the property is written; the name as a literal or a constant.
/// The same names in other dictionaries (settings bags, reads in assertions) and DTOs that are no chat or embeddings body
/// (no <c>model</c> with <c>messages</c>/<c>input</c>, such as the native API's) are not request fields.
/// </summary>
public sealed class NativeFieldNameAnalyzer : ClovaRule
{
    /// <summary>Diagnostic property: the spec's wire name, for the fix.</summary>
    public const string WireNameProperty = "WireName";

    /// <summary>Diagnostic property, on a finding in JSON text: the native member name the fix renames in that text.</summary>
    public const string JsonKeyProperty = "JsonKey";

    public NativeFieldNameAnalyzer()
        : base(DiagnosticDescriptors.NativeFieldName)
    {
    }

    internal override void OnCompilationStart(RuleRegistration context, CompatSpec spec, KnownTypes types)
    {
        var byNativeName = spec.Endpoints.SelectMany(e => e.Fields).SelectMany(f => f.NativeNames.Select(n => (Native: n, Wire: f.Name)))
            .GroupBy(p => p.Native).ToImmutableDictionary(g => g.Key, g => g.First().Wire);
        if (byNativeName.IsEmpty)
        {
            return;
        }

        var dtos = new RequestDtos(types, byNativeName);
        // JSON text is searched for each native name in this order (sorted once here, not for each body).
        var inNameOrder = byNativeName.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        context.RegisterOperationAction(
            operation =>
            {
                if (RequestWrites.RawBody(operation.Operation, spec, types, operation.CancellationToken) is { } body)
                {
                    foreach (var (key, location, _) in body.Keys)
                    {
                        if (byNativeName.TryGetValue(key, out var wire))
                        {
                            Report(operation, types, location, key, wire, wire);
                        }
                    }
                }
                else if (RequestWrites.JsonChatBody(operation.Operation, types) is { } json)
                {
                    ReportJson(operation, types, json, inNameOrder);
                }
                else if (operation.Operation.Kind == OperationKind.ObjectCreation
                    && operation.Operation is IObjectCreationOperation { Type: INamedTypeSymbol type, Arguments.IsEmpty: false } creation && dtos.NativeMembers(type) is { Count: > 0 } members)
                {
                    // A record's (or any constructor's) parameter that sets a property of the same name: new ChatRecord(model, messages, 0.8).
                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter is { } parameter
                            && members.FirstOrDefault(m => string.Equals(m.Key, parameter.Name, StringComparison.OrdinalIgnoreCase)).Value is { } member)
                        {
                            Report(operation, types, argument.Value.Syntax, member.Native, member.Wire, member.Wire, member.DeclaredAt);
                        }
                    }
                }
            },
            RequestWrites.RawBodyKinds);
        void JudgeBagKey(OperationAnalysisContext operation, string key, SyntaxNode location, bool paths)
        {
            if (byNativeName.TryGetValue(key, out var wire))
            {
                Report(operation, types, location, key, wire, wire);
            }
            else if (paths && RequestWrites.SentKeyField(key).Name is var name && name.Length != key.Length && byNativeName.TryGetValue(name, out wire))
            {
                // SK's ExtraBody["$.topK"]: a path, renamed in place.
                Report(operation, types, location, name, wire, "$." + wire + key.Substring(2 + name.Length));
            }
        }

        context.RegisterOperationAction(
            operation =>
            {
                if (RequestWrites.BoundMember(operation.Operation, spec, types) is { Binding: { Field: BindingSpec.AnyField } binding } bound
                    && RequestWrites.BagKeys(operation.Operation) is { } keys)
                {
                    var paths = RequestWrites.IsSentBag(binding);
                    foreach (var (key, location) in keys)
                    {
                        JudgeBagKey(operation, key, location, paths);
                    }

                    // A sent bag held by a read bag's key (plain SK settings' ExtensionData["extra_body"]): sent as ExtraBody is.
                    foreach (var (key, location, _) in RequestWrites.ReadSentBagEntries(bound, operation.Operation, spec, types))
                    {
                        JudgeBagKey(operation, key, location, paths: true);
                    }
                }
                else if (operation.Operation.Kind == OperationKind.Invocation && RequestWrites.PatchName((IInvocationOperation)operation.Operation, types) is { } patch
                    && byNativeName.TryGetValue(patch.Name, out var wire))
                {
                    var path = RequestWrites.ConstantText(((IInvocationOperation)operation.Operation).Arguments[0].Value)!;
                    Report(operation, types, patch.Location, patch.Name, wire, "$." + wire + path.Substring(2 + patch.Name.Length));
                }
                else if (operation.Operation.Kind == OperationKind.Invocation && RequestWrites.JsonChatBody(operation.Operation, types) is { } json)
                {
                    ReportJson(operation, types, json, inNameOrder);
                }
                else if (operation.Operation.Kind == OperationKind.SimpleAssignment
                    && operation.Operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } target } assignment
                    && dtos.NativeMember(property) is { } member
                    && !(assignment.Value.WithoutConversions() is IPropertyReferenceOperation { Property: var copied } && SymbolEqualityComparer.Default.Equals(copied, property)))
                {
                    // body.TopP = v, or TopP = v in an initializer; copying the member from another instance sets nothing new.
                    var name = target.Syntax is MemberAccessExpressionSyntax access ? access.Name : target.Syntax;
                    Report(operation, types, name, member.Native, member.Wire, member.Wire, member.DeclaredAt);
                }
            },
            RequestWrites.MemberWriteKinds);
    }

    /// <summary>Each native member name in a JSON body's text (the fix renames it in the text).</summary>
    private void ReportJson(OperationAnalysisContext operation, KnownTypes types, JsonBody json, KeyValuePair<string, string>[] inNameOrder)
    {
        foreach (var pair in inNameOrder)
        {
            if (json.Has(pair.Key))
            {
                Report(operation, types, json.ReportAt, pair.Key, pair.Value, pair.Value, json.Source.Syntax.GetLocation(), jsonKey: pair.Key);
            }
        }
    }

    /// <summary>Reports at the write; <paramref name="declaredAt"/> is where the name is written when that is elsewhere (a DTO's attribute, JSON text), for the fix.</summary>
    private void Report(OperationAnalysisContext operation, KnownTypes types, SyntaxNode location, string native, string wire, string replacement, Location? declaredAt = null, string? jsonKey = null)
    {
        if (types.Scope.Applies(operation, location))
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(WireNameProperty, replacement);
            properties = jsonKey is null ? properties : properties.Add(JsonKeyProperty, jsonKey);
            operation.ReportDiagnostic(Diagnostic.Create(Descriptor, location.GetLocation(), declaredAt is null ? null : new[] { declaredAt }, properties, native, wire));
        }
    }

    /// <summary>A DTO property serialized under a native name: that name, the wire name, and where the name is written.</summary>
    private sealed record NativeMember(string Native, string Wire, Location? DeclaredAt);

    /// <summary>
    /// The user's request DTOs, read once per type: a type declared in source whose JSON names (the serializer attribute's,
    /// else the property's own name, in any case) include <c>model</c> and <c>messages</c> or <c>input</c> is a chat or
    /// embeddings body, as a raw body with those keys is. Its properties whose attribute gives a native name are returned
    /// by property name; every other type has none. A property without an attribute is named by the serializer's naming
    /// policy, which the rule can't see, so it is not judged.
    /// </summary>
    private sealed class RequestDtos
    {
        private static readonly ImmutableDictionary<string, NativeMember> None = ImmutableDictionary<string, NativeMember>.Empty;

        private readonly KnownTypes _types;
        private readonly ImmutableDictionary<string, string> _byNativeName;
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableDictionary<string, NativeMember>> _byType = new(SameSymbolObject<INamedTypeSymbol>.Comparer);
        private readonly Func<INamedTypeSymbol, ImmutableDictionary<string, NativeMember>> _read;

        public RequestDtos(KnownTypes types, ImmutableDictionary<string, string> byNativeName)
        {
            _types = types;
            _byNativeName = byNativeName;
            _read = Read;
        }

        public ImmutableDictionary<string, NativeMember> NativeMembers(INamedTypeSymbol? type) =>
            // Cheapest test first; a source type's DeclaringSyntaxReferences is a new array on each call, its Locations are kept.
            NoSerializerAttributes || type is null || !IsInSource(type)
                ? None
                : _byType.GetOrAdd(type.OriginalDefinition, _read);

        /// <summary>
        /// The native member a property assignment writes, if any. The property's own attributes (or those of the property it
        /// overrides) are read first: most properties of source types that code assigns have no serializer attribute, and
        /// reading their type's table (every member's attributes) for each of them was most of this rule's cost on a large
        /// codebase, where every type is a source type.
        /// </summary>
        public NativeMember? NativeMember(IPropertySymbol property) =>
            NoSerializerAttributes || !IsInSource(property.ContainingType) || !IsNamedNatively(property)
                ? null
                : NativeMembers(property.ContainingType).TryGetValue(property.Name, out var member) ? member : null;

        private bool NoSerializerAttributes => _types.JsonPropertyNameAttribute is null && _types.NewtonsoftJsonPropertyAttribute is null;

        private bool IsNamedNatively(IPropertySymbol property)
        {
            for (var declared = property; declared is not null; declared = declared.OverriddenProperty)
            {
                foreach (var attribute in declared.GetAttributes())
                {
                    if (SerializedName(attribute) is { } name && _byNativeName.ContainsKey(name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsInSource(INamedTypeSymbol type)
        {
            var locations = type.Locations;
            return locations.Length > 0 && locations[0].IsInSource;
        }

        private ImmutableDictionary<string, NativeMember> Read(INamedTypeSymbol type)
        {
            // Most source types constructed or assigned have no such member: nothing is allocated for them.
            ImmutableDictionary<string, NativeMember>.Builder? natives = null;
            bool model = false, body = false;
            for (var declared = type; declared is not null && !declared.DeclaringSyntaxReferences.IsEmpty; declared = declared.BaseType)
            {
                foreach (var member in declared.GetMembers())
                {
                    if (member is not IPropertySymbol property)
                    {
                        continue;
                    }

                    var (name, at) = JsonName(property);
                    var serialized = name ?? property.Name;
                    model |= string.Equals(serialized, "model", StringComparison.OrdinalIgnoreCase);
                    body |= string.Equals(serialized, "messages", StringComparison.OrdinalIgnoreCase) || string.Equals(serialized, "input", StringComparison.OrdinalIgnoreCase);
                    if (name is not null && _byNativeName.TryGetValue(name, out var wire) && natives?.ContainsKey(property.Name) != true)
                    {
                        (natives ??= ImmutableDictionary.CreateBuilder<string, NativeMember>(StringComparer.Ordinal))[property.Name] = new NativeMember(name, wire, at);
                    }
                }
            }

            return model && body && natives is not null ? natives.ToImmutable() : None;
        }

        /// <summary>The name a serializer attribute gives the property, and where that name is written (null when none).</summary>
        private (string? Name, Location? At) JsonName(IPropertySymbol property)
        {
            foreach (var attribute in property.GetAttributes())
            {
                if (SerializedName(attribute) is not { } name)
                {
                    continue;
                }

                var arguments = (attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax)?.ArgumentList?.Arguments;
                var written = arguments?.FirstOrDefault(a => a.NameEquals is null || a.NameEquals.Name.Identifier.ValueText == "PropertyName");
                return (name, written?.Expression.GetLocation());
            }

            return (null, null);
        }

        /// <summary>The name a serializer attribute (System.Text.Json's or Json.NET's) gives; null for other attributes.</summary>
        private string? SerializedName(AttributeData attribute)
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _types.JsonPropertyNameAttribute)
                && !SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _types.NewtonsoftJsonPropertyAttribute))
            {
                return null;
            }

            return attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string positional ? positional
                : attribute.NamedArguments.FirstOrDefault(a => a.Key == "PropertyName").Value.Value as string;
        }
    }
}
