using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace ClovaCodegen.Emulator;

/// <summary>
/// The emulator's command line: where it listens and which faults, latency and keys it applies, from arguments or a
/// JSON config file (arguments after <c>--config</c> add to or override it).
/// <code>
/// --urls http://127.0.0.1:5123   --fault 429:0.1 --fault cut-stream:0.05   --latency 50ms   --seed 7
/// --key nv-test-key (repeatable)   --key-prefix nv-   --unverified-ranges accept|reject   --config faults.json
/// </code>
/// The config file: <c>{"urls": "...", "faults": ["429:0.1"], "latency": "50ms", "seed": 7, "keys": ["..."],
/// "keyPrefix": "nv-", "unverifiedRanges": "reject"}</c>.
/// </summary>
public sealed class EmulatorCommandLine
{
    /// <summary>The default address: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5123";

    private EmulatorCommandLine(string urls, EmulatorOptions options)
    {
        Urls = urls;
        Options = options;
    }

    /// <summary>The address(es) to listen on (<c>--urls</c>).</summary>
    public string Urls { get; }

    /// <summary>The options the arguments describe.</summary>
    public EmulatorOptions Options { get; }

    /// <summary>The usage text printed on a bad argument.</summary>
    public const string Usage = """
        Usage: ClovaCodegen.Emulator [--urls http://127.0.0.1:5123] [--fault <status|cut-stream|cut-body|reset>:<probability>]...
               [--latency <n>ms|<n>s] [--seed <int>] [--key <accepted key>]... [--key-prefix <prefix>]
               [--unverified-ranges accept|reject] [--config <file.json>]
        """;

    private static readonly string[] Names = { "--urls", "--config", "--fault", "--latency", "--seed", "--key", "--key-prefix", "--unverified-ranges" };

    /// <summary>Reads the arguments.</summary>
    /// <exception cref="EmulatorCommandLineException">An argument is unknown, lacks its value or has a bad one; the message names it.</exception>
    public static EmulatorCommandLine Parse(IReadOnlyList<string> args)
    {
        var urls = DefaultUrls;
        var options = new EmulatorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (Array.IndexOf(Names, name) < 0)
            {
                throw new EmulatorCommandLineException($"Unknown argument {name}.");
            }

            if (i + 1 >= args.Count)
            {
                throw new EmulatorCommandLineException($"Argument {name} needs a value.");
            }

            var value = args[++i];
            if (name == "--config")
            {
                urls = ApplyConfigFile(value, options) ?? urls;
            }
            else if (name == "--urls")
            {
                urls = value;
            }
            else
            {
                Apply(name, value, options);
            }
        }

        return new EmulatorCommandLine(urls, options);
    }

    private static void Apply(string name, string value, EmulatorOptions options)
    {
        try
        {
            switch (name)
            {
                case "--fault":
                    options.Faults.Add(FaultRule.Parse(value));
                    break;
                case "--latency":
                    options.ResponseDelay = ParseDuration(value);
                    break;
                case "--seed":
                    options.FaultSeed = int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--key":
                    options.AcceptedApiKeys = new List<string>(options.AcceptedApiKeys ?? Array.Empty<string>()) { value };
                    break;
                case "--key-prefix":
                    options.ApiKeyPrefix = value;
                    break;
                case "--unverified-ranges":
                    options.UnverifiedRanges = value switch
                    {
                        "accept" => UnverifiedRangePolicy.Accept,
                        "reject" => UnverifiedRangePolicy.Reject,
                        _ => throw new FormatException($"'{value}' is neither accept nor reject."),
                    };
                    break;
                default:
                    throw new EmulatorCommandLineException($"Unknown argument {name}.");
            }
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            // Keys are never quoted: the message names the argument, and the value only for arguments that are not keys.
            throw new EmulatorCommandLineException(name == "--key" ? $"Bad {name}." : $"Bad {name} {value}: {ex.Message}");
        }
    }

    private static string? ApplyConfigFile(string path, EmulatorOptions options)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new EmulatorCommandLineException($"Config file {path}: {ex.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new EmulatorCommandLineException($"Config file {path}: the root must be an object.");
            }

            string? urls = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var argument = property.Name switch
                {
                    "urls" => "--urls",
                    "faults" => "--fault",
                    "latency" => "--latency",
                    "seed" => "--seed",
                    "keys" => "--key",
                    "keyPrefix" => "--key-prefix",
                    "unverifiedRanges" => "--unverified-ranges",
                    _ => throw new EmulatorCommandLineException($"Config file {path}: unknown setting '{property.Name}'."),
                };
                foreach (var value in property.Value.ValueKind == JsonValueKind.Array ? ToList(property.Value.EnumerateArray()) : new List<JsonElement> { property.Value })
                {
                    var text = value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? value.ToString()
                        : throw new EmulatorCommandLineException($"Config file {path}: '{property.Name}' must be a string or number (or an array of them).");
                    if (argument == "--urls")
                    {
                        urls = text;
                    }
                    else
                    {
                        Apply(argument, text, options);
                    }
                }
            }

            return urls;
        }
    }

    private static List<JsonElement> ToList(JsonElement.ArrayEnumerator items)
    {
        var list = new List<JsonElement>();
        foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>Reads <c>50ms</c>, <c>1.5s</c> or <c>50</c> (milliseconds).</summary>
    private static TimeSpan ParseDuration(string text)
    {
        var (number, scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : (text, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value >= 0) || double.IsInfinity(value))
        {
            throw new FormatException($"'{text}' is not a duration such as 50ms or 1.5s.");
        }

        return TimeSpan.FromMilliseconds(value * scale);
    }
}

/// <summary>A command-line argument the emulator cannot use; the message names it.</summary>
public sealed class EmulatorCommandLineException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmulatorCommandLineException(string message)
        : base(message)
    {
    }
}
