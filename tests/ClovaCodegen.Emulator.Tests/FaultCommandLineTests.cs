using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ClovaCodegen.Emulator.Tests;

/// <summary>
/// Fault injection from the command line (or a config file), so a client in another language can be tested against
/// faults. Most tests start the emulator's own process with the arguments, as such a client's test would.
/// </summary>
public sealed class FaultCommandLineTests
{
    private const string Chat = """{"model":"HCX-005","messages":[{"role":"user","content":"one two three"}]}""";
    private const string StreamedChat = """{"model":"HCX-005","messages":[{"role":"user","content":"one two three"}],"stream":true}""";

    [Fact]
    public void The_issues_example_parses_into_options()
    {
        var line = EmulatorCommandLine.Parse(new[] { "--fault", "429:0.1", "--fault", "cut-stream:0.05", "--latency", "50ms", "--urls", "http://127.0.0.1:6000" });

        Assert.Equal("http://127.0.0.1:6000", line.Urls);
        Assert.Equal(TimeSpan.FromMilliseconds(50), line.Options.ResponseDelay);
        Assert.Equal(new[] { new FaultRule(FaultKind.Status, 0.1, 429), new FaultRule(FaultKind.CutStream, 0.05) }, line.Options.Faults);
    }

    [Theory]
    [InlineData("--fault", "429:1.5")]
    [InlineData("--fault", "429")]
    [InlineData("--fault", "200:0.5")]
    [InlineData("--fault", "melt:0.5")]
    [InlineData("--latency", "fast")]
    [InlineData("--frobnicate")]
    [InlineData("--fault")]
    public void Bad_arguments_are_refused_with_a_message_naming_them(params string[] args)
    {
        var error = Assert.Throws<EmulatorCommandLineException>(() => EmulatorCommandLine.Parse(args));

        Assert.Contains(args[0], error.Message, StringComparison.Ordinal);
        Assert.Contains(args[^1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_process_with_fault_429_always_and_latency_answers_429_with_retry_after_late()
    {
        await using var emulator = await EmulatorProcess.StartAsync("--fault", "429:1", "--latency", "50ms");
        using var http = new HttpClient();

        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(Post(emulator.BaseUrl, Chat));

        Assert.Equal(429, (int)response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(45), $"answered after {watch.Elapsed}");
        Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_process_with_cut_stream_always_ends_streams_without_done()
    {
        await using var emulator = await EmulatorProcess.StartAsync("--fault", "cut-stream:1");
        using var http = new HttpClient();

        using var response = await http.SendAsync(Post(emulator.BaseUrl, StreamedChat));
        var text = await ReadToEndOrCutAsync(response);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("data: {", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[DONE]", text, StringComparison.Ordinal);

        // Unstreamed calls are not streams: a cut-stream fault leaves them whole.
        using var whole = await http.SendAsync(Post(emulator.BaseUrl, Chat));
        Assert.Equal(200, (int)whole.StatusCode);
        Assert.Contains("Echo: one two three", await whole.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_file_sets_faults_and_keys()
    {
        var config = Path.Combine(Path.GetTempPath(), $"emulator-faults-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, """{ "faults": ["503:1"], "latency": "10ms", "keyPrefix": "nv-" }""");
        try
        {
            await using var emulator = await EmulatorProcess.StartAsync("--config", config);
            using var http = new HttpClient();

            using var wrongKey = await http.SendAsync(Post(emulator.BaseUrl, Chat, key: "sk-not-clova"));
            using var faulted = await http.SendAsync(Post(emulator.BaseUrl, Chat));

            Assert.Equal(401, (int)wrongKey.StatusCode);
            Assert.Equal(503, (int)faulted.StatusCode);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Fault_probabilities_hold_over_many_requests_in_process()
    {
        var line = EmulatorCommandLine.Parse(new[] { "--fault", "500:0.3", "--seed", "7" });
        await using var emulator = await ClovaStudioEmulator.StartAsync(line.Options);
        using var http = new EmulatorHttp(emulator.BaseUrl);

        var statuses = new int[200];
        for (var i = 0; i < statuses.Length; i++)
        {
            statuses[i] = (await http.PostAsync("chat/completions", Chat)).Status;
        }

        var failed = statuses.Count(s => s == 500);
        Assert.Equal(statuses.Length, failed + statuses.Count(s => s == 200));
        Assert.InRange(failed, 40, 80); // 30 % of 200, within about 3 standard deviations
    }

    [Fact]
    public async Task The_process_refuses_bad_arguments_with_exit_code_2()
    {
        var result = await EmulatorProcess.RunToExitAsync("--fault", "429:2");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("429:2", result.Error, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Post(Uri baseUrl, string json, string key = EmulatorHttp.FakeKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "chat/completions")) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }

    private static async Task<string> ReadToEndOrCutAsync(HttpResponseMessage response)
    {
        var text = new StringBuilder();
        try
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            while (await reader.ReadLineAsync() is { } line)
            {
                text.AppendLine(line);
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            // a cut connection
        }

        return text.ToString();
    }

    /// <summary>The emulator's own process (<c>dotnet ClovaCodegen.Emulator.dll</c>) on 127.0.0.1 and a free port.</summary>
    private sealed class EmulatorProcess : IAsyncDisposable
    {
        private readonly Process _process;

        private EmulatorProcess(Process process, Uri baseUrl)
        {
            _process = process;
            BaseUrl = baseUrl;
        }

        public Uri BaseUrl { get; }

        public static async Task<EmulatorProcess> StartAsync(params string[] args)
        {
            var process = Process.Start(StartInfo(args.Concat(new[] { "--urls", "http://127.0.0.1:0" })))!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                // The first line names the address it listens on: "CLOVA Studio emulator listening on http://127.0.0.1:PORT/v1/openai/".
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The emulator exited: " + await process.StandardError.ReadToEndAsync());
                var url = line[line.IndexOf("http://", StringComparison.Ordinal)..];
                return new EmulatorProcess(process, new Uri(url));
            }
            catch
            {
                process.Kill();
                process.Dispose();
                throw;
            }
        }

        public static async Task<(int ExitCode, string Error)> RunToExitAsync(params string[] args)
        {
            using var process = Process.Start(StartInfo(args))!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await error);
        }

        private static ProcessStartInfo StartInfo(System.Collections.Generic.IEnumerable<string> args)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ClovaCodegen.Emulator.dll"));
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            return info;
        }

        public async ValueTask DisposeAsync()
        {
            _process.Kill();
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
