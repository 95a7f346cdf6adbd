using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using ClovaCodegen.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace ClovaCodegen.EndToEnd.Tests;

public class PackageLayoutTests : IClassFixture<PackagedFeed>
{
    private readonly PackagedFeed _feed;

    public PackageLayoutTests(PackagedFeed feed) => _feed = feed;

    private string PackagePath(string id, string extension = "nupkg") => Path.Combine(_feed.FeedDirectory, $"{id}.{_feed.Version}.{extension}");

    [Fact]
    public void ClovaCodegen_carries_runtime_roslyn_components_build_glue_and_spec()
    {
        using var package = ZipFile.OpenRead(PackagePath("ClovaCodegen"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();

        foreach (var tfm in new[] { "netstandard2.0", "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{tfm}/ClovaCodegen.Runtime.dll", entries);
            Assert.Contains($"lib/{tfm}/ClovaCodegen.Runtime.xml", entries);
        }

        foreach (var component in new[] { "ClovaCodegen.Generator", "ClovaCodegen.Analyzers", "ClovaCodegen.CodeFixes", "ClovaCodegen.Spec" })
        {
            Assert.Contains($"analyzers/dotnet/cs/{component}.dll", entries);
        }

        Assert.Contains("buildTransitive/ClovaCodegen.props", entries);
        Assert.Contains("buildTransitive/ClovaCodegen.targets", entries);
        Assert.Contains("spec/clova-openai-compat.json", entries);
        Assert.Contains("spec/clova-openai-compat.schema.json", entries);
        Assert.Contains("README.md", entries);

        // Roslyn components must not leak into lib/ (they would become compile references of the user's code).
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", System.StringComparison.Ordinal) && (e.Contains("Generator") || e.Contains("Analyzers") || e.Contains("CodeFixes")));
    }

    [Fact]
    public void ClovaCodegen_Extensions_AI_carries_its_assembly_for_each_target_and_nothing_of_the_runtime()
    {
        using var package = ZipFile.OpenRead(PackagePath("ClovaCodegen.Extensions.AI"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();

        foreach (var tfm in new[] { "netstandard2.0", "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{tfm}/ClovaCodegen.Extensions.AI.dll", entries);
            Assert.Contains($"lib/{tfm}/ClovaCodegen.Extensions.AI.xml", entries);
        }

        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.EndsWith("ClovaCodegen.Runtime.dll", System.StringComparison.Ordinal)); // it comes from the ClovaCodegen dependency
    }

    [Fact]
    public void ClovaCodegen_Testing_carries_the_emulator_and_spec_reader_beside_its_assembly_and_the_spec_glue()
    {
        using var package = ZipFile.OpenRead(PackagePath("ClovaCodegen.Testing"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();

        foreach (var assembly in new[] { "ClovaCodegen.Testing", "ClovaCodegen.Emulator", "ClovaCodegen.Spec" })
        {
            Assert.Contains($"lib/net10.0/{assembly}.dll", entries);
            Assert.Contains($"lib/net10.0/{assembly}.xml", entries);
        }

        Assert.Contains("buildTransitive/ClovaCodegen.Testing.targets", entries);
        Assert.Contains("build/ClovaCodegen.Testing.targets", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.EndsWith(".pdb", System.StringComparison.Ordinal)); // symbols go to the .snupkg
        Assert.DoesNotContain(entries, e => e.EndsWith("ClovaCodegen.Runtime.dll", System.StringComparison.Ordinal)); // from the ClovaCodegen dependency

        using var symbols = ZipFile.OpenRead(PackagePath("ClovaCodegen.Testing", "snupkg"));
        var symbolEntries = symbols.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var assembly in new[] { "ClovaCodegen.Testing", "ClovaCodegen.Emulator", "ClovaCodegen.Spec" })
        {
            Assert.Contains($"lib/net10.0/{assembly}.pdb", symbolEntries);
        }
    }

    [Theory]
    [InlineData("ClovaCodegen.Emulator", "clova-emulator")]
    [InlineData("ClovaCodegen.SpecTool", "clova-spec")]
    public void Each_tool_package_is_a_dotnet_tool_with_its_command_and_the_spec_reader(string packageId, string commandName)
    {
        using var package = ZipFile.OpenRead(PackagePath(packageId));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();
        var nuspec = ReadNuspec(packageId);

        Assert.Equal("DotnetTool", nuspec.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name")!.Value);
        Assert.Contains($"tools/net10.0/any/{packageId}.dll", entries);
        Assert.Contains("tools/net10.0/any/ClovaCodegen.Spec.dll", entries);
        Assert.Contains("README.md", entries);
        using var settings = package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open();
        var command = XDocument.Load(settings).Descendants().Single(e => e.Name.LocalName == "Command");
        Assert.Equal(commandName, command.Attribute("Name")!.Value);
        Assert.Equal(packageId + ".dll", command.Attribute("EntryPoint")!.Value);
    }

    [Fact]
    public void Nuspecs_carry_license_repository_readme_and_dependencies()
    {
        var core = ReadNuspec("ClovaCodegen");
        var openAi = ReadNuspec("ClovaCodegen.OpenAI");
        var meai = ReadNuspec("ClovaCodegen.Extensions.AI");
        var testing = ReadNuspec("ClovaCodegen.Testing");
        var tool = ReadNuspec("ClovaCodegen.Emulator");
        var specTool = ReadNuspec("ClovaCodegen.SpecTool");

        foreach (var nuspec in new[] { core, openAi, meai, testing, tool, specTool })
        {
            Assert.Equal("MIT", Element(nuspec, "license")!.Value);
            Assert.Equal("expression", Element(nuspec, "license")!.Attribute("type")!.Value);
            Assert.Equal("README.md", Element(nuspec, "readme")!.Value);
            Assert.NotNull(Element(nuspec, "repository")!.Attribute("url"));
        }

        var openAiDependencies = nuspecDependencies(openAi);
        Assert.Contains("ClovaCodegen", openAiDependencies);
        Assert.Contains("OpenAI", openAiDependencies);
        Assert.DoesNotContain("Microsoft.CodeAnalysis.CSharp", nuspecDependencies(core));
        var meaiDependencies = nuspecDependencies(meai);
        Assert.Contains("ClovaCodegen", meaiDependencies);
        Assert.Contains("Microsoft.Extensions.AI.Abstractions", meaiDependencies);
        Assert.DoesNotContain("OpenAI", meaiDependencies); // the MEAI interop must not drag the OpenAI SDK in
        var testingDependencies = nuspecDependencies(testing);
        Assert.Contains("ClovaCodegen", testingDependencies);
        Assert.Contains("Microsoft.AspNetCore.TestHost", testingDependencies);
        Assert.DoesNotContain("ClovaCodegen.Emulator", testingDependencies); // carried inside, not a package of its own
        Assert.Contains("Microsoft.AspNetCore.App", testing.Descendants().Where(e => e.Name.LocalName == "frameworkReference").Select(e => e.Attribute("name")!.Value));
        Assert.Empty(nuspecDependencies(tool)); // a tool carries everything it runs with

        static string[] nuspecDependencies(XDocument nuspec) =>
            nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).Distinct().ToArray();
    }

    [Fact]
    public void Symbol_packages_are_produced()
    {
        Assert.True(File.Exists(PackagePath("ClovaCodegen", "snupkg")));
        Assert.True(File.Exists(PackagePath("ClovaCodegen.OpenAI", "snupkg")));
        Assert.True(File.Exists(PackagePath("ClovaCodegen.Extensions.AI", "snupkg")));
        Assert.True(File.Exists(PackagePath("ClovaCodegen.Testing", "snupkg")));
    }

    private XDocument ReadNuspec(string id)
    {
        using var package = ZipFile.OpenRead(PackagePath(id));
        using var stream = package.Entries.Single(e => e.FullName == id + ".nuspec").Open();
        return XDocument.Load(stream);
    }

    private static XElement? Element(XDocument document, string name) => document.Descendants().FirstOrDefault(e => e.Name.LocalName == name);
}
