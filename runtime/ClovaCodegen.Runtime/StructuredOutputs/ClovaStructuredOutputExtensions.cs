using System;

namespace ClovaCodegen;

/// <summary>Reads a chat completion's answer as a structured-output type.</summary>
public static class ClovaStructuredOutputExtensions
{
    /// <summary>Reads the first choice's message content as <typeparamref name="T"/>.</summary>
    /// <exception cref="ClovaStructuredOutputException">There is no text answer, or it does not fit <typeparamref name="T"/>; the exception carries the text.</exception>
    public static T ReadAs<T>(this ClovaChatCompletion completion, ClovaStructuredOutput<T> format)
    {
        if (completion is null)
        {
            throw new ArgumentNullException(nameof(completion));
        }

        if (format is null)
        {
            throw new ArgumentNullException(nameof(format));
        }

        var content = completion.Choices.Count > 0 ? completion.Choices[0].Message?.Content : null;
        if (content is null)
        {
            var why = completion.Choices.Count == 0 ? "the completion has no choices" : "the answer has no text content (a tool call?)";
            throw new ClovaStructuredOutputException($"The answer cannot be read as {typeof(T).Name}: {why}.", typeof(T).FullName ?? typeof(T).Name, "");
        }

        return format.Read(content);
    }
}
