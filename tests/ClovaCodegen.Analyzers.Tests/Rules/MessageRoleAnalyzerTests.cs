using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

/// <summary>CLOVA010: the developer role, which CLOVA Studio refuses (the spec's messages roles), however the SDKs send it.</summary>
public class MessageRoleAnalyzerTests
{
    [Fact]
    public Task Every_sdk_form_of_the_developer_role_warns_and_comparisons_do_not() => ClovaVerifier.VerifyAsync("""
        using Microsoft.Extensions.AI;
        using Microsoft.SemanticKernel.ChatCompletion;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        using OpenAI.Chat;
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256, {|CLOVA010:ChatDeveloperPrompt|} = "Answer briefly." };
        settings.{|CLOVA010:ChatDeveloperPrompt|} = "Answer in Korean.";
        var system = new OpenAIPromptExecutionSettings { MaxTokens = 256, ChatSystemPrompt = "Answer briefly." };
        var history = new ChatHistory();
        history.{|CLOVA010:AddDeveloperMessage|}("Answer briefly.");
        history.AddSystemMessage("Answer briefly.");
        history.Add(new Microsoft.SemanticKernel.ChatMessageContent(AuthorRole.{|CLOVA010:Developer|}, "Answer briefly."));
        var skRole = new AuthorRole({|CLOVA010:"developer"|});
        var meaiRole = new ChatRole({|CLOVA010:"developer"|});
        var meaiSystem = new Microsoft.Extensions.AI.ChatMessage(ChatRole.System, "Answer briefly.");
        var sdk = new {|CLOVA010:DeveloperChatMessage|}("Answer briefly.");
        var qualified = new OpenAI.Chat.{|CLOVA010:DeveloperChatMessage|}("Answer briefly.");
        var created = OpenAI.Chat.ChatMessage.{|CLOVA010:CreateDeveloperMessage|}("Answer briefly.");
        var sdkRole = ChatMessageRole.{|CLOVA010:Developer|};
        var compared = skRole == AuthorRole.Developer || sdkRole == ChatMessageRole.Developer;
        var read = settings.ChatDeveloperPrompt;
        System.Console.WriteLine($"{system}{meaiRole}{meaiSystem}{sdk}{qualified}{created}{compared}{read}");
        """);

    [Fact]
    public Task Fix_sends_the_message_as_system() => ClovaVerifier.VerifyFixAsync("""
        using Microsoft.Extensions.AI;
        using Microsoft.SemanticKernel.ChatCompletion;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        using OpenAI.Chat;
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256, {|CLOVA010:ChatDeveloperPrompt|} = "Answer briefly." };
        var history = new ChatHistory();
        history.{|CLOVA010:AddDeveloperMessage|}("Answer briefly.");
        history.Add(new Microsoft.SemanticKernel.ChatMessageContent(AuthorRole.{|CLOVA010:Developer|}, "Answer briefly."));
        var meaiRole = new ChatRole({|CLOVA010:"developer"|});
        var sdk = new {|CLOVA010:DeveloperChatMessage|}("Answer briefly.");
        var created = OpenAI.Chat.ChatMessage.{|CLOVA010:CreateDeveloperMessage|}("Answer briefly.");
        const string Named = "developer";
        var named = new ChatRole({|CLOVA010:Named|});
        System.Console.WriteLine($"{settings}{meaiRole}{sdk}{created}{named}");
        """, """
        using Microsoft.Extensions.AI;
        using Microsoft.SemanticKernel.ChatCompletion;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        using OpenAI.Chat;
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 256, ChatSystemPrompt = "Answer briefly." };
        var history = new ChatHistory();
        history.AddSystemMessage("Answer briefly.");
        history.Add(new Microsoft.SemanticKernel.ChatMessageContent(AuthorRole.System, "Answer briefly."));
        var meaiRole = new ChatRole("system");
        var sdk = new SystemChatMessage("Answer briefly.");
        var created = OpenAI.Chat.ChatMessage.CreateSystemMessage("Answer briefly.");
        const string Named = "developer";
        var named = new ChatRole({|CLOVA010:Named|});
        System.Console.WriteLine($"{settings}{meaiRole}{sdk}{created}{named}");
        """, new MessageRoleFixer());

