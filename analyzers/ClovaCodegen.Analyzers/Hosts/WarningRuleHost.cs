using System.Linq;
using ClovaCodegen.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Hosts;

/// <summary>The rules that are Warning (or Error) by default: every rule but CLOVA008, in one analyzer (see <see cref="ClovaRuleHost"/>).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WarningRuleHost : ClovaRuleHost
{
    public WarningRuleHost()
        : base(ClovaRules.CreateAll().Where(rule => rule.Descriptor.DefaultSeverity >= DiagnosticSeverity.Warning))
    {
    }
}
