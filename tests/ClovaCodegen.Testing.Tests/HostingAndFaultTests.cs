using System;
using System.Linq;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using ClovaCodegen.Requests;
using Xunit;

namespace ClovaCodegen.Testing.Tests;

/// <summary>In-memory hosting, faults set per test and seen in the records, and the spec the emulator validates against.</summary>
public sealed class HostingAndFaultTests
{
    [Fact]
    public async Task In_memory_the_client_round_trips_without_any_socket()
    {
        await using var clova = await ClovaStudioEmulator.StartInMemoryAsync();
        using var client = clova.CreateClovaStudioClient();

        var completion = await client.CompleteChatAsync(ChatCompletionRequest.Create("HCX-005").User("in memory").MaxTokens(16).Build());

        Assert.True(clova.IsInMemory);
        Assert.Equal(new Uri("http://localhost/v1/openai/"), clova.BaseUrl);
        Assert.Equal("stop", completion.Choices[0].FinishReason);
        Assert.Single(clova.Requests);
    }

    [Fact]
    public async Task On_a_port_the_emulator_is_not_in_memory()
    {
        await using var clova = await ClovaStudioEmulator.StartAsync();

        Assert.False(clova.IsInMemory);
        Assert.Equal("127.0.0.1", clova.BaseUrl.Host);
        Assert.NotEqual(0, clova.BaseUrl.Port);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_retried_by_the_client_and_both_attempts_are_recorded()
    {
        await using var clova = await ClovaStudioEmulator.StartInMemoryAsync(new EmulatorOptions { FailNextRequests = 1, FailureStatusCode = 429, RetryAfterSeconds = 0 });
        using var client = clova.CreateClovaStudioClient(o => o.MaxRetries = 1);

        await client.CompleteChatAsync(ChatCompletionRequest.Create("HCX-005").User("retry me").MaxTokens(16).Build());

        var attempts = clova.Requests;
        Assert.Equal([429, 200], attempts.Select(r => r.StatusCode));
        Assert.Equal("rate_limited", attempts[0].ErrorCode);
        Assert.Equal(attempts[0].Body, attempts[1].Body);
    }

    [Fact]
    public async Task A_failure_is_recorded_in_full_before_the_client_can_see_it_even_when_the_client_reads_only_the_headers()
    {
        // A retrying client reads a 429's status, drops the answer and moves on; the record must already be complete.
        await using var clova = await ClovaStudioEmulator.StartInMemoryAsync(new EmulatorOptions { FailNextRequests = 1, FailureStatusCode = 429, RetryAfterSeconds = 0 });
        using var http = clova.CreateHttpClient();
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, "chat/completions")
        {
            Content = new System.Net.Http.StringContent("""{"model":"HCX-005","messages":[{"role":"user","content":"a"}]}""", System.Text.Encoding.UTF8, "application/json"),
        };

        using (var response = await http.SendAsync(request, System.Net.Http.HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(429, (int)response.StatusCode);
        }

        var record = Assert.Single(clova.Requests);
        Assert.Equal(429, record.StatusCode);
        Assert.Equal("rate_limited", record.ErrorCode);
    }

    [Fact]
    public async Task A_cut_stream_is_recorded_with_what_was_sent_before_the_cut()
    {
        await using var clova = await ClovaStudioEmulator.StartInMemoryAsync(new EmulatorOptions { CutStreamAfterChunks = 1 });
        using var client = clova.CreateClovaStudioClient(o => o.MaxRetries = 0);

        await Assert.ThrowsAsync<ClovaStudioException>(async () =>
        {
            await foreach (var _ in client.StreamChatAsync(ChatCompletionRequest.Create("HCX-005").User("one two three").MaxTokens(16).Build()))
            {
            }
        });

        var request = Assert.Single(clova.Requests);
        Assert.True(request.Stream);
        Assert.Contains("data: {", request.ResponseText, StringComparison.Ordinal);
        Assert.DoesNotContain("[DONE]", request.ResponseText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spec_file_of_the_users_replaces_the_default_for_validation_and_records()
    {
        // The user's spec says seed is unsupported on their deployment.
        using var spec = TemporarySpecFile.FromDefault("{ \"name\": \"seed\", \"status\": \"supported\"", "{ \"name\": \"seed\", \"status\": \"unsupported\"");
        await using var clova = await ClovaStudioEmulator.StartInMemoryAsync(new EmulatorOptions { SpecFile = spec.Path });
        using var http = clova.CreateHttpClient();

        var (status, _) = await Wire.PostAsync(http, "chat/completions", """{"model":"HCX-005","messages":[{"role":"user","content":"a"}],"seed":7}""");

        Assert.Equal(400, status);
        Assert.Equal(["seed: unsupported by CLOVA Studio"], Assert.Single(clova.Requests).Problems);
    }

    [Fact]
    public async Task A_broken_spec_file_fails_the_start_with_its_located_problems()
    {
        string path;
        using (var spec = TemporarySpecFile.WithText("{\n  \"specVersion\": 1,\n  \"endpoints\": [ }\n"))
        {
            path = spec.Path;
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ClovaStudioEmulator.StartInMemoryAsync(new EmulatorOptions { SpecFile = spec.Path }));

            Assert.Contains(spec.Path + "(3,", error.Message, StringComparison.Ordinal);
            Assert.Contains("error CLOVA1", error.Message, StringComparison.Ordinal);
        }

        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => ClovaStudioEmulator.StartInMemoryAsync(new EmulatorOptions { SpecFile = path }));
        Assert.Contains("cannot be read", missing.Message, StringComparison.Ordinal);
    }
}