    /// <summary>The roles come from the spec: one that lists developer flags none of these, and one that lists none checks nothing.</summary>
    [Theory]
    [InlineData("\"roles\": [\"system\", \"user\", \"assistant\", \"tool\", \"developer\"], ")]
    [InlineData("")]
    public Task A_spec_that_accepts_developer_or_lists_no_roles_flags_nothing(string roles) => ClovaVerifier.VerifyAsync("""
        var history = new Microsoft.SemanticKernel.ChatCompletion.ChatHistory();
        history.AddDeveloperMessage("Answer briefly.");
        var sdk = new OpenAI.Chat.DeveloperChatMessage("Answer briefly.");
        System.Console.WriteLine(sdk);
        """, specText: System.IO.File.ReadAllText(System.IO.Path.Combine(Paths.Root, "spec", "clova-openai-compat.json"))
            .Replace("\"roles\": [\"system\", \"user\", \"assistant\", \"tool\"], ", roles));

    /// <summary>
    /// The SDK members come from the spec's bindings with a role, their fixes from each binding's replacement: a spec
    /// without the DeveloperChatMessage binding leaves it alone, and one that names another replacement gets that one.
    /// </summary>
    [Fact]
    public Task The_members_and_their_replacements_are_the_specs_role_bindings() => ClovaVerifier.VerifyFixAsync("""
        var history = new Microsoft.SemanticKernel.ChatCompletion.ChatHistory();
        history.{|CLOVA010:AddDeveloperMessage|}("Answer briefly.");
        var sdk = new OpenAI.Chat.DeveloperChatMessage("Answer briefly.");
        System.Console.WriteLine(sdk);
        """, """
        var history = new Microsoft.SemanticKernel.ChatCompletion.ChatHistory();
        history.AddUserMessage("Answer briefly.");
        var sdk = new OpenAI.Chat.DeveloperChatMessage("Answer briefly.");
        System.Console.WriteLine(sdk);
        """, new MessageRoleFixer(), specText: string.Join('\n', System.IO.File.ReadAllLines(System.IO.Path.Combine(Paths.Root, "spec", "clova-openai-compat.json"))
            .Where(line => !line.Contains("\"member\": \"OpenAI.Chat.DeveloperChatMessage\"", System.StringComparison.Ordinal)))
            .Replace("\"replacement\": \"Microsoft.SemanticKernel.ChatCompletion.ChatHistory.AddSystemMessage\"", "\"replacement\": \"Microsoft.SemanticKernel.ChatCompletion.ChatHistory.AddUserMessage\""));

    [Fact]
    public Task In_endpoint_scope_only_messages_sent_to_clova_warn() => ClovaVerifier.VerifyAsync("""
        using System;
        using System.ClientModel;
        using OpenAI;
        using OpenAI.Chat;

        Console.WriteLine();

        static class Assistant
        {
            static void ToClova(string key)
            {
                var chat = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://clovastudio.stream.ntruss.com/v1/openai") }).GetChatClient("HCX-005");
                chat.CompleteChat([new {|CLOVA010:DeveloperChatMessage|}("Answer briefly."), new UserChatMessage("hi")], new ChatCompletionOptions { MaxOutputTokenCount = 100 });
            }

            static void ToOpenAI(string key)
            {
                var chat = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.openai.com/v1") }).GetChatClient("gpt-4o");
                chat.CompleteChat([new DeveloperChatMessage("Answer briefly."), new UserChatMessage("hi")], new ChatCompletionOptions { MaxOutputTokenCount = 100 });
            }
        }
        """, scope: "endpoint");
}
