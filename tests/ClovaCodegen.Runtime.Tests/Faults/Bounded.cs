using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit;

namespace ClovaCodegen.Runtime.Tests.Faults;

/// <summary>Runs a call that must end by itself: the test fails (instead of hanging) when it is still running at the bound.</summary>
internal static class Bounded
{
    /// <summary>Awaits <paramref name="call"/> and returns the exception it ended with and how long it took.</summary>
    public static async Task<(T Error, TimeSpan Elapsed)> ThrowsWithin<T>(TimeSpan bound, Func<Task> call)
        where T : Exception
    {
        var watch = Stopwatch.StartNew();
        var running = Task.Run(call);
        var first = await Task.WhenAny(running, Task.Delay(bound));
        Assert.True(ReferenceEquals(first, running), $"the call was still running after {bound.TotalSeconds:0.#} s");
        var error = await Record.ExceptionAsync(() => running);
        Assert.NotNull(error);
        return (error as T ?? throw new Xunit.Sdk.XunitException($"Expected {typeof(T).Name}, got {error}"), watch.Elapsed);
    }
}
