using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using ClovaCodegen.Generator.Model;
using ClovaCodegen.Spec;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClovaCodegen.Generator.Parsing;

/// <summary>
/// Reads a <c>[ClovaTool]</c> method into a <see cref="ToolMethodModel"/>. Parameter and result types go through the
/// structured-output <see cref="StructuredOutputParser.Reader"/>, so a tool's schema and reader are the structured
/// outputs' own; what that reader cannot express becomes CLOVA207 at the parameter, what stops a method from being a tool
/// (not static, generic, a ref parameter, a containing type that is not partial) CLOVA210. Never an exception.
/// </summary>
internal static class ToolParser
{
    public const string AttributeName = "ClovaCodegen.ClovaToolAttribute";

    private const string DescriptionAttribute = "System.ComponentModel.DescriptionAttribute";

    public static ToolMethodModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var method = (IMethodSymbol)context.TargetSymbol;
        try
        {
            return ParseMethod(context, method, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A parser bug must not become a compiler crash (CS8785): it is reported as CLOVA204 at the method.
            var location = LocationInfo.From(method.Locations.FirstOrDefault());
            return Failed(method, location, new DiagnosticInfo("CLOVA204", location, EquatableArray.Create("the tool " + method.Name, ex.GetType().Name + ": " + ex.Message)));
        }
    }

    private static ToolMethodModel ParseMethod(GeneratorAttributeSyntaxContext context, IMethodSymbol method, CancellationToken cancellationToken)
    {
        var attribute = context.Attributes.First();
        var attributeLocation = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation()) ?? LocationInfo.From(method.Locations.FirstOrDefault());
        var methodLocation = LocationInfo.From(method.Locations.FirstOrDefault());
        var description = SymbolNames.StringArgument(attribute) ?? "";
        var toolName = ToolNaming.ToolName(method.Name, attribute.NamedArguments.FirstOrDefault(a => a.Key == "Name").Value.Value as string);
        var diagnostics = new List<DiagnosticInfo>();
        void Refuse(LocationInfo? where, string reason) => diagnostics.Add(new DiagnosticInfo("CLOVA210", where ?? methodLocation, EquatableArray.Create(method.Name, reason)));

        var container = Container(method.ContainingType, cancellationToken, out var containerProblem);
        if (containerProblem is not null)
        {
            Refuse(methodLocation, containerProblem);
        }

        if (!method.IsStatic)
        {
            Refuse(methodLocation, "it must be static, because the generated All, <Method>Tool and InvokeAsync are static and have no instance to call it on; make it static and pass what it needs as parameters or keep it in static state, or call your instance from a static [ClovaTool] method");
        }

        if (method.IsGenericMethod)
        {
            Refuse(methodLocation, "a generic method has no single JSON Schema");
        }

        var reader = new StructuredOutputParser.Reader(attributeLocation, cancellationToken);
        var parameters = new List<ToolParameterModel>();
        foreach (var parameter in method.Parameters)
        {
            var parameterLocation = LocationInfo.From(parameter.Locations.FirstOrDefault(l => l.IsInSource));
            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                Refuse(parameterLocation, $"parameter '{parameter.Name}' is {(parameter.IsParams ? "params" : "passed by reference")}; a tool's arguments are plain JSON values");
                continue;
            }

            if (parameter.Type.ToDisplayString() == "System.Threading.CancellationToken")
            {
                parameters.Add(new ToolParameterModel(parameter.Name, null, null, null));
                continue;
            }

