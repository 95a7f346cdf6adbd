using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace ClovaCodegen.EndToEnd.Tests;

/// <summary>What a user configures: their own spec, target frameworks, warnings as errors and .editorconfig severities.</summary>
public class ConsumerConfigurationTests : IClassFixture<PackagedFeed>
{
    /// <summary>Correct code: builders, the runtime client, the OpenAI SDK used as CLOVA Studio wants.</summary>
    internal const string CorrectLibraryCode = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using ClovaCodegen;
        using ClovaCodegen.Requests;

        namespace Consumer
        {
            public static class Assistant
            {
                public static Task<string> AskAsync(ClovaStudioClient client, string question, CancellationToken cancellationToken)
                {
                    var request = ChatCompletionRequest.Create("HCX-005")
                        .System("You answer briefly.")
                        .User(question)
                        .Temperature(0.5)
                        .TopK(20)
                        .MaxTokens(1024)
                        .Build();
                    return AskCoreAsync(client, request, cancellationToken);
                }

                private static async Task<string> AskCoreAsync(ClovaStudioClient client, ChatCompletionRequest request, CancellationToken cancellationToken)
                {
                    var completion = await client.CompleteChatAsync(request, cancellationToken).ConfigureAwait(false);
                    return completion.ToString() ?? "";
                }

                public static EmbeddingRequest Embed(string text) => EmbeddingRequest.Create("bge-m3").Input(text).Build();
            }
        }
        """;

    private const string UnsupportedFieldProgram = """
        using OpenAI.Chat;

        var options = new ChatCompletionOptions { EndUserId = "user-42", MaxOutputTokenCount = 1024 };
        System.Console.WriteLine(options.EndUserId);
        """;

    private const string UserSpecProgram = """
        using OpenAI.Chat;
        using ClovaCodegen.Requests;

