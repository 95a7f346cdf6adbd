using System;

namespace ClovaCodegen;

/// <summary>
/// A tool call's arguments do not fit the tool's parameters (not JSON, not an object, a missing required parameter, a wrong
/// type, an unknown enum name). <see cref="ClovaTool.InvokeAsync"/> turns it into an error result for the model; its
/// message is written for the model to read and correct its call.
/// </summary>
public sealed class ClovaToolArgumentException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClovaToolArgumentException(string toolName, string argumentsJson, string? jsonPath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ToolName = toolName ?? "";
        ArgumentsJson = argumentsJson ?? "";
        JsonPath = jsonPath;
    }

    /// <summary>The tool that was called.</summary>
    public string ToolName { get; }

    /// <summary>The arguments as the model sent them.</summary>
    public string ArgumentsJson { get; }

    /// <summary>Where in the arguments it went wrong (<c>$.city</c>), when known.</summary>
    public string? JsonPath { get; }

    /// <summary>
    /// Wraps what the generated argument reader threw (a <see cref="System.Text.Json.JsonException"/>, or a
    /// <see cref="FormatException"/>, <see cref="OverflowException"/> or <see cref="InvalidOperationException"/> from a
    /// value that does not fit its type) in a message for the model; rethrows anything else.
    /// </summary>
    public static ClovaToolArgumentException From(Exception exception, string toolName, string argumentsJson)
    {
        if (exception is null)
        {
            throw new ArgumentNullException(nameof(exception));
        }

        if (exception is not (System.Text.Json.JsonException or FormatException or OverflowException or InvalidOperationException))
        {
            throw new ArgumentException("Only a misfit of the arguments becomes a ClovaToolArgumentException.", nameof(exception), exception);
        }

        var path = (exception as System.Text.Json.JsonException)?.Path;
        return new ClovaToolArgumentException(
            toolName,
            argumentsJson,
            path,
            $"The arguments of '{toolName}' do not fit its parameters{(string.IsNullOrEmpty(path) ? "" : " at " + path)}: {exception.Message} Call it again with arguments that match its JSON Schema.",
            exception);
    }
}
