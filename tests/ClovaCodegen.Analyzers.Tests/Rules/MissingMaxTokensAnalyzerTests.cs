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

    // Issue 14, finding 7: the max-token setting in every form a chat request is written in.

    [Fact]
    public Task Finding7_MEAI_chat_calls_without_MaxOutputTokens_are_reported_and_pass_through_options_are_not() => ClovaVerifier.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using ClovaCodegen;
        using ClovaCodegen.Extensions.AI;
        using Microsoft.Extensions.AI;

        var clova = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = Environment.GetEnvironmentVariable("K") });
        IChatClient chat = new ClovaChatClient(clova, "HCX-005");
        await {|CLOVA008:chat.GetResponseAsync("hi")|};
        var bare = new ChatOptions { Temperature = 0.5f };
        await {|CLOVA008:chat.GetResponseAsync("hi", bare)|};
        await {|CLOVA008:chat.GetResponseAsync(new[] { new ChatMessage(ChatRole.User, "hi") }, null)|};
        await foreach (var update in {|CLOVA008:clova.AsIChatClient("HCX-005").GetStreamingResponseAsync("hi", new ChatOptions())|})
        {
            Console.Write(update.Text);
        }

        await chat.GetResponseAsync("hi", new ChatOptions { MaxOutputTokens = 1024 });
        var later = new ChatOptions();
        later.MaxOutputTokens = 2048;
        await chat.GetResponseAsync("hi", later);

        sealed class Logging(IChatClient inner) : DelegatingChatClient(inner)
        {
            public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
                base.GetResponseAsync(messages, options, cancellationToken);
        }
        """);

    [Fact]
    public Task Finding7_fix_sets_ChatOptions_MaxOutputTokens_in_the_form_the_call_uses() => ClovaVerifier.VerifyFixAsync("""
        using System;
        using ClovaCodegen;
        using ClovaCodegen.Extensions.AI;
        using Microsoft.Extensions.AI;

        var clova = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = Environment.GetEnvironmentVariable("K") });
        IChatClient chat = new ClovaChatClient(clova, "HCX-005");
        var shared = new ChatOptions { Temperature = 0.5f };
        await {|CLOVA008:chat.GetResponseAsync("hi", shared)|};
        await {|CLOVA008:chat.GetResponseAsync("again", shared)|};
        await {|CLOVA008:chat.GetResponseAsync("hi")|};
        await {|CLOVA008:chat.GetResponseAsync("hi", cancellationToken: default)|};
        await {|CLOVA008:chat.GetResponseAsync("hi", null)|};
        """, """
        using System;
        using ClovaCodegen;
        using ClovaCodegen.Extensions.AI;
        using Microsoft.Extensions.AI;

        var clova = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = Environment.GetEnvironmentVariable("K") });
        IChatClient chat = new ClovaChatClient(clova, "HCX-005");
        var shared = new ChatOptions { Temperature = 0.5f, MaxOutputTokens = 512 };
        await chat.GetResponseAsync("hi", shared);
        await chat.GetResponseAsync("again", shared);
        await chat.GetResponseAsync("hi", new ChatOptions { MaxOutputTokens = 512 });
        await chat.GetResponseAsync("hi", cancellationToken: default, options: new ChatOptions { MaxOutputTokens = 512 });
        await chat.GetResponseAsync("hi", new ChatOptions { MaxOutputTokens = 512 });
        """, new MissingMaxTokensFixer());

    [Fact]
    public Task Finding7_the_recommended_path_gets_it_and_endpoint_scope_needs_evidence_of_CLOVA() => ClovaVerifier.VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using ClovaCodegen;
        using ClovaCodegen.Extensions.AI;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.DependencyInjection;

        Console.WriteLine();

        static class Startup
        {
            static void Register(IServiceCollection services) =>
                services.AddClovaStudio(o => o.ApiKey = Environment.GetEnvironmentVariable("CLOVA_STUDIO_API_KEY"));

            static async Task Ask(IServiceProvider services)
            {
                IChatClient chat = services.GetRequiredService<IChatClient>();
                await {|CLOVA008:chat.GetResponseAsync("hi")|};
            }
        }
        """);

    [Fact]
    public Task Finding7_in_endpoint_scope_only_a_chat_client_that_provably_is_CLOVA_is_checked() => ClovaVerifier.VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using ClovaCodegen;
        using ClovaCodegen.Extensions.AI;
        using Microsoft.Extensions.AI;

        Console.WriteLine();

        static class Calls
        {
            static async Task Ours()
            {
                var clova = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = Environment.GetEnvironmentVariable("K") });
                IChatClient chat = new ClovaChatClient(clova, "HCX-005");
                await {|CLOVA008:chat.GetResponseAsync("hi")|};
            }

            static Task<ChatResponse> Anyone(IChatClient chat) => chat.GetResponseAsync("hi");
        }
        """, scope: "endpoint");

    [Fact]
    public Task Finding7_raw_chat_bodies_without_max_tokens_are_reported() => ClovaVerifier.VerifyAsync("""
        using System.Collections.Generic;
        using System.Text.Json.Nodes;

        var dictionary = {|CLOVA008:new|} Dictionary<string, object> { ["model"] = "HCX-005", ["messages"] = new object[0] };
        var json = {|CLOVA008:new|} JsonObject { ["model"] = "HCX-005", ["messages"] = new JsonArray() };
        var anonymous = {|CLOVA008:new|} { model = "HCX-005", messages = new object[0] };
        var bounded = new Dictionary<string, object> { ["model"] = "HCX-005", ["messages"] = new object[0], ["max_tokens"] = 1024 };
        var completion = new { model = "HCX-005", messages = new object[0], max_completion_tokens = 1024 };
        var later = new Dictionary<string, object> { ["model"] = "HCX-005", ["messages"] = new object[0] };
        later["max_tokens"] = 2048;
        var native = new Dictionary<string, object> { ["model"] = "HCX-005", ["messages"] = new object[0], [{|CLOVA005:"maxTokens"|}] = 2048 };
        var embedding = new { model = "bge-m3", input = "hi", encoding_format = "float" };
        System.Console.WriteLine($"{dictionary}{json}{anonymous}{bounded}{completion}{later}{native}{embedding}");
        """);

    [Fact]
    public Task Finding7_fix_adds_max_tokens_to_raw_bodies_in_their_own_form() => ClovaVerifier.VerifyFixAsync("""
        using System.Collections.Generic;
        using System.Text.Json.Nodes;

        var dictionary = {|CLOVA008:new|} Dictionary<string, object>
        {
            ["model"] = "HCX-005",
            ["messages"] = new object[0],
        };
        var json = {|CLOVA008:new|} JsonObject { ["model"] = "HCX-005", ["messages"] = new JsonArray() };
        var added = {|CLOVA008:new|} Dictionary<string, object> { { "model", "HCX-005" }, { "messages", new object[0] } };
        var anonymous = {|CLOVA008:new|} { model = "HCX-005", messages = new object[0] };
        var strings = {|CLOVA008:new|} Dictionary<string, string> { ["model"] = "HCX-005", ["messages"] = "[]" };
        System.Console.WriteLine($"{dictionary}{json}{added}{anonymous}{strings}");
        """, """
        using System.Collections.Generic;
        using System.Text.Json.Nodes;

        var dictionary = new Dictionary<string, object>
        {
            ["model"] = "HCX-005",
            ["messages"] = new object[0],
            ["max_tokens"] = 512,
        };
        var json = new JsonObject { ["model"] = "HCX-005", ["messages"] = new JsonArray(), ["max_tokens"] = 512 };
        var added = new Dictionary<string, object> { { "model", "HCX-005" }, { "messages", new object[0] }, { "max_tokens", 512 } };
        var anonymous = new { model = "HCX-005", messages = new object[0], max_tokens = 512 };
        var strings = {|CLOVA008:new|} Dictionary<string, string> { ["model"] = "HCX-005", ["messages"] = "[]" };
        System.Console.WriteLine($"{dictionary}{json}{added}{anonymous}{strings}");
        """, new MissingMaxTokensFixer());

    [Fact]
    public Task Finding7_JSON_chat_bodies_are_judged_by_their_content() => ClovaVerifier.VerifyAsync(""""
        using System;
        using System.ClientModel;
        using System.Net.Http;
        using OpenAI.Chat;

        var chat = new ChatClient("HCX-005", Environment.GetEnvironmentVariable("K")!);
        chat.CompleteChat(BinaryContent.Create(BinaryData.FromString("""{"model":"HCX-005","messages":[],"max_tokens":100}""")));
        chat.CompleteChat(BinaryContent.Create(BinaryData.FromString({|CLOVA008:"""{"model":"HCX-005","messages":[]}"""|})));
        chat.CompleteChat(BinaryContent.Create(BinaryData.FromString(Environment.GetEnvironmentVariable("BODY")!)));
        using var content = new StringContent({|CLOVA008:"{\"model\": \"HCX-005\", \"messages\": []}"|});
        using var bounded = new StringContent("{\"model\": \"HCX-005\", \"messages\": [], \"max_completion_tokens\": 100}");
        using var other = new StringContent("{\"messages\": []}");
        """");

    [Fact]
    public Task Finding7_fix_adds_max_tokens_to_a_JSON_literal_in_its_own_layout_once_however_many_calls_send_it() => ClovaVerifier.VerifyFixAsync(""""
        using System;
        using System.ClientModel;
        using System.Net.Http;
        using OpenAI.Chat;

        var chat = new ChatClient("HCX-005", Environment.GetEnvironmentVariable("K")!);
        var body = """
            {
              "model": "HCX-005",
              "messages": [
                { "role": "user", "content": "hi" }
              ]
            }
            """;
        chat.CompleteChat({|CLOVA008:BinaryContent.Create(BinaryData.FromString(body))|});
        chat.CompleteChat({|CLOVA008:BinaryContent.Create(BinaryData.FromString(body))|});
        using var content = new StringContent({|CLOVA008:"{\"model\":\"HCX-005\",\"messages\":[]}"|});
        using var verbatim = new StringContent({|CLOVA008:@"{ ""model"": ""HCX-005"", ""messages"": [] }"|});
        """", """"
        using System;
        using System.ClientModel;
        using System.Net.Http;
        using OpenAI.Chat;

        var chat = new ChatClient("HCX-005", Environment.GetEnvironmentVariable("K")!);
        var body = """
            {
              "model": "HCX-005",
              "messages": [
                { "role": "user", "content": "hi" }
              ],
              "max_tokens": 512
            }
            """;
        chat.CompleteChat(BinaryContent.Create(BinaryData.FromString(body)));
        chat.CompleteChat(BinaryContent.Create(BinaryData.FromString(body)));
        using var content = new StringContent("{\"model\":\"HCX-005\",\"messages\":[],\"max_tokens\":512}");
        using var verbatim = new StringContent(@"{ ""model"": ""HCX-005"", ""messages"": [], ""max_tokens"": 512 }");
        """", new MissingMaxTokensFixer());

    [Fact]
    public Task Semantic_kernel_settings_without_max_tokens_warn() => ClovaVerifier.VerifyAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var kernel = Kernel.CreateBuilder().Build();
        var missing = new {|CLOVA008:OpenAIPromptExecutionSettings|} { Temperature = 0.5, ExtraBody = new Dictionary<string, object?> { ["top_k"] = 20 } };
        await kernel.InvokePromptAsync("hi", new KernelArguments(missing));
        await kernel.InvokePromptAsync("hi", new KernelArguments(new {|CLOVA008:OpenAIPromptExecutionSettings|}()));
        var given = new OpenAIPromptExecutionSettings { MaxTokens = 256 };
        var later = new OpenAIPromptExecutionSettings();
        later.MaxTokens = 256;
        System.Console.WriteLine($"{given}{later}");
        """);

    /// <summary>
    /// Issue 19: SK sends an ExtraBody entry as a top-level field (a $. key patches that path), so max_tokens or
    /// max_completion_tokens there sets the count: in the initializer, or added to the local's ExtraBody later in the body.
    /// An ExtraBody whose keys can't be seen (a dictionary from elsewhere) is not guessed at.
    /// </summary>
    [Fact]
    public Task Semantic_kernel_settings_with_a_max_token_key_in_extra_body_do_not_warn() => ClovaVerifier.VerifyAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var kernel = Kernel.CreateBuilder().Build();
        var initialized = new OpenAIPromptExecutionSettings { ExtraBody = new Dictionary<string, object?> { ["max_tokens"] = 256, ["top_k"] = 20 } };
        var added = new OpenAIPromptExecutionSettings { ExtraBody = new Dictionary<string, object?> { { "max_completion_tokens", 256 } } };
        var path = new OpenAIPromptExecutionSettings { ExtraBody = new Dictionary<string, object?> { ["$.max_tokens"] = 256 } };
        var indexed = new OpenAIPromptExecutionSettings { ExtraBody = new Dictionary<string, object?>() };
        indexed.ExtraBody["max_tokens"] = 256;
        var laterAdd = new OpenAIPromptExecutionSettings();
        laterAdd.ExtraBody = new Dictionary<string, object?>();
        laterAdd.ExtraBody.Add("max_completion_tokens", 256);
        var laterNew = new OpenAIPromptExecutionSettings();
        laterNew.ExtraBody = new Dictionary<string, object?> { ["max_tokens"] = 256 };
        var extra = new Dictionary<string, object?>();
        var unseen = new OpenAIPromptExecutionSettings { ExtraBody = extra };
        await kernel.InvokePromptAsync("hi", new KernelArguments(new OpenAIPromptExecutionSettings { ExtraBody = new Dictionary<string, object?> { ["max_tokens"] = 256 } }));
        var other = new {|CLOVA008:OpenAIPromptExecutionSettings|} { ExtraBody = new Dictionary<string, object?> { ["top_k"] = 20 } };
        other.ExtraBody["top_p"] = 0.5;
        var nested = new {|CLOVA008:OpenAIPromptExecutionSettings|} { ExtraBody = new Dictionary<string, object?> { ["$.thinking.max_tokens"] = 256 } };
        System.Console.WriteLine($"{initialized}{added}{path}{indexed}{laterAdd}{laterNew}{unseen}{other}{nested}");
        """);

    /// <summary>
    /// Issue 19: SK's OpenAI connector reads plain PromptExecutionSettings into OpenAIPromptExecutionSettings (the spec's
    /// readAs), so <c>ExtensionData["max_tokens"]</c> sets MaxTokens (sent as max_completion_tokens, SettingsWireTests), as
    /// does a max token key in the <c>"extra_body"</c> it reads into ExtraBody. Plain settings with neither get CLOVA008,
    /// as OpenAIPromptExecutionSettings without MaxTokens do; <c>"max_completion_tokens"</c> is no key it reads (CLOVA009).
    /// </summary>
    [Fact]
    public Task Semantic_kernel_plain_settings_count_a_max_tokens_key_in_extension_data() => ClovaVerifier.VerifyAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var kernel = Kernel.CreateBuilder().Build();
        var initialized = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 1024, ["temperature"] = 0.5 } };
        var added = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { { "max_tokens", 1024 } } };
        var indexed = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object>() };
        indexed.ExtensionData["max_tokens"] = 1024;
        var laterAdd = new PromptExecutionSettings();
        laterAdd.ExtensionData = new Dictionary<string, object>();
        laterAdd.ExtensionData.Add("max_tokens", 1024);
        var laterNew = new PromptExecutionSettings();
        laterNew.ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 1024 };
        var extraBody = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["extra_body"] = new Dictionary<string, object?> { ["max_tokens"] = 1024 } } };
        var extra = new Dictionary<string, object>();
        var unseen = new PromptExecutionSettings { {|CLOVA009:ExtensionData|} = extra };
        await kernel.InvokePromptAsync("hi", new KernelArguments(new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 1024 } }));
        var missing = new {|CLOVA008:PromptExecutionSettings|} { ExtensionData = new Dictionary<string, object> { ["temperature"] = 0.5 } };
        missing.ExtensionData["top_p"] = 0.8;
        var empty = new {|CLOVA008:PromptExecutionSettings|}();
        await kernel.InvokePromptAsync("hi", new KernelArguments(new {|CLOVA008:PromptExecutionSettings|}()));
        var extraBodyWithout = new {|CLOVA008:PromptExecutionSettings|} { ExtensionData = new Dictionary<string, object> { ["extra_body"] = new Dictionary<string, object?> { ["top_k"] = 20 } } };
        var notRead = new {|CLOVA008:PromptExecutionSettings|} { {|CLOVA009:ExtensionData|} = new Dictionary<string, object> { ["max_completion_tokens"] = 1024 } };
        var openai = new {|CLOVA008:OpenAIPromptExecutionSettings|} { {|CLOVA009:ExtensionData|} = new Dictionary<string, object> { ["max_tokens"] = 1024 } };
        System.Console.WriteLine($"{initialized}{added}{indexed}{laterAdd}{laterNew}{extraBody}{unseen}{missing}{empty}{extraBodyWithout}{notRead}{openai}");
        """);

    [Fact]
    public Task Semantic_kernel_plain_settings_in_endpoint_scope_warn_only_for_a_clova_registration() => ClovaVerifier.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.SemanticKernel;

        Console.WriteLine();

        static class Assistant
        {
            static async Task Clova(string key)
            {
                var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("HCX-005", new Uri("https://clovastudio.stream.ntruss.com/v1/openai"), key).Build();
                var settings = new {|CLOVA008:PromptExecutionSettings|} { ExtensionData = new Dictionary<string, object> { ["temperature"] = 0.5 } };
                var limited = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 1024 } };
                await kernel.InvokePromptAsync("hi", new KernelArguments(settings));
                await kernel.InvokePromptAsync("hi", new KernelArguments(limited));
            }

            static async Task OpenAI(string key)
            {
                var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", new Uri("https://api.openai.com/v1"), key).Build();
                var settings = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["temperature"] = 0.5 } };
                await kernel.InvokePromptAsync("hi", new KernelArguments(settings));
            }
        }
        """, scope: "endpoint");

    [Fact]
    public Task Fix_adds_max_tokens_to_plain_semantic_kernel_settings_extension_data() => ClovaVerifier.VerifyFixAsync("""
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        var given = new {|CLOVA008:PromptExecutionSettings|} { ExtensionData = new Dictionary<string, object> { ["temperature"] = 0.5 } };
        var none = new {|CLOVA008:PromptExecutionSettings|} { ModelId = "HCX-005" };
        var empty = new {|CLOVA008:PromptExecutionSettings|}();
        System.Console.WriteLine($"{given}{none}{empty}");
        """, """
        using System.Collections.Generic;
        using Microsoft.SemanticKernel;
        var given = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["temperature"] = 0.5, ["max_tokens"] = 512 } };
        var none = new PromptExecutionSettings { ModelId = "HCX-005", ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 512 } };
        var empty = new PromptExecutionSettings() { ExtensionData = new Dictionary<string, object> { ["max_tokens"] = 512 } };
        System.Console.WriteLine($"{given}{none}{empty}");
        """, new MissingMaxTokensFixer());

    [Fact]
    public Task Semantic_kernel_settings_kept_where_they_may_be_set_elsewhere_are_not_guessed_at() => ClovaVerifier.VerifyAsync("""
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        System.Console.WriteLine();
        class Assistant
        {
            public OpenAIPromptExecutionSettings Settings { get; } = new OpenAIPromptExecutionSettings { Temperature = 0.5 };
            public OpenAIPromptExecutionSettings Make() => new OpenAIPromptExecutionSettings { Temperature = 0.5 };
        }
        """);

    [Fact]
    public Task Semantic_kernel_settings_in_endpoint_scope_warn_only_for_a_clova_registration() => ClovaVerifier.VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.Connectors.OpenAI;

        Console.WriteLine();

        static class Assistant
        {
            static async Task Clova(string key)
            {
                var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("HCX-005", new Uri("https://clovastudio.stream.ntruss.com/v1/openai"), key).Build();
                var settings = new {|CLOVA008:OpenAIPromptExecutionSettings|} { Temperature = 0.5 };
                await kernel.InvokePromptAsync("hi", new KernelArguments(settings));
            }

            static async Task OpenAI(string key)
            {
                var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", new Uri("https://api.openai.com/v1"), key).Build();
                var settings = new OpenAIPromptExecutionSettings { Temperature = 0.5 };
                await kernel.InvokePromptAsync("hi", new KernelArguments(settings));
            }
        }
        """, scope: "endpoint");

    [Fact]
    public Task Fix_sets_max_tokens_in_semantic_kernel_settings() => ClovaVerifier.VerifyFixAsync("""
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new {|CLOVA008:OpenAIPromptExecutionSettings|} { Temperature = 0.5 };
        var empty = new {|CLOVA008:OpenAIPromptExecutionSettings|}();
        System.Console.WriteLine($"{settings}{empty}");
        """, """
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        var settings = new OpenAIPromptExecutionSettings { Temperature = 0.5, MaxTokens = 512 };
        var empty = new OpenAIPromptExecutionSettings() { MaxTokens = 512 };
        System.Console.WriteLine($"{settings}{empty}");
        """, new MissingMaxTokensFixer());
}
