using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace ClovaCodegen.Generator.Tests.Tools;

public enum TemperatureUnit
{
    Celsius,
    Fahrenheit,
}

[Description("A forecast for one day.")]
public sealed record Forecast(string City, double Temperature, TemperatureUnit Unit, IReadOnlyList<string> Warnings, int? Humidity);

public sealed record Place([Description("City name")] string City, string? District);

/// <summary>The tools the generator runs on in this project (GeneratedToolTests); they record what they were called with.</summary>
public static partial class SampleTools
{
    public static readonly List<string> Calls = new();

    [ClovaTool("Weather for a city")]
    public static Task<Forecast> GetWeatherAsync([Description("City name")] string city, TemperatureUnit unit = TemperatureUnit.Celsius, int days = 1, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (Calls)
        {
            Calls.Add($"GetWeather({city}, {unit}, {days})");
        }

        return Task.FromResult(new Forecast(city, unit == TemperatureUnit.Celsius ? 21.5 : 70.7, unit, new[] { "비" }, null));
    }

    [ClovaTool("Adds numbers", Name = "add_numbers")]
    public static long Add(long[] values, string? note = null) => values.Length == 0 ? 0 : Sum(values) + (note is null ? 0 : 1000);

    [ClovaTool("Finds places")]
    public static ValueTask<string> FindAsync(List<Place> places, bool? exact) =>
        new(string.Join(";", places.ConvertAll(p => p.City + "/" + (p.District ?? "-"))) + (exact is null ? " (any)" : exact.Value ? " (exact)" : " (loose)"));

    [ClovaTool("Forgets everything")]
    public static void Forget()
    {
        lock (Calls)
        {
            Calls.Add("Forget()");
        }
    }

    private static long Sum(long[] values)
    {
        long total = 0;
        foreach (var value in values)
        {
            total += value;
        }

        return total;
    }
}
