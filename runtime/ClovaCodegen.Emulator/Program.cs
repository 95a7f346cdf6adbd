using System;
using System.Linq;
using ClovaCodegen.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Command line: dotnet ClovaCodegen.Emulator.dll --urls http://127.0.0.1:5123 [--fault 429:0.1 ...] (see EmulatorCommandLine).
EmulatorCommandLine line;
try
{
    line = EmulatorCommandLine.Parse(args);
}
catch (EmulatorCommandLineException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(EmulatorCommandLine.Usage);
    return 2;
}

var app = ClovaStudioEmulator.Build(Array.Empty<string>(), line.Options, line.Urls);
await app.StartAsync();

// The bound addresses, not the requested ones: with port 0 the OS picks the port, and a caller reads it from this line.
var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
Console.WriteLine($"CLOVA Studio emulator listening on {string.Join(", ", addresses.Select(a => a.TrimEnd('/') + "/v1/openai/"))}");
if (line.Options.Faults.Count > 0 || line.Options.ResponseDelay > TimeSpan.Zero)
{
    Console.WriteLine($"Faults: {string.Join(", ", line.Options.Faults)}; latency {line.Options.ResponseDelay.TotalMilliseconds} ms");
}

await app.WaitForShutdownAsync();
return 0;
