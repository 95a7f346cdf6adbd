using System;
using System.Linq;
using ClovaCodegen.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

// Command line: dotnet ClovaCodegen.Emulator.dll --urls http://127.0.0.1:5123
var urls = args.SkipWhile(a => a != "--urls").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:5123";
var app = ClovaStudioEmulator.Build(args, new EmulatorOptions(), urls);
await app.StartAsync();
Console.WriteLine($"CLOVA Studio emulator listening on {urls.TrimEnd('/')}/v1/openai/");
await app.WaitForShutdownAsync();
