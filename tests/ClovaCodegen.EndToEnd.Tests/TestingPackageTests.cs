using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ClovaCodegen.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace ClovaCodegen.EndToEnd.Tests;

/// <summary>
/// docs/testing.md's test projects (xunit, NUnit, MSTest), taken from the page as written, built from the packed
/// ClovaCodegen.Testing and run with dotnet test; the xunit one also carries its own spec, which the emulator must use.
/// </summary>
[Collection(PackagedFeedCollection.Name)]
public class TestingPackageTests
{
    private static readonly Regex ConsumerFile = new(@"<!-- consumer-file: (?<path>[^ ]+) -->\s*```\w+\n(?<text>.*?)\n```", RegexOptions.Singleline);
    private static readonly Regex PassedSummary = new(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+(?<passed>\d+)", RegexOptions.Multiline);

    private readonly PackagedFeed _feed;

    public TestingPackageTests(PackagedFeed feed) => _feed = feed;

    [Fact]
    public async Task The_documented_xunit_nunit_and_mstest_projects_pass_against_the_packed_package()
    {
        var files = DocumentedProjects();
        Assert.Equal(["mstest/AssistantTests.cs", "mstest/AssistantTests.MSTest.csproj", "nunit/AssistantTests.cs", "nunit/AssistantTests.NUnit.csproj", "xunit/AssistantTests.cs", "xunit/AssistantTests.Xunit.csproj"], files.Keys.Order());

        // The user's own spec: seed is unsupported on their deployment, and the emulator must say so.
        var spec = File.ReadAllText(Path.Combine(_feed.RepositoryRoot, "spec", "clova-openai-compat.json"));
        var ownSpec = spec.Replace("{ \"name\": \"seed\", \"status\": \"supported\"", "{ \"name\": \"seed\", \"status\": \"unsupported\"", System.StringComparison.Ordinal);
        Assert.NotEqual(spec, ownSpec);
        files["xunit/clova-spec.json"] = ownSpec;
        files["xunit/AssistantTests.Xunit.csproj"] = files["xunit/AssistantTests.Xunit.csproj"].Replace("</Project>", "  <ItemGroup><ClovaCompatSpec Include=\"clova-spec.json\" /></ItemGroup>\n</Project>", System.StringComparison.Ordinal);
        files["xunit/OwnSpecTests.cs"] = """"
            using System.Net.Http;
            using System.Text;
            using System.Threading.Tasks;
            using ClovaCodegen.Emulator;
            using Xunit;

            public sealed class OwnSpecTests
            {
                [Fact]
                public async Task The_emulator_validates_against_the_projects_own_spec()
                {
                    await using var clova = await ClovaStudioEmulator.StartInMemoryAsync();
                    using var http = clova.CreateHttpClient();

                    using var response = await http.PostAsync("chat/completions", new StringContent(
                        """{"model":"HCX-005","messages":[{"role":"user","content":"hi"}],"seed":7}""", Encoding.UTF8, "application/json"));

                    Assert.Equal(400, (int)response.StatusCode);
                    Assert.Equal(new[] { "seed: unsupported by CLOVA Studio" }, Assert.Single(clova.Requests).Problems);
                }
            }
            """";
        files["Consumers.slnx"] = """
            <Solution>
              <Project Path="xunit/AssistantTests.Xunit.csproj" />
              <Project Path="nunit/AssistantTests.NUnit.csproj" />
              <Project Path="mstest/AssistantTests.MSTest.csproj" />
            </Solution>
            """;
        var consumer = _feed.CreateConsumer("testing-frameworks", files);

        var run = await Dotnet.RunAsync("test Consumers.slnx -nologo", consumer.Directory);

        run.EnsureSuccess("dotnet test of the documented test projects");
        var passed = PassedSummary.Matches(run.Output).Select(m => int.Parse(m.Groups["passed"].Value)).Order().ToArray();
        Assert.True(passed.SequenceEqual([2, 2, 3]), "expected the MSTest, NUnit and xunit projects to pass 2, 2 and 3 tests:\n" + CommandResult.Tail(run.Output));
    }

    /// <summary>The files docs/testing.md marks as consumer files, with our packages at the feed's version.</summary>
    private Dictionary<string, string> DocumentedProjects()
    {
        var page = File.ReadAllText(Path.Combine(_feed.RepositoryRoot, "docs", "testing.md")).Replace("\r", "", System.StringComparison.Ordinal);
        var files = new Dictionary<string, string>();
        foreach (Match match in ConsumerFile.Matches(page))
        {
            var text = match.Groups["text"].Value;
            if (match.Groups["path"].Value.EndsWith(".csproj", System.StringComparison.Ordinal))
            {
                foreach (var id in new[] { "ClovaCodegen", "ClovaCodegen.Testing" })
                {
                    var documented = $"<PackageReference Include=\"{id}\" Version=\"0.1.0\" />";
                    Assert.Contains(documented, text, System.StringComparison.Ordinal);
                    text = text.Replace(documented, $"<PackageReference Include=\"{id}\" Version=\"$(ClovaVersion)\" />", System.StringComparison.Ordinal);
                }
            }

            files.Add(match.Groups["path"].Value, text);
        }

        return files;
    }
}
