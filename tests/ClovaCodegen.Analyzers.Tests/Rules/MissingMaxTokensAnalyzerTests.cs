using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

public class MissingMaxTokensAnalyzerTests
{
    [Fact]
    public Task Chat_calls_without_max_tokens_are_reported() => ClovaVerifier.VerifyAsync("""
        using OpenAI.Chat;
        var chat = new ChatClient("HCX-005", System.Environment.GetEnvironmentVariable("K")!);
        ChatMessage[] messages = { new UserChatMessage("hi") };
        {|CLOVA008:chat.CompleteChat(messages)|};
        var bare = new ChatCompletionOptions { Temperature = 0.5f };
        {|CLOVA008:chat.CompleteChat(messages, bare)|};
        var good = new ChatCompletionOptions { MaxOutputTokenCount = 1024 };
        chat.CompleteChat(messages, good);
        var later = new ChatCompletionOptions();
        later.MaxOutputTokenCount = 2048;
        chat.CompleteChat(messages, later);
        """);

    [Fact]
    public Task Generated_builder_chains_that_build_without_max_tokens_are_reported() => ClovaVerifier.VerifyAsync("""
        var unbounded = {|CLOVA008:ChatCompletionRequest.Create("HCX-005").User("hi").Build()|};
        var bounded = ChatCompletionRequest.Create("HCX-005").User("hi").MaxTokens(1024).Build();
        System.Console.WriteLine($"{unbounded}{bounded}");
        """ + GeneratedBuilderStandIn.Source);

    [Fact]
    public Task Finding5_a_lookalike_builder_is_not_a_chat_request() => ClovaVerifier.VerifyAsync("""
        var lookalike = Lookalike.ChatCompletionRequest.Create("HCX-005").User("hi").Build();
        System.Console.WriteLine(lookalike);
        """ + LookalikeUserTypes.Source);

    [Fact]
    public Task Fix_sets_MaxOutputTokenCount_on_the_options_the_calls_are_given_once_on_a_line_of_its_own() => ClovaVerifier.VerifyFixAsync("""
        using OpenAI.Chat;
        var chat = new ChatClient("HCX-005", System.Environment.GetEnvironmentVariable("K")!);
        ChatMessage[] messages = { new UserChatMessage("hi") };
        var shared = new ChatCompletionOptions
        {
            Temperature = 0.5f, // a comment that ends the line stays on it
        };
        {|CLOVA008:chat.CompleteChat(messages, shared)|};
        {|CLOVA008:chat.CompleteChat(messages, shared)|};
        {|CLOVA008:chat.CompleteChat(messages, new ChatCompletionOptions())|};
        """, """
        using OpenAI.Chat;
        var chat = new ChatClient("HCX-005", System.Environment.GetEnvironmentVariable("K")!);
        ChatMessage[] messages = { new UserChatMessage("hi") };
        var shared = new ChatCompletionOptions
        {
            Temperature = 0.5f, // a comment that ends the line stays on it
            MaxOutputTokenCount = 512,
        };
        chat.CompleteChat(messages, shared);
        chat.CompleteChat(messages, shared);
        chat.CompleteChat(messages, new ChatCompletionOptions() { MaxOutputTokenCount = 512 });
        """, new MissingMaxTokensFixer());

    [Fact]
    public Task Fix_gives_a_call_without_options_its_own() => ClovaVerifier.VerifyFixAsync("""
        using OpenAI.Chat;
        var chat = new ChatClient("HCX-005", System.Environment.GetEnvironmentVariable("K")!);
        ChatMessage[] messages = { new UserChatMessage("hi") };
        {|CLOVA008:chat.CompleteChat(messages)|};
        """, """
        using OpenAI.Chat;
        var chat = new ChatClient("HCX-005", System.Environment.GetEnvironmentVariable("K")!);
        ChatMessage[] messages = { new UserChatMessage("hi") };
        chat.CompleteChat(messages, new ChatCompletionOptions { MaxOutputTokenCount = 512 });
        """, new MissingMaxTokensFixer());

    [Fact]
    public Task Fix_calls_the_builders_MaxTokens_before_Build() => ClovaVerifier.VerifyFixAsync("""
        var request = {|CLOVA008:ChatCompletionRequest.Create("HCX-005").User("hi").Build()|};
        System.Console.WriteLine(request);
        """ + GeneratedBuilderStandIn.Source, """
        var request = ChatCompletionRequest.Create("HCX-005").User("hi").MaxTokens(512).Build();
        System.Console.WriteLine(request);
        """ + GeneratedBuilderStandIn.Source, new MissingMaxTokensFixer());
}
