using System;
using System.Collections.Generic;
using System.Globalization;
using ClovaCodegen;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ClovaCodegen.Extensions.AI;

/// <summary>
/// Reads <see cref="ClovaStudioClientOptions"/> from a configuration section by hand (no reflection-based binder, so it
/// stays trimming and AOT safe). Error messages name the key, never its value.
/// </summary>
internal static class ClovaStudioConfiguration
{
    public static void Bind(IConfiguration section, ClovaStudioClientOptions options)
    {
        var path = section is IConfigurationSection s ? s.Path + ":" : "";
        if (section["ApiKey"] is { } apiKey)
        {
            options.ApiKey = apiKey;
        }

        if (section["Endpoint"] is { Length: > 0 } endpoint)
        {
            // A value that is not an absolute URL is kept as a relative one, for the validator to report without echoing it.
            options.Endpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out var absolute) ? absolute : new Uri("invalid-endpoint", UriKind.Relative);
        }

        if (section["MaxRetries"] is { Length: > 0 } maxRetries)
        {
            options.MaxRetries = int.TryParse(maxRetries, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new InvalidOperationException($"{path}MaxRetries must be an integer.");
        }

        if (section["RetryBaseDelay"] is { Length: > 0 } baseDelay)
        {
            options.RetryBaseDelay = ParseTime(baseDelay, path + "RetryBaseDelay");
        }

        if (section["MaxRetryDelay"] is { Length: > 0 } maxDelay)
        {
            options.MaxRetryDelay = ParseTime(maxDelay, path + "MaxRetryDelay");
        }

        if (section["RetryServerErrors"] is { Length: > 0 } serverErrors)
        {
            options.RetryServerErrors = serverErrors.Equals("Never", StringComparison.OrdinalIgnoreCase) ? ClovaServerErrorRetry.Never
                : serverErrors.Equals("IdempotentRequests", StringComparison.OrdinalIgnoreCase) ? ClovaServerErrorRetry.IdempotentRequests
                : serverErrors.Equals("Always", StringComparison.OrdinalIgnoreCase) ? ClovaServerErrorRetry.Always
                : throw new InvalidOperationException($"{path}RetryServerErrors must be Never, IdempotentRequests or Always.");
        }

        if (section["IdleTimeout"] is { Length: > 0 } idleTimeout)
        {
            options.IdleTimeout = idleTimeout.Equals("Infinite", StringComparison.OrdinalIgnoreCase) ? System.Threading.Timeout.InfiniteTimeSpan : ParseTime(idleTimeout, path + "IdleTimeout");
        }

    }

    /// <summary>The chat adapter's keys: <c>DefaultChatModel</c>, <c>CompatibilityMode</c>.</summary>
    public static void Bind(IConfiguration section, ClovaChatClientOptions options)
    {
        if (section["DefaultChatModel"] is { Length: > 0 } chatModel)
        {
            options.DefaultModelId = chatModel;
        }

        options.CompatibilityMode = ReadMode(section) ?? options.CompatibilityMode;
    }

    /// <summary>The embedding adapter's keys: <c>DefaultEmbeddingModel</c>, <c>CompatibilityMode</c>.</summary>
    public static void Bind(IConfiguration section, ClovaEmbeddingGeneratorOptions options)
    {
        if (section["DefaultEmbeddingModel"] is { Length: > 0 } embeddingModel)
        {
            options.DefaultModelId = embeddingModel;
        }

        options.CompatibilityMode = ReadMode(section) ?? options.CompatibilityMode;
    }

    private static ClovaCompatibilityMode? ReadMode(IConfiguration section) => section["CompatibilityMode"] is { Length: > 0 } mode
        ? mode.Equals("Strict", StringComparison.OrdinalIgnoreCase) ? ClovaCompatibilityMode.Strict
            : mode.Equals("Lenient", StringComparison.OrdinalIgnoreCase) ? ClovaCompatibilityMode.Lenient
            : throw new InvalidOperationException($"{(section is IConfigurationSection s ? s.Path + ":" : "")}CompatibilityMode must be Strict or Lenient.")
        : null;

    private static TimeSpan ParseTime(string value, string key) =>
        TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var time) ? time : throw new InvalidOperationException($"{key} must be a time span (hh:mm:ss).");
}

/// <summary>Checks the options when the client is first resolved: an API key, and an https (or loopback http) endpoint.</summary>
internal sealed class ClovaStudioClientOptionsValidator : IValidateOptions<ClovaStudioClientOptions>
{
    public ValidateOptionsResult Validate(string? name, ClovaStudioClientOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add("ClovaStudio:ApiKey is not set. Use a CLOVA Studio test or service API key (for example from the CLOVA_STUDIO_API_KEY environment variable).");
        }

        var endpoint = options.Endpoint;
        if (endpoint is null || !endpoint.IsAbsoluteUri)
        {
            failures.Add("ClovaStudio:Endpoint is not an absolute URL; use e.g. https://clovastudio.stream.ntruss.com/v1/openai/.");
        }
        else if (endpoint.Scheme != Uri.UriSchemeHttps && !(endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback))
        {
            // Only scheme and host are echoed: a URL can carry user info or a query that should not end up in logs.
            failures.Add($"ClovaStudio:Endpoint must be https (http only for loopback, e.g. the local emulator); got {endpoint.Scheme}://{endpoint.Host}.");
        }
        else if (!string.IsNullOrEmpty(endpoint.UserInfo))
        {
            failures.Add("ClovaStudio:Endpoint must not carry user info; the API key goes in ClovaStudio:ApiKey.");
        }

        if (options.MaxRetries < 0)
        {
            failures.Add("ClovaStudio:MaxRetries must be 0 or more.");
        }

        if (failures.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        // Belt and braces: whatever a message says, it never carries the key.
        var key = options.ApiKey;
        if (!string.IsNullOrEmpty(key))
        {
            for (var i = 0; i < failures.Count; i++)
            {
                failures[i] = failures[i].Replace(key, "***");
            }
        }

        return ValidateOptionsResult.Fail(failures);
    }
}
