using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen;

namespace ToolsAndStructuredOutput;

public enum TemperatureUnit
{
    Celsius,
    Fahrenheit,
}

public sealed record Forecast(string City, double Degrees, TemperatureUnit Unit, string Sky);

/// <summary>
/// The tools the model may call. The generator writes each one's JSON Schema, an argument reader and the dispatcher
/// (<c>TravelTools.All</c>, <c>TravelTools.InvokeAsync</c>) into this partial class at compile time.
/// </summary>
public static partial class TravelTools
{
    [ClovaTool("The weather in a city today")]
    public static Task<Forecast> GetWeatherAsync([Description("City name, e.g. Seoul")] string city, TemperatureUnit unit = TemperatureUnit.Celsius, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Printed so the run shows that the model's call reached this method, with the arguments the generated reader read.
        Console.WriteLine($"tool ran: GetWeather(city: {city}, unit: {unit})");
        return Task.FromResult(new Forecast(city, unit == TemperatureUnit.Celsius ? 21.5 : 70.7, unit, "clear"));
    }

    [ClovaTool("Converts an amount of Korean won to another currency", Name = "convert_won")]
    public static decimal ConvertWon(decimal won, [Description("ISO 4217 code, e.g. USD")] string currency)
    {
        Console.WriteLine($"tool ran: convert_won(won: {won}, currency: {currency})");
        return currency == "USD" ? decimal.Round(won / 1400m, 2) : won;
    }
}
