using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ClovaCodegen.Emulator;

// What a test sees of a running emulator: in-memory hosting, the recorded requests, the answer script, and clients.
public sealed partial class ClovaStudioEmulator
{
    /// <summary>The key <see cref="CreateHttpClient"/> sends: obviously fake, as every key in a test should be.</summary>
    public const string TestApiKey = "clova-emulator-test-key";

    private RequestLog Log => _app.Services.GetRequiredService<RequestLog>();

    /// <summary>
    /// Starts an emulator in memory, without a socket: requests reach it only through <see cref="CreateHandler"/> or
    /// <see cref="CreateHttpClient"/>. <see cref="BaseUrl"/> is <c>http://localhost/v1/openai/</c>.
    /// </summary>
    public static async Task<ClovaStudioEmulator> StartInMemoryAsync(EmulatorOptions? options = null)
    {
        options ??= new EmulatorOptions();
        var app = Build(Array.Empty<string>(), options, urls: null, web => web.UseTestServer());
        await app.StartAsync().ConfigureAwait(false);
        return new ClovaStudioEmulator(app, new Uri("http://localhost/v1/openai/"), options);
    }

    /// <summary>Whether this emulator runs in memory (<see cref="StartInMemoryAsync"/>) rather than on a loopback port.</summary>
    public bool IsInMemory => _app.Services.GetRequiredService<IServer>() is TestServer;

    /// <summary>Every request received so far, oldest first (a snapshot: later requests do not appear in it).</summary>
    public IReadOnlyList<RecordedRequest> Requests => Log.Snapshot();

    /// <summary>The chat answers scripted for the next accepted chat requests (the same queue as <see cref="EmulatorOptions.ScriptedAnswers"/>).</summary>
    public AnswerScript ScriptedAnswers => Options.ScriptedAnswers;

    /// <summary>Forgets the requests recorded so far (e.g. after a test's setup calls).</summary>
    public void ClearRequests() => Log.Clear();

    /// <summary>
    /// A handler that reaches this emulator: the in-memory server's handler, or a plain socket handler for one on a port.
    /// Give it to the HttpClient (or the OpenAI SDK's transport) of the code under test.
    /// </summary>
    public HttpMessageHandler CreateHandler() =>
        _app.Services.GetRequiredService<IServer>() is TestServer server ? server.CreateHandler() : new SocketsHttpHandler();

    /// <summary>An HttpClient whose base address is <see cref="BaseUrl"/> and which sends <paramref name="apiKey"/> as the bearer key.</summary>
    public HttpClient CreateHttpClient(string apiKey = TestApiKey)
    {
        var client = new HttpClient(CreateHandler(), disposeHandler: true) { BaseAddress = BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }
}
