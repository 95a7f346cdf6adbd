using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace ClovaCodegen.EndToEnd.Tests;

/// <summary>
/// Issue 19's two Semantic Kernel apps as package consumers, built with the others of <see cref="ConsumerBatch"/> (no build
/// of their own): samples/SemanticKernelMistakes gets every marked rule exactly on its marked lines (see
/// <see cref="MarkedDiagnostics"/>), samples/SemanticKernel, the supported path, none, at any severity.
/// </summary>
public class SemanticKernelConsumerTests : IClassFixture<PackagedFeed>
{
    private static readonly string SemanticKernelPackages =
        $"""<PackageReference Include="Microsoft.SemanticKernel.Connectors.OpenAI" Version="{ConsumerTemplates.SemanticKernelVersion}" /><PackageReference Include="Microsoft.SemanticKernel.Core" Version="{ConsumerTemplates.SemanticKernelVersion}" />""";

    /// <summary>SK marks its embedding generator registrations and ExtraBody experimental; the samples' projects allow them too.</summary>
    private const string AllowExperimental = "<NoWarn>$(NoWarn);SKEXP0001;SKEXP0010</NoWarn>";

    private readonly PackagedFeed _feed;

    public SemanticKernelConsumerTests(PackagedFeed feed) => _feed = feed;

    /// <summary>samples/SemanticKernelMistakes with its .editorconfig (which raises CLOVA008 so that the build prints it).</summary>
    internal static Dictionary<string, string> MistakesConsumer(string repositoryRoot) => ConsumerTemplates.Files(
        ConsumerTemplates.Project("net10.0", AllowExperimental, SemanticKernelPackages, withOpenAI: false),
        File.ReadAllText(Path.Combine(repositoryRoot, "samples", "SemanticKernelMistakes", "Program.cs")),
        (".editorconfig", File.ReadAllText(Path.Combine(repositoryRoot, "samples", "SemanticKernelMistakes", ".editorconfig"))));

    /// <summary>
    /// samples/SemanticKernel over the packages it needs as a consumer (ClovaOpenAI's client; the emulator it runs on without
    /// a key ships in ClovaCodegen.Testing), with every rule raised to a warning so that an Info finding would show too.
    /// </summary>
    internal static Dictionary<string, string> SampleConsumer(string repositoryRoot) => ConsumerTemplates.Files(
        ConsumerTemplates.Project(
            "net10.0",
            AllowExperimental,
            SemanticKernelPackages + """<PackageReference Include="ClovaCodegen.OpenAI" Version="$(ClovaVersion)" /><PackageReference Include="ClovaCodegen.Testing" Version="$(ClovaVersion)" />""",
            withOpenAI: false),
        File.ReadAllText(Path.Combine(repositoryRoot, "samples", "SemanticKernel", "Program.cs")),
        (".editorconfig", "[*.cs]\n" + string.Concat(Enumerable.Range(1, 10).Select(n => $"dotnet_diagnostic.CLOVA{n:000}.severity = warning\n"))));

    [Fact]
    public async Task The_mistakes_sample_gets_each_marked_rule_on_its_line_and_nothing_else()
    {
        var source = MistakesConsumer(_feed.RepositoryRoot)["Program.cs"];

        var (_, build) = await ConsumerBatch.BuildAsync(_feed, "sk-mistakes");

        build.EnsureSuccess("building the SemanticKernelMistakes consumer");
        MarkedDiagnostics.AssertReportedAsMarked(source, build);
        Assert.Equal(["CLOVA001", "CLOVA002", "CLOVA003", "CLOVA004", "CLOVA006", "CLOVA008", "CLOVA009", "CLOVA010"], MarkedDiagnostics.Expected(source).Select(e => e.Id).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_supported_sample_gets_no_rule()
    {
        var (_, build) = await ConsumerBatch.BuildAsync(_feed, "sk-sample");

        build.EnsureSuccess("building the SemanticKernel consumer");
        // A build that printed nothing about the sample would pass the check below: it must have compiled the sample.
        Assert.Contains(build.Output.Split('\n'), line => line.TrimStart().StartsWith("sk-sample -> ", StringComparison.Ordinal));
        Assert.Empty(MarkedDiagnostics.Reported(build));
    }
}