        var options = new ChatCompletionOptions { EndUserId = "user-42", MaxOutputTokenCount = 1024 };
        var request = ChatCompletionRequest.Create("HCX-005").User("hi").Logprobs(true).MaxTokens(100).Build();
        System.Console.WriteLine(options.EndUserId + request.Model);
        """;

    private const string BrokenSpec = "{\n  \"specVersion\": 1,\n  \"baseUrls\": [ { \"cloud\": \"public\", \"url\": \"https://clovastudio.stream.ntruss.com/v1/openai/\" } ],\n  \"endpoints\": [ { \"id\": \"chat.completions\", \"method\": \"POST\", \"path\": \"chat/completions\", \"fields\": [ { \"name\": \"top_k\", \"status\": \"clova_only\", \"type\": \"integer\" } ] } ]\n}\n";

    private readonly PackagedFeed _feed;

    public ConsumerConfigurationTests(PackagedFeed feed) => _feed = feed;

    // The consumers of these tests, built together with the others of ConsumerBatch.
    internal static Dictionary<string, string> DefaultSpecConsumer(string repositoryRoot) => ConsumerTemplates.Files(ConsumerTemplates.Project("net10.0"), UserSpecProgram);

    internal static Dictionary<string, string> UserSpecConsumer(string repositoryRoot) => ConsumerTemplates.Files(
        ConsumerTemplates.Project("net10.0", extraItems: """<ClovaCompatSpec Include="my-clova-spec.json" />"""), UserSpecProgram, ("my-clova-spec.json", UserSpec(repositoryRoot)));

    internal static Dictionary<string, string> BrokenSpecConsumer() => ConsumerTemplates.Files(
        ConsumerTemplates.Project("net10.0", extraItems: """<ClovaCompatSpec Include="broken.json" />""", withOpenAI: false), "System.Console.WriteLine();", ("broken.json", BrokenSpec));

    internal static Dictionary<string, string> SeverityConsumer(string severity) => ConsumerTemplates.Files(
        ConsumerTemplates.Project("net10.0", "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>"), UnsupportedFieldProgram, (".editorconfig", $"root = true\n[*.cs]\ndotnet_diagnostic.CLOVA001.severity = {severity}\n"));

    internal static Dictionary<string, string> WarningsAsErrorsConsumer() => ConsumerTemplates.Files(
        ConsumerTemplates.Project("net10.0", "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>"), UnsupportedFieldProgram);

    private static string UserSpec(string repositoryRoot) => File.ReadAllText(Path.Combine(repositoryRoot, "spec", "clova-openai-compat.json"))
        .Replace("""{ "name": "user", "status": "unsupported", "type": "string", "source": "doc" },""", """{ "name": "user", "status": "supported", "type": "string", "source": "doc" },""")
        .Replace("""{ "name": "logprobs", "status": "unsupported",""", """{ "name": "logprobs", "status": "supported",""");

    [Fact]
    public async Task A_user_spec_changes_both_the_warnings_and_the_generated_api()
    {
        Assert.Contains("\"name\": \"logprobs\", \"status\": \"supported\"", UserSpec(_feed.RepositoryRoot));

        var (_, withDefaultSpec) = await ConsumerBatch.BuildAsync(_feed, "default-spec");
        var (_, withUserSpec) = await ConsumerBatch.BuildAsync(_feed, "user-spec");

        // Default spec: `user` is unsupported (CLOVA001) and `logprobs` has no builder method (CS1061).
        Assert.Contains(withDefaultSpec.Diagnostics, d => d.Id == "CLOVA001" && d.Line == 4);
        Assert.Contains(withDefaultSpec.Diagnostics, d => d.Id == "CS1061" && d.Line == 5 && d.Message.Contains("Logprobs"));

        // The user's spec supports both: no warning, and the builder grows a Logprobs method.
        withUserSpec.EnsureSuccess("building with the user's spec");
        Assert.DoesNotContain(withUserSpec.Diagnostics, d => d.Id.StartsWith("CLOVA", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_user_spec_is_reported_in_that_file()
    {
        var (_, build) = await ConsumerBatch.BuildAsync(_feed, "broken-spec");

        Assert.Contains(build.Diagnostics, d => d.File == "broken.json" && d.Id == "CLOVA104" && d.Line == 4);
        Assert.DoesNotContain("CS8785", build.Output);
        Assert.DoesNotContain("AD0001", build.Output);
    }

    [Theory]
    [InlineData("none", 0)]
    [InlineData("error", 1)]
    public async Task Editorconfig_severity_works_under_warnings_as_errors(string severity, int expectedExitCodeSign)
    {
        var (_, build) = await ConsumerBatch.BuildAsync(_feed, "severity-" + severity);

        Assert.Equal(expectedExitCodeSign, build.ExitCode == 0 ? 0 : 1);
        if (severity == "error")
        {
            Assert.Contains(build.Diagnostics, d => d.Id == "CLOVA001" && d.Severity == "error" && d.Line == 3);
        }
        else
        {
            Assert.DoesNotContain(build.Diagnostics, d => d.Id == "CLOVA001");
        }
    }

    [Fact]
    public async Task Warnings_as_errors_turns_a_rule_into_a_failed_build()
    {
        var (_, build) = await ConsumerBatch.BuildAsync(_feed, "warnaserror");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains(build.Diagnostics, d => d.Id == "CLOVA001" && d.Severity == "error");
    }
}

/// <summary>Correct code builds with zero warnings for each target framework the package supports.</summary>
public class TargetFrameworkConsumerTests : IClassFixture<PackagedFeed>
{
    private readonly PackagedFeed _feed;

    public TargetFrameworkConsumerTests(PackagedFeed feed) => _feed = feed;

    internal static Dictionary<string, string> CleanConsumer(string targetFramework)
    {
        var extraItems = targetFramework == "net472"
            ? """<PackageReference Include="Microsoft.NETFramework.ReferenceAssemblies" Version="1.0.3" PrivateAssets="all" />"""
            : "";
        var project = ConsumerTemplates.Project(targetFramework, "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>", extraItems, withOpenAI: false, outputType: "Library");
        return new Dictionary<string, string> { ["Consumer.csproj"] = project, ["Assistant.cs"] = ConsumerConfigurationTests.CorrectLibraryCode };
    }

    [Theory]
    [InlineData("net472")]
    [InlineData("netstandard2.0")]
    [InlineData("net8.0")]
    public async Task Correct_code_builds_with_zero_warnings(string targetFramework)
    {
        var (_, build) = await ConsumerBatch.BuildAsync(_feed, "clean-" + targetFramework);

        build.EnsureSuccess($"building the {targetFramework} consumer");
        Assert.True(build.Diagnostics.Count == 0, string.Join("\n", build.Diagnostics));
    }
}
