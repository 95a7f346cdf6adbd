using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace ClovaCodegen.Emulator.Tests;

/// <summary>Raw HTTP to an emulator: bodies go out as the exact bytes given, so a test can send what no SDK would.</summary>
internal sealed class EmulatorHttp : IDisposable
{
    public const string FakeKey = "nv-test-0000000000000000fake";
    public const string RequestIdHeader = "X-NCP-CLOVASTUDIO-REQUEST-ID";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public EmulatorHttp(Uri baseUrl) => BaseUrl = baseUrl;

    public Uri BaseUrl { get; }

    public Task<Answer> PostAsync(string path, string json, string? key = FakeKey) => PostAsync(path, Encoding.UTF8.GetBytes(json), key);

    public async Task<Answer> PostAsync(string path, byte[] body, string? key = FakeKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl, path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await SendAsync(request, key);
    }

    public async Task<Answer> GetAsync(string path, string? key = FakeKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUrl, path));
        return await SendAsync(request, key);
    }

    private async Task<Answer> SendAsync(HttpRequestMessage request, string? key)
    {
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var requestId = response.Headers.TryGetValues(RequestIdHeader, out var ids) ? string.Join(",", ids) : null;
        return new Answer((int)response.StatusCode, text, requestId);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Status, body text and request id of one answer.</summary>
internal sealed record Answer(int Status, string Body, string? RequestId)
{
    /// <summary>Asserts an OpenAI-shaped error: <c>{"error":{"message","type","code"}}</c> and a request id header; returns the error object.</summary>
    public JsonElement AssertError(int status, string? context = null)
    {
        Assert.True(Status == status, $"Expected {status}, got {Status}: {Body}\n{context}");
        return AssertErrorShape(context);
    }

    /// <summary>Asserts a 200.</summary>
    public void AssertOk(string? context = null) => Assert.True(Status == 200, $"Expected 200, got {Status}: {Body}\n{context}");

    /// <summary>Asserts the body is an OpenAI-shaped error and a request id came with it.</summary>
    public JsonElement AssertErrorShape(string? context = null)
    {
        Assert.False(string.IsNullOrEmpty(RequestId), $"No request id on a {Status}\n{context}");
        JsonElement error;
        try
        {
            using var document = JsonDocument.Parse(Body);
            error = document.RootElement.GetProperty("error").Clone();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or System.Collections.Generic.KeyNotFoundException)
        {
            throw new Xunit.Sdk.XunitException($"A {Status} without an OpenAI-shaped error body: '{Body}'\n{context}");
        }

        Assert.Equal(JsonValueKind.String, error.GetProperty("message").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(JsonValueKind.String, error.GetProperty("type").ValueKind);
        Assert.Equal(JsonValueKind.String, error.GetProperty("code").ValueKind);
        return error;
    }
}
