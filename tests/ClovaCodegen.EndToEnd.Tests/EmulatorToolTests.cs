using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using ClovaCodegen.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace ClovaCodegen.EndToEnd.Tests;

/// <summary>The clova-emulator tool, installed from the packed feed as a user would, serves CLOVA Studio's routes.</summary>
[Collection(PackagedFeedCollection.Name)]
public class EmulatorToolTests
{
    private readonly PackagedFeed _feed;

    public EmulatorToolTests(PackagedFeed feed) => _feed = feed;

    [Fact]
    public async Task The_tool_installs_from_the_feed_and_answers_like_clova_studio()
    {
        var toolPath = await _feed.InstallToolAsync("ClovaCodegen.Emulator");
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/v1/openai/");
        var start = new ProcessStartInfo(Path.Combine(toolPath, "clova-emulator"), $"--urls http://127.0.0.1:{port}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        start.Environment["DOTNET_ROOT"] = PackagedFeed.DotnetRoot;
        using var process = Process.Start(start)!;
        var output = ProcessOutput.Capture(process);
        try
        {
            using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "nv-e2e-tool-0000000000fake");
            await WaitUntilServingAsync(http, process, output);

            using var chat = await PostAsync(http, "chat/completions", """{"model":"HCX-005","messages":[{"role":"user","content":"tool"}],"top_k":5}""");
            using var unsupported = await PostAsync(http, "chat/completions", """{"model":"HCX-005","messages":[{"role":"user","content":"tool"}],"user":"u-1"}""");
            using var native = await http.PostAsync("/testapp/v3/chat-completions/HCX-005", new StringContent("{}", Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
            Assert.Contains("\"chat.completion\"", await chat.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, unsupported.StatusCode);
            Assert.Contains("user", await unsupported.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, native.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string json) =>
        http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task WaitUntilServingAsync(HttpClient http, Process process, ProcessOutput output)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"clova-emulator exited with {process.ExitCode}:\n{output}");
            }

            try
            {
                using var models = await http.GetAsync("models");
                if (models.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"clova-emulator did not serve within 60 s:\n{output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
