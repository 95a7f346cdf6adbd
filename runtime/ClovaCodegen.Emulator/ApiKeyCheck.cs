using System;
using System.Security.Cryptography;
using System.Text;

namespace ClovaCodegen.Emulator;

/// <summary>
/// The bearer key check. CLOVA Studio answers a refused key with HTTP 401 and code <see cref="UnauthorizedCode"/>
/// (NAVER Cloud's CLOVA Studio troubleshooting page, common client errors: 401 / 40100 / "Unauthorized").
/// Messages never quote the key.
/// </summary>
internal static class ApiKeyCheck
{
    public const string UnauthorizedCode = "40100";

    /// <summary>The key of an <c>Authorization: Bearer &lt;key&gt;</c> header, or null when the header is missing or malformed.</summary>
    public static string? BearerKey(string authorization)
    {
        const string Scheme = "Bearer ";
        return authorization.StartsWith(Scheme, StringComparison.Ordinal) && authorization.Length > Scheme.Length
            && authorization.IndexOf(' ', Scheme.Length) < 0
            ? authorization.Substring(Scheme.Length)
            : null;
    }

    /// <summary>Whether the options accept this key: in <see cref="EmulatorOptions.AcceptedApiKeys"/> and with <see cref="EmulatorOptions.ApiKeyPrefix"/>, where set.</summary>
    public static bool Accepts(EmulatorOptions options, string key)
    {
        if (options.ApiKeyPrefix is { Length: > 0 } prefix && !key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        if (options.AcceptedApiKeys is not { Count: > 0 } accepted)
        {
            return true;
        }

        // Compared in constant time: the emulator may stand in for CLOVA Studio where timing is observable.
        var given = Encoding.UTF8.GetBytes(key);
        var found = false;
        foreach (var candidate in accepted)
        {
            found |= CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(candidate));
        }

        return found;
    }
}
