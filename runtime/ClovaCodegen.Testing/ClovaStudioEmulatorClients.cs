using System;
using System.Net.Http;
using ClovaCodegen.Emulator;

namespace ClovaCodegen.Testing;

/// <summary>ClovaCodegen's client pointed at a running emulator.</summary>
public static class ClovaStudioEmulatorClients
{
    /// <summary>
    /// A <see cref="ClovaStudioClient"/> that talks to <paramref name="emulator"/> (on its port or in memory) with
    /// <see cref="ClovaStudioEmulator.TestApiKey"/>; <paramref name="configure"/> may change any option, e.g. MaxRetries.
    /// </summary>
    public static ClovaStudioClient CreateClovaStudioClient(this ClovaStudioEmulator emulator, Action<ClovaStudioClientOptions>? configure = null)
    {
        if (emulator is null)
        {
            throw new ArgumentNullException(nameof(emulator));
        }

        var options = new ClovaStudioClientOptions { ApiKey = ClovaStudioEmulator.TestApiKey, Endpoint = emulator.BaseUrl };
        configure?.Invoke(options);

        // On a port the client owns its HttpClient; in memory it needs the test server's handler (which holds no socket).
        return emulator.IsInMemory ? new ClovaStudioClient(options, new HttpClient(emulator.CreateHandler())) : new ClovaStudioClient(options);
    }
}
