using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Requests;
using Xunit;

namespace ClovaCodegen.Runtime.Tests;

/// <summary>Whole answers are read from their bytes: a BOM is skipped, a body that is not the expected JSON is a clear error.</summary>
public sealed class ResponseReadingTests
{
    private static ClovaStudioClient ClientAnswering(byte[] body) => new(
        new ClovaStudioClientOptions { ApiKey = "nv-test-0000000000000000fake", Endpoint = new Uri("http://127.0.0.1/v1/openai/"), MaxRetries = 0 },
        new HttpClient(new FixedHandler(body)));

    private static ChatCompletionRequest Request() => ChatCompletionRequest.Create("HCX-005").User("hi").MaxTokens(10).Build();

    [Fact]
    public async Task A_body_with_a_utf8_bom_is_read()
    {
        var json = """{"id":"c1","model":"HCX-005","created":1764000000,"choices":[{"index":0,"message":{"role":"assistant","content":"안녕"},"finish_reason":"stop"}]}""";
        byte[] bom = { 0xEF, 0xBB, 0xBF };
        using var client = ClientAnswering([.. bom, .. Encoding.UTF8.GetBytes(json)]);

        var completion = await client.CompleteChatAsync(Request());

        Assert.Equal("안녕", completion.Choices[0].Message.Content);
        Assert.Equal(1764000000, completion.Created);
    }

    [Theory]
    [InlineData("<html>gateway</html>", "invalid_response")]
    [InlineData("null", null)]
    public async Task A_body_that_is_not_a_completion_throws_ClovaStudioException(string body, string? errorCode)
    {
        using var client = ClientAnswering(Encoding.UTF8.GetBytes(body));

        var error = await Assert.ThrowsAsync<ClovaStudioException>(() => client.CompleteChatAsync(Request()));

        Assert.Equal(200, error.StatusCode);
        Assert.Equal(errorCode, error.ErrorCode);
    }

    private sealed class FixedHandler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) });
    }
}
