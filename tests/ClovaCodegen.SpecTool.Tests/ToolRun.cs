using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.SpecTool;

namespace ClovaCodegen.SpecTool.Tests;

/// <summary>One run of the clova-spec command line, in-process, in a folder of its own, with its own environment.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error, string Directory)
{
    /// <summary>Obviously fake, as every key in a test must be; it starts with nv- as CLOVA Studio's keys do.</summary>
    public const string FakeKey = "nv-test-not-a-real-key";

    public string Read(string file) => File.ReadAllText(Path.Combine(Directory, file));

    public bool Exists(string file) => File.Exists(Path.Combine(Directory, file));

    public static async Task<ToolRun> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var directory = Path.Combine(Path.GetTempPath(), "clova-spec-tests", Guid.NewGuid().ToString("N").Substring(0, 8));
        System.IO.Directory.CreateDirectory(directory);
        var output = new StringWriter();
        var error = new StringWriter();

        // Relative paths in the arguments (--report, --out) land in the run's own folder.
        var resolved = Array.ConvertAll(args, a => a.StartsWith("./", StringComparison.Ordinal) ? Path.Combine(directory, a.Substring(2)) : a);
        var exit = await SpecToolCommandLine.RunAsync(resolved, output, error, name => environment is not null && environment.TryGetValue(name, out var value) ? value : null, handler: null, CancellationToken.None);
        return new ToolRun(exit, output.ToString(), error.ToString(), directory);
    }

    public static Dictionary<string, string> WithKey(string key = FakeKey) => new() { ["CLOVA_STUDIO_API_KEY"] = key };
}
