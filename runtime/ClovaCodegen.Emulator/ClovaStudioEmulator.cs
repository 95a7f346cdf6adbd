using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClovaCodegen.Emulator;

/// <summary>The emulator running in-process on 127.0.0.1 and a free port. Dispose to stop it.</summary>
public sealed partial class ClovaStudioEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ClovaStudioEmulator(WebApplication app, Uri baseUrl, EmulatorOptions options)
    {
        _app = app;
        BaseUrl = baseUrl;
        Options = options;
    }

    /// <summary>The OpenAI-compatible base URL, <c>http://127.0.0.1:{port}/v1/openai/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The live options (fault injection can be changed between requests).</summary>
    public EmulatorOptions Options { get; }

    /// <summary>Starts an emulator on 127.0.0.1 with a free port.</summary>
    public static async Task<ClovaStudioEmulator> StartAsync(EmulatorOptions? options = null)
    {
        options ??= new EmulatorOptions();
        var app = Build(Array.Empty<string>(), options, "http://127.0.0.1:0");
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ClovaStudioEmulator(app, new Uri(address.TrimEnd('/') + "/v1/openai/"), options);
    }

    /// <summary>Builds the emulator app (used by <see cref="StartAsync"/> and the command line).</summary>
    public static WebApplication Build(string[] args, EmulatorOptions options, string? urls) => Build(args, options, urls, configureHost: null);

    /// <summary>Builds the emulator app; <paramref name="configureHost"/> may swap the server (e.g. the in-memory test server).</summary>
    internal static WebApplication Build(string[] args, EmulatorOptions options, string? urls, Action<IWebHostBuilder>? configureHost)
    {
        options.Spec = EmulatorSpec.Resolve(options);
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        if (urls is not null)
        {
            builder.WebHost.UseUrls(urls);
        }

        configureHost?.Invoke(builder.WebHost);
        builder.Services.AddSingleton(new RequestLog(options.RecordedRequestLimit));
        var app = builder.Build();
        RequestRecording.Use(app, app.Services.GetRequiredService<RequestLog>(), options.Spec);
        EmulatorEndpoints.Map(app, options);
        return app;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
