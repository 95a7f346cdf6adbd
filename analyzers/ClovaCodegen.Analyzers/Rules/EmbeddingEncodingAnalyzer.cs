using System;
using ClovaCodegen.Analyzers.Infrastructure;
using ClovaCodegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ClovaCodegen.Analyzers.Rules;

/// <summary>
/// CLOVA002: the OpenAI SDK's EmbeddingClient sends <c>"encoding_format": "base64"</c> on every call (verified), which
/// CLOVA Studio rejects. Flags its embedding calls unless the options argument patches the field.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmbeddingEncodingAnalyzer : ClovaAnalyzer
{
    public EmbeddingEncodingAnalyzer()
        : base(DiagnosticDescriptors.EmbeddingEncoding)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, CompatSpec spec, KnownTypes types)
    {
        if (types.EmbeddingClient is null)
        {
            return;
        }

        context.RegisterOperationAction(
            operation =>
            {
                if (!types.Scope.Applies(operation))
                {
                    return;
                }

                var invocation = (IInvocationOperation)operation.Operation;
                var method = invocation.TargetMethod;
                if (!method.Name.StartsWith("GenerateEmbedding", StringComparison.Ordinal) || !method.ContainingType.IsOrDerivesFrom(types.EmbeddingClient))
                {
                    return;
                }

                // A call whose options were built in code that mentions encoding_format (a Patch) is left alone.
                var options = invocation.Argument("options")?.Value.WithoutConversions();
                if (options is not null and not IDefaultValueOperation && ContainsText(operation, "encoding_format"))
                {
                    return;
                }

                operation.ReportDiagnostic(Diagnostic.Create(Descriptor, invocation.Syntax.GetLocation(), method.Name));
            },
            OperationKind.Invocation);
    }

    private static bool ContainsText(OperationAnalysisContext context, string text)
    {
        var body = context.ContainingSymbol.DeclaringSyntaxReferences;
        foreach (var reference in body)
        {
            if (reference.GetSyntax(context.CancellationToken).ToString().IndexOf(text, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
