using System.Linq;
using ClovaCodegen.Spec.Diagnostics;
using Xunit;

namespace ClovaCodegen.Spec.Tests;

/// <summary>
/// Each kind of malformed spec gives its diagnostic at the right place. In each case '«' marks where the diagnostic
/// must start; it is removed before reading, and its line and column are the expected ones.
/// </summary>
public class MalformedSpecTests
{
    private const string Valid = """
        {
          "specVersion": 1,
          "sources": { "doc": "the source document" },
          "baseUrls": [ { "cloud": "public", "url": "https://clovastudio.stream.ntruss.com/v1/openai/" } ],
          "nativeUrlPatterns": [ { "id": "app", "pathPattern": "^/(testapp|serviceapp)/" } ],
          "endpoints": [
            {
              "id": "chat.completions",
              "method": "POST",
              "path": "chat/completions",
              "models": [ { "name": "HCX-005" } ],
              "fields": [
                { "name": "model", "status": "supported", "type": "string", "required": true, "source": "doc" },
                { "name": "max_tokens", "status": "supported", "type": "integer", "default": 512, "minimum": 1 },
                { "name": "top_k", "status": "clova-only", "type": "integer", "minimum": 0, "maximum": 128 }
              ]
            }
          ],
          "bindings": [ { "member": "OpenAI.Chat.ChatCompletionOptions.MaxOutputTokenCount", "endpoint": "chat.completions", "field": "max_tokens" } ]
        }
        """;

    [Fact]
    public void The_valid_base_case_reads_cleanly()
    {
        var result = SpecReader.Read(Valid, "spec.json");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(3, result.Spec!.Endpoints[0].Fields.Count);
    }

