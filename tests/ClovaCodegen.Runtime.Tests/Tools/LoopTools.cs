using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace ClovaCodegen.Runtime.Tests.Tools;

public enum Unit
{
    Celsius,
    Fahrenheit,
}

public sealed record Forecast(string City, int Degrees, Unit Unit);

/// <summary>A tool for the loop tests; each test gets its own calls list through <see cref="Recorder"/> (an AsyncLocal, so parallel tests do not mix).</summary>
public static partial class LoopTools
{
    private static readonly AsyncLocal<List<string>?> Current = new();

    private static readonly AsyncLocal<Action?> OnCall = new();

    /// <summary>Starts recording this test's calls; <paramref name="onCall"/> runs inside each call.</summary>
    public static List<string> Recorder(Action? onCall = null)
    {
        var calls = new List<string>();
        Current.Value = calls;
        OnCall.Value = onCall;
        return calls;
    }

    [ClovaTool("Weather for a city")]
    public static async Task<Forecast> GetWeatherAsync([Description("City name")] string city, Unit unit = Unit.Celsius, CancellationToken cancellationToken = default)
    {
        Current.Value?.Add($"{city}/{unit}");
        OnCall.Value?.Invoke();
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return new Forecast(city, 21, unit);
    }
}
