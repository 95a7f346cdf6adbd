using System.IO;
using System.Linq;
using ClovaCodegen.Spec.Model;
using Xunit;

namespace ClovaCodegen.Spec.Tests;

public class DefaultSpecTests
{
    [Fact]
    public void Embedded_default_spec_loads_without_diagnostics()
    {
        var result = SpecReader.ReadDefault();

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Spec);
    }

    [Fact]
    public void Embedded_default_spec_is_the_file_in_the_repository()
    {
        Assert.Equal(File.ReadAllText(RepositoryPaths.DefaultSpec), SpecReader.DefaultSpecText);
    }

    [Fact]
    public void Reading_the_same_text_twice_gives_equal_models_and_a_change_does_not()
    {
        var text = SpecReader.DefaultSpecText;
        var first = SpecReader.Read(text, "a.json").Spec!;
        var second = SpecReader.Read(text, "a.json").Spec!;
        var changed = SpecReader.Read(text.Replace("\"maximum\": 128", "\"maximum\": 64"), "a.json").Spec!;

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, changed);
    }

    [Fact]
    public void Endpoints_paths_and_methods_match_the_source_document()
    {
        var spec = SpecReader.ReadDefault().Spec!;

        Assert.Equal(new[] { ("chat.completions", "POST", "chat/completions"), ("embeddings", "POST", "embeddings"), ("models", "GET", "models") },
            spec.Endpoints.Select(e => (e.Id, e.Method, e.Path)).ToArray());
    }

    [Fact]
    public void Base_urls_are_the_verified_public_and_gov_ones()
    {
        var spec = SpecReader.ReadDefault().Spec!;

        Assert.Equal("https://clovastudio.stream.ntruss.com/v1/openai/", spec.BaseUrls.Single(b => b.Cloud == "public").Url);
        Assert.Equal("https://clovastudio.stream.gov-ntruss.com/v1/openai/", spec.BaseUrls.Single(b => b.Cloud == "gov").Url);
        Assert.All(spec.BaseUrls, b => Assert.True(b.Verified));
    }

    [Theory]
    [InlineData("https://clovastudio.stream.ntruss.com/testapp/v3/chat-completions/HCX-005", true)]
    [InlineData("https://clovastudio.stream.gov-ntruss.com/serviceapp/v3/chat-completions/HCX-005", true)]
    [InlineData("https://clovastudio.stream.ntruss.com/v1/api-tools/embedding/v2", true)]
    [InlineData("https://clovastudio.stream.ntruss.com/v1/openai/chat/completions", false)]
    [InlineData("https://clovastudio.stream.gov-ntruss.com/v1/openai/embeddings", false)]
    public void Native_url_patterns_tell_native_paths_from_openai_compatible_ones(string url, bool native)
    {
        var spec = SpecReader.ReadDefault().Spec!;
        var path = new System.Uri(url).AbsolutePath;

        Assert.Equal(native, spec.NativeUrlPatterns.Any(p => System.Text.RegularExpressions.Regex.IsMatch(path, p.PathPattern)));
    }

    [Fact]
    public void Max_token_fields_default_to_512_and_encoding_format_allows_only_float()
    {
        var spec = SpecReader.ReadDefault().Spec!;
        var chat = spec.FindEndpoint(EndpointSpec.ChatCompletions)!;
        var embeddings = spec.FindEndpoint(EndpointSpec.Embeddings)!;

        Assert.Equal(512, chat.FindField("max_tokens")!.Default!.Number);
        Assert.Equal(512, chat.FindField("max_completion_tokens")!.Default!.Number);
        var encoding = embeddings.FindField("encoding_format")!;
        Assert.Equal(new[] { SpecLiteral.FromString("float") }, encoding.AllowedValues.ToArray());
        Assert.True(encoding.RequiredValue);
    }

    [Fact]
    public void Sdk_fields_the_tables_do_not_mention_are_undocumented()
    {
        var chat = SpecReader.ReadDefault().Spec!.FindEndpoint(EndpointSpec.ChatCompletions)!;

        foreach (var name in new[] { "functions", "function_call", "safety_identifier", "web_search_options" })
        {
            Assert.Equal(FieldStatus.Undocumented, chat.FindField(name)!.Status);
        }
    }

    [Fact]
    public void Every_binding_names_a_declared_field_and_every_ranged_field_cites_a_source()
    {
        var spec = SpecReader.ReadDefault().Spec!;

        Assert.All(spec.Bindings, b => Assert.True(b.Field == BindingSpec.AnyField || spec.FindEndpoint(b.Endpoint)!.FindField(b.Field) is not null, b.Member));
        Assert.All(spec.Endpoints.SelectMany(e => e.Fields).Where(f => f.Range is not null), f => Assert.False(string.IsNullOrEmpty(f.Source), f.Name));
        Assert.Equal("user", spec.FindBinding("OpenAI.Chat.ChatCompletionOptions.EndUserId")!.Field);
    }

    /// <summary>
    /// CLOVA010 reads the SDK members that send a message of a role from the bindings: each developer member with the
    /// member that sends the same message as system (the fix's replacement), from the SDK that defines both.
    /// </summary>
    [Fact]
    public void The_developer_members_of_the_sdks_are_bound_with_their_system_counterparts()
    {
        var spec = SpecReader.ReadDefault().Spec!;

        var developer = spec.Bindings.Where(b => b.Role == "developer").ToDictionary(b => b.Member, b => b.Replacement);

        Assert.Equal(new System.Collections.Generic.Dictionary<string, string?>
        {
            ["Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings.ChatDeveloperPrompt"] = "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings.ChatSystemPrompt",
            ["Microsoft.SemanticKernel.ChatCompletion.ChatHistory.AddDeveloperMessage"] = "Microsoft.SemanticKernel.ChatCompletion.ChatHistory.AddSystemMessage",
            ["Microsoft.SemanticKernel.ChatCompletion.AuthorRole.Developer"] = "Microsoft.SemanticKernel.ChatCompletion.AuthorRole.System",
            ["OpenAI.Chat.ChatMessage.CreateDeveloperMessage"] = "OpenAI.Chat.ChatMessage.CreateSystemMessage",
            ["OpenAI.Chat.ChatMessageRole.Developer"] = "OpenAI.Chat.ChatMessageRole.System",
            ["OpenAI.Chat.DeveloperChatMessage"] = "OpenAI.Chat.SystemChatMessage",
        }, developer);
        Assert.All(spec.Bindings.Where(b => b.Role is not null), b => Assert.Equal("messages", b.Field));
        Assert.DoesNotContain("developer", spec.FindEndpoint(EndpointSpec.ChatCompletions)!.FindField("messages")!.Roles);
        Assert.Equal("ChatSystemPrompt", spec.FindBinding("Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings.ChatDeveloperPrompt")!.ReplacementName);
    }

    [Fact]
    public void Each_endpoint_with_models_marks_the_model_of_the_source_documents_examples_as_its_default()
    {
        var spec = SpecReader.ReadDefault().Spec!;

        // The facts: HCX-005 and bge-m3 are the names the source document's examples use (the only ones verified).
        Assert.Equal("HCX-005", spec.FindEndpoint(EndpointSpec.ChatCompletions)!.DefaultModel?.Name);
        Assert.Equal("bge-m3", spec.FindEndpoint(EndpointSpec.Embeddings)!.DefaultModel?.Name);
        Assert.All(spec.Endpoints.Where(e => !e.Models.IsEmpty), e => Assert.Single(e.Models, m => m.IsDefault));
    }

    [Fact]
    public void Embedding_models_and_dimension_come_from_the_facts()
    {
        var embeddings = SpecReader.ReadDefault().Spec!.FindEndpoint(EndpointSpec.Embeddings)!;

        Assert.Equal(1024, embeddings.FindModel("bge-m3")!.Dimension);
        Assert.Contains(embeddings.Models, m => m.Name == "clir-emb-dolphin");
    }
}
