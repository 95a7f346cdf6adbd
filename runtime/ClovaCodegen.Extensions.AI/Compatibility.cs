using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace ClovaCodegen.Extensions.AI;

/// <summary>Collects unsupported options: strict throws once naming all of them, lenient logs each one and drops it.</summary>
internal sealed class Compatibility
{
    private static readonly Action<ILogger, string, string, Exception?> LogDropped = LoggerMessage.Define<string, string>(
        LogLevel.Warning,
        new EventId(1, "ClovaFieldDropped"),
        "CLOVA Studio does not support {Field} ({Source}); dropped (ClovaCompatibilityMode.Lenient).");

    private readonly ClovaCompatibilityMode _mode;
    private readonly ILogger? _logger;
    private readonly List<(string Field, string Source)> _issues = new();

    public Compatibility(ClovaCompatibilityMode mode, ILogger? logger)
    {
        _mode = mode;
        _logger = logger;
    }

    public void Add(string field, string source)
    {
        if (_mode == ClovaCompatibilityMode.Strict)
        {
            _issues.Add((field, source));
        }
        else if (_logger is not null)
        {
            LogDropped(_logger, field, source, null);
        }
    }

    public void ThrowIfStrict()
    {
        if (_issues.Count == 0)
        {
            return;
        }

        var fields = _issues.Select(i => i.Field).ToArray();
        var detail = string.Join("; ", _issues.Select(i => $"{i.Field} ({i.Source})"));
        throw new ClovaCompatibilityException(
            fields,
            $"CLOVA Studio does not support: {detail}. Nothing was sent. Remove them, or use ClovaCompatibilityMode.Lenient to drop them with a warning.");
    }
}
