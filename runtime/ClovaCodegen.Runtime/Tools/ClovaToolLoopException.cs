using System;

namespace ClovaCodegen;

/// <summary>
/// The model still asked for tools after the tool loop's last allowed round
/// (<see cref="ClovaStudioClient.CompleteChatWithToolsAsync"/>'s <c>maxRounds</c>): the answer is not final. Every
/// request it made was answered and every call it ran finished; nothing is repeated.
/// </summary>
public sealed class ClovaToolLoopException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClovaToolLoopException(string message, int rounds, ClovaChatCompletion? lastCompletion)
        : base(message)
    {
        Rounds = rounds;
        LastCompletion = lastCompletion;
    }

    /// <summary>How many requests the loop sent.</summary>
    public int Rounds { get; }

    /// <summary>The last answer, whose tool calls were not run (null for a streamed loop).</summary>
    public ClovaChatCompletion? LastCompletion { get; }
}
