using System;
using System.Threading;
using System.Threading.Tasks;

namespace ClovaCodegen.SpecTool;

/// <summary>The <c>clova-spec</c> command.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true; // stop sending, write what was learnt
            cancel.Cancel();
        };
        return await SpecToolCommandLine.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, handler: null, cancel.Token).ConfigureAwait(false);
    }
}
