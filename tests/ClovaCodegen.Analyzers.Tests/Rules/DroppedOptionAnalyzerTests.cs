using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.CodeFixes.Rules;
using Xunit;

namespace ClovaCodegen.Analyzers.Tests.Rules;

public class DroppedOptionAnalyzerTests
{
    [Fact]
    public Task Meai_top_k_and_additional_properties_warn() => ClovaVerifier.VerifyAsync("""
        using Microsoft.Extensions.AI;
        var options = new ChatOptions { {|CLOVA009:TopK|} = 20, MaxOutputTokens = 100 };
        {|CLOVA009:options.AdditionalProperties|} = new AdditionalPropertiesDictionary { ["repetition_penalty"] = 1.1 };
        System.Console.WriteLine(options);
        """);

    [Fact]
    public Task Fix_removes_the_dropped_options() => ClovaVerifier.VerifyFixAsync("""
        using Microsoft.Extensions.AI;
        var o = new ChatOptions { {|CLOVA009:TopK|} = 20, MaxOutputTokens = 100 };
        {|CLOVA009:o.AdditionalProperties|}!["top_k"] = 5;
        System.Console.WriteLine(o);
        """, """
        using Microsoft.Extensions.AI;
        var o = new ChatOptions { MaxOutputTokens = 100 };
        System.Console.WriteLine(o);
        """, new UnsupportedFieldFixer());

    [Fact]
    public Task Additional_properties_filled_by_indexer_add_or_initializer_warn() => ClovaVerifier.VerifyAsync("""
        using Microsoft.Extensions.AI;
        var options = new ChatOptions { MaxOutputTokens = 100, {|CLOVA009:AdditionalProperties|} = { ["top_k"] = 5 } };
        {|CLOVA009:options.AdditionalProperties|}!["repetition_penalty"] = 1.1;
        {|CLOVA009:options.AdditionalProperties|}!.Add("repeat_penalty", 1.1);
        System.Console.WriteLine(options);
        """);

    [Fact]
    public Task Options_sent_to_ClovaCodegens_own_chat_client_are_not_dropped() => ClovaVerifier.VerifyAsync("""
        using ClovaCodegen;
        using ClovaCodegen.Extensions.AI;
        using Microsoft.Extensions.AI;
        var clova = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = System.Environment.GetEnvironmentVariable("K") });
        IChatClient direct = new ClovaChatClient(clova, "HCX-005");
        var options = new ChatOptions { TopK = 20, MaxOutputTokens = 100 };
        options.AdditionalProperties = new() { ["repetition_penalty"] = 1.1 };
        await direct.GetResponseAsync("hi", options);
        IChatClient viaExtension = clova.AsIChatClient("HCX-005");
        await viaExtension.GetResponseAsync("hi", new ChatOptions { TopK = 5, MaxOutputTokens = 100 });
        IChatClient stock = new OpenAI.Chat.ChatClient("HCX-005", "k").AsIChatClient();
        await stock.GetResponseAsync("hi", new ChatOptions { {|CLOVA009:TopK|} = 5, MaxOutputTokens = 100 });
        """);
}
