using System.Threading.Tasks;
using Xunit;

namespace ClovaCodegen.Emulator.Tests;

/// <summary>A fresh emulator per test (its options are live, so a test may change them) and raw HTTP to it.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    private protected ClovaStudioEmulator Emulator { get; private set; } = null!;

    private protected EmulatorHttp Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await ClovaStudioEmulator.StartAsync();
        Http = new EmulatorHttp(Emulator.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
