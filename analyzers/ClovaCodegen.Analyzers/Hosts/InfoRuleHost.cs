using System.Linq;
using ClovaCodegen.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Analyzers.Hosts;

/// <summary>
/// The rules that are Info (or Hidden) by default, CLOVA008, in an analyzer of their own: a command-line build, which
/// does not show Info, does not run an analyzer that reports nothing above it, unless a severity setting raises one of
/// its rules (see <see cref="ClovaRuleHost"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InfoRuleHost : ClovaRuleHost
{
    public InfoRuleHost()
        : base(ClovaRules.CreateAll().Where(rule => rule.Descriptor.DefaultSeverity < DiagnosticSeverity.Warning))
    {
    }
}
