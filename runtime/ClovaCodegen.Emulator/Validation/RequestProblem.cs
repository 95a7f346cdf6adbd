namespace ClovaCodegen.Emulator.Validation;

/// <summary>Why a request is refused: the status, an OpenAI-style error code, a message, and the field it is about.</summary>
internal sealed record RequestProblem(int Status, string Code, string Message, string? Param = null)
{
    /// <summary>A 400 about one field (<paramref name="param"/> is its path, e.g. <c>messages[0].role</c>).</summary>
    public static RequestProblem Invalid(string param, string message) => new(400, "invalid_value", message, param);
}
