using System.Net.Http;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using Xunit;

namespace ClovaCodegen.Extensions.AI.Tests;

/// <summary>
/// What the adapter tests stand on: each test gets its own emulator on 127.0.0.1 and a <see cref="ClovaStudioClient"/> to
/// it (no retries) whose every request body is captured on its way out (<see cref="Wire"/>).
/// </summary>
public abstract class EmulatorClientTests : IAsyncLifetime
{
    internal const string FakeKey = "fake-test-key";

    internal ClovaStudioEmulator Emulator { get; private set; } = null!;

    internal CapturingHandler Wire { get; private set; } = null!;

    internal HttpClient Http { get; private set; } = null!;

    internal ClovaStudioClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await ClovaStudioEmulator.StartAsync();
        Wire = new CapturingHandler();
        Http = new HttpClient(Wire);
        Client = new ClovaStudioClient(new ClovaStudioClientOptions { ApiKey = FakeKey, Endpoint = Emulator.BaseUrl, MaxRetries = 0 }, Http);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