            var node = reader.Describe(parameter.Type, parameter, parameter.Name);
            if (node is not null)
            {
                parameters.Add(new ToolParameterModel(parameter.Name, SymbolNames.StringArgument(parameter, DescriptionAttribute), node, parameter.HasExplicitDefaultValue ? DefaultExpression(parameter) : null));
            }
        }

        var (awaiting, resultType) = Unwrap(method.ReturnType);
        SchemaNode? result = null;
        if (resultType is not null)
        {
            result = reader.Describe(resultType, method, "the result of " + method.Name);
        }

        // The structured-output reader reports CLOVA205; here the same reasons are about a tool.
        diagnostics.AddRange(reader.Diagnostics.Select(d => d.DescriptorId == "CLOVA205" ? d with { DescriptorId = "CLOVA207" } : d));
        if (reader.HasRecursiveTypes)
        {
            // A recursive type's schema needs $ref to a root; the parameters object has one root per parameter, so a
            // reference would point at the wrong schema. Structured outputs (one root) take recursive types.
            diagnostics.Add(new DiagnosticInfo("CLOVA207", methodLocation, EquatableArray.Create(method.Name, "a parameter or the result has a type that contains itself, which a tool's inlined schema cannot express (use it as a [ClovaStructuredOutput] instead)")));
        }
        var schema = diagnostics.Count == 0 ? ParametersSchema(reader, parameters) : "";
        return new ToolMethodModel(
            container,
            SymbolNames.Identifier(method.Name),
            ToolNaming.HandleName(method.Name),
            toolName,
            description,
            attributeLocation,
            parameters.ToEquatableArray(),
            awaiting,
            result,
            reader.Objects.ToEquatableArray(),
            schema,
            diagnostics.ToEquatableArray());
    }

    /// <summary>The JSON Schema of the arguments object: one property per parameter, required unless it has a default.</summary>
    private static string ParametersSchema(StructuredOutputParser.Reader reader, List<ToolParameterModel> parameters)
    {
        var json = new StringBuilder("{\"type\":\"object\",\"properties\":{");
        var inSchema = parameters.Where(p => !p.IsCancellationToken).ToList();
        json.Append(string.Join(",", inSchema.Select(p => Quote(p.Name) + ":" + reader.Schema(p.Schema!, p.Description))));
        json.Append("},\"required\":[").Append(string.Join(",", inSchema.Where(p => p.IsRequired).Select(p => Quote(p.Name)))).Append("],\"additionalProperties\":false}");
        return json.ToString();
    }

    private static (ToolAwaiting Awaiting, ITypeSymbol? Result) Unwrap(ITypeSymbol returnType)
    {
        var name = returnType.OriginalDefinition.ToDisplayString();
        return name switch
        {
            "void" => (ToolAwaiting.None, null),
            "System.Threading.Tasks.Task" => (ToolAwaiting.Task, null),
            "System.Threading.Tasks.ValueTask" => (ToolAwaiting.ValueTask, null),
            "System.Threading.Tasks.Task<TResult>" => (ToolAwaiting.Task, ((INamedTypeSymbol)returnType).TypeArguments[0]),
            "System.Threading.Tasks.ValueTask<TResult>" => (ToolAwaiting.ValueTask, ((INamedTypeSymbol)returnType).TypeArguments[0]),
            _ => (ToolAwaiting.None, returnType),
        };
    }

    /// <summary>The type's partial declarations, outermost first; <paramref name="problem"/> says why code cannot be added to it.</summary>
    private static ToolContainer Container(INamedTypeSymbol type, CancellationToken cancellationToken, out string? problem)
    {
        problem = null;
        var declarations = new List<string>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            var syntax = current.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().FirstOrDefault();
            if (syntax is null || !syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                problem ??= $"its containing type '{current.Name}' must be partial, so that the generated tool definitions and dispatcher can be added to it";
            }

            if (current.IsGenericType)
            {
                problem ??= $"its containing type '{current.Name}' is generic; declare tools in a non-generic partial class";
            }

            var keyword = syntax switch
            {
                RecordDeclarationSyntax record => "record" + (record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? " struct" : ""),
                StructDeclarationSyntax => "struct",
                InterfaceDeclarationSyntax => "interface",
                _ => "class",
            };
            declarations.Insert(0, $"partial {keyword} {SymbolNames.Identifier(current.Name)}");
        }

        var typeName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        // The fully qualified format writes keywords with @ (namespace App.@event).
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Substring("global::".Length) : "";
        return new ToolContainer(ns, declarations.ToEquatableArray(), typeName, StructuredOutputParser.SafeName(typeName));
    }

    /// <summary>A C# expression for a parameter's default value, valid wherever the type is.</summary>
    private static string DefaultExpression(IParameterSymbol parameter)
    {
        var type = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var value = parameter.ExplicitDefaultValue;
        if (value is null)
        {
            return $"default({type})";
        }

        var underlying = parameter.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : parameter.Type;
        if (underlying.TypeKind == TypeKind.Enum)
        {
            return $"({underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)})({SymbolDisplay.FormatPrimitive(value, quoteStrings: false, useHexadecimalNumbers: false)})";
        }

        switch (value)
        {
            case string text:
                return SymbolDisplay.FormatLiteral(text, quote: true);
            case bool flag:
                return flag ? "true" : "false";
            case double d when double.IsNaN(d) || double.IsInfinity(d):
                return double.IsNaN(d) ? "double.NaN" : d > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
            case float f when float.IsNaN(f) || float.IsInfinity(f):
                return float.IsNaN(f) ? "float.NaN" : f > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity";
            case decimal m:
                return m.ToString(CultureInfo.InvariantCulture) + "m";
            default:
                return $"({underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)})({SymbolDisplay.FormatPrimitive(value, quoteStrings: false, useHexadecimalNumbers: false)})";
        }
    }

    private static ToolMethodModel Failed(IMethodSymbol method, LocationInfo? location, DiagnosticInfo problem) =>
        new(
            new ToolContainer("", EquatableArray<string>.Empty, method.ContainingType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) ?? "", ""),
            method.Name,
            method.Name + "Tool",
            method.Name,
            "",
            location,
            EquatableArray<ToolParameterModel>.Empty,
            ToolAwaiting.None,
            null,
            EquatableArray<ObjectShape>.Empty,
            "",
            EquatableArray.Create(problem));

    private static string Quote(string text) => SpecLiteral.FromString(text).ToJson();
}
