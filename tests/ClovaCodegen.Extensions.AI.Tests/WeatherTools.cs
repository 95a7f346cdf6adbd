using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace ClovaCodegen.Extensions.AI.Tests;

public enum Unit
{
    Celsius,
    Fahrenheit,
}

public sealed record Forecast(string City, int Degrees, Unit Unit);

/// <summary>
/// [ClovaTool] methods the generator ran on in this project, as in a user's app. Each test records its own calls
/// (<see cref="Recorder"/>, an AsyncLocal that flows into FunctionInvokingChatClient's invocation, so parallel tests do not mix).
/// </summary>
public static partial class WeatherTools
{
    private static readonly AsyncLocal<List<string>?> Current = new();

    public static List<string> Recorder() => Current.Value = new List<string>();

    [ClovaTool("Weather for a city")]
    public static async Task<Forecast> GetWeatherAsync([Description("City name")] string city, Unit unit = Unit.Celsius, CancellationToken cancellationToken = default)
    {
        Current.Value?.Add($"{city}/{unit}");
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return new Forecast(city, 21, unit);
    }

    [ClovaTool("Says hello")]
    public static string Greet(string name) => "안녕, " + name;
}
