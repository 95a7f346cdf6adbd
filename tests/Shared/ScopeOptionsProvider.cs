using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ClovaCodegen.Testing;

/// <summary>
/// What an .editorconfig with <c>clova_codegen.scope = ...</c> gives the analyzers, for code that drives them directly
/// (the analyzer tests' harness and the analyzer benchmark link this one file).
/// </summary>
internal sealed class ScopeOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly ScopeOptions _options;

    public ScopeOptionsProvider(string scope) => _options = new ScopeOptions(scope);

    public override AnalyzerConfigOptions GlobalOptions => _options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

    private sealed class ScopeOptions : AnalyzerConfigOptions
    {
        private readonly string _scope;

        public ScopeOptions(string scope) => _scope = scope;

        public override bool TryGetValue(string key, out string value)
        {
            value = _scope;
            return key == "clova_codegen.scope";
        }
    }
}