    public static TheoryData<string, string, string> Cases => new()
    {
        // id, original text, replacement with the « marker
        { "CLOVA101", "\"method\": \"POST\",", "\"method\": \"POST\" «\"GET\"," },
        { "CLOVA101", "\"specVersion\": 1,", "\"specVersion\": 1, «}" },
        { "CLOVA104", "\"status\": \"clova-only\"", "\"status\": «\"clova_only\"" },
        { "CLOVA105", "{ \"name\": \"top_k\", \"status\": \"clova-only\"", "{ \"name\": «\"model\", \"status\": \"clova-only\"" },
        { "CLOVA106", "\"id\": \"chat.completions\"", "\"id\": «\"chat.complete\"" },
        { "CLOVA106", "\"endpoint\": \"chat.completions\"", "\"endpoint\": «\"embeddings\"" },
        { "CLOVA107", "\"default\": 512, \"minimum\": 1", "\"default\": «0, \"minimum\": 1" },
        { "CLOVA107", "\"default\": 512, \"minimum\": 1", "\"default\": «\"512\", \"minimum\": 1" },
        { "CLOVA108", "\"minimum\": 0, \"maximum\": 128", "\"minimum\": 129, \"maximum\": «128" },
        { "CLOVA109", "\"pathPattern\": \"^/(testapp|serviceapp)/\"", "\"pathPattern\": «\"^/(testapp|serviceapp/\"" },
        { "CLOVA109", "\"url\": \"https://clovastudio.stream.ntruss.com/v1/openai/\"", "\"url\": «\"http://clovastudio.stream.ntruss.com/v1/openai/\"" },
        { "CLOVA110", "\"specVersion\": 1", "\"specVersion\": «2" },
        { "CLOVA111", "\"models\": [ { \"name\": \"HCX-005\" } ]", "\"models\": [ { \"name\": \"HCX-005\" }, { \"name\": «\"HCX-005\" } ]" },
        { "CLOVA116", "\"models\": [ { \"name\": \"HCX-005\" } ]", "\"models\": [ { \"name\": \"HCX-005\", \"default\": true }, { \"name\": \"HCX-007\", \"default\": «true } ]" },
        { "CLOVA112", "\"field\": \"max_tokens\"", "\"field\": «\"max_output_tokens\"" },
        // A role belongs to a member that sends a message; a replacement to a member with a role.
        { "CLOVA116", "\"field\": \"max_tokens\" }", "\"field\": \"max_tokens\", \"role\": «\"developer\" }" },
        { "CLOVA116", "\"field\": \"max_tokens\" }", "\"field\": \"max_tokens\", \"replacement\": «\"OpenAI.Chat.ChatCompletionOptions.MaxOutputTokenCount\" }" },
        // readAs names the type a bag's readKeys are read into: it needs readKeys, and a type's metadata name.
        { "CLOVA116", "\"field\": \"max_tokens\" }", "\"field\": \"max_tokens\", \"readAs\": «\"OpenAI.Chat.ChatCompletionOptions\" }" },
        { "CLOVA116", "\"field\": \"max_tokens\" }", "\"field\": \"max_tokens\", \"readKeys\": [\"max_tokens\"], \"readAs\": «\"ChatCompletionOptions\" }" },
        { "CLOVA116", "\"field\": \"max_tokens\" }", "\"field\": \"max_tokens\", \"readKeys\": [\"max_tokens\"], \"readAs\": «\"OpenAI.Chat.Chat Options\" }" },
        { "CLOVA102", "{ \"name\": \"top_k\", \"status\": \"clova-only\", ", "«{ \"status\": \"clova-only\", " },
        { "CLOVA103", "\"required\": true", "\"required\": «\"yes\"" },
        { "CLOVA113", "\"required\": true", "«\"requierd\": true" },
        { "CLOVA114", "\"type\": \"integer\", \"minimum\": 0", "\"type\": «\"int\", \"minimum\": 0" },
        { "CLOVA115", "\"source\": \"doc\"", "\"source\": «\"docs\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_kind_of_problem_is_reported_at_its_line_and_column(string id, string original, string replacement)
    {
        Assert.Contains(original, Valid);
        var marked = Valid.Replace(original, replacement);
        var markerOffset = marked.IndexOf('«');
        var text = marked.Remove(markerOffset, 1);
        var expectedLine = marked.Take(markerOffset).Count(c => c == '\n');
        var expectedColumn = markerOffset - (marked.LastIndexOf('\n', markerOffset) + 1);

        var result = SpecReader.Read(text, "/repo/my-spec.json");

        var diagnostic = result.Diagnostics.First(d => d.Id == id);
        Assert.Equal("/repo/my-spec.json", diagnostic.FilePath);
        Assert.Equal((expectedLine, expectedColumn), (diagnostic.StartLine, diagnostic.StartColumn));
        Assert.Equal(markerOffset, diagnostic.Offset);
        var kind = SpecDiagnosticIds.All.Single(k => k.Id == id);
        Assert.Equal(kind.Severity, diagnostic.Severity);
        Assert.Equal(kind.Severity == SpecSeverity.Error, result.Spec is null);
    }

    [Fact]
    public void Diagnostic_text_names_file_line_and_column_like_msbuild()
    {
        var result = SpecReader.Read("{\n  \"specVersion\": 1,\n  \"baseUrls\": [],\n  \"endpoints\": [ { \"id\": \"chat\", \"method\": \"POST\", \"path\": \"x\" } ]\n}", "s.json");

        Assert.Contains("s.json(3,15): error CLOVA116: baseUrls must list at least one base URL", result.Diagnostics.Select(d => d.ToString()));
        Assert.Contains(result.Diagnostics, d => d.Id == "CLOVA106" && d.Line == 4);
    }

    [Theory]
    [InlineData("", "CLOVA101")]
    [InlineData("[]", "CLOVA103")]
    [InlineData("{}", "CLOVA102")]
    [InlineData("{\"specVersion\": 1.5, \"baseUrls\": [], \"endpoints\": []}", "CLOVA103")]
    [InlineData("\uFEFF{\"specVersion\": 1, \"baseUrls\": [{\"cloud\": \"a\", \"url\": \"https://h/\"}], \"endpoints\": []", "CLOVA101")]
    public void Degenerate_documents_give_diagnostics(string text, string id)
    {
        var result = SpecReader.Read(text, "s.json");

        Assert.Null(result.Spec);
        Assert.Contains(result.Diagnostics, d => d.Id == id);
    }

    [Fact]
    public void Null_text_is_an_unreadable_file()
    {
        var result = SpecReader.Read(null, "missing.json");

        Assert.Equal("CLOVA100", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void Two_spec_files_are_one_too_many()
    {
        var result = SpecFileSelection.Read(new[] { ("a.json", (string?)"{}"), ("b.json", (string?)"{}") });

        Assert.Null(result.Spec);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("CLOVA117", "b.json"), (diagnostic.Id, diagnostic.FilePath));
    }

    [Fact]
    public void No_spec_file_means_the_embedded_default()
    {
        Assert.Same(SpecReader.ReadDefault(), SpecFileSelection.Read(System.Array.Empty<(string, string?)>()));
        Assert.True(SpecFileSelection.IsSpecFile("/x/my.json", "True"));
        Assert.True(SpecFileSelection.IsSpecFile("/x/clova-openai-compat.json", null));
        Assert.False(SpecFileSelection.IsSpecFile("/x/appsettings.json", ""));
    }
}
