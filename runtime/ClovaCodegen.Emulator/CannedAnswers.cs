using System;
using System.Text;

namespace ClovaCodegen.Emulator;

/// <summary>
/// Canned chat answers for demonstrations (samples/QuickStart): the same question always gets the same answer and
/// different questions usually get different ones, but every answer is fixed text picked by the question, not a
/// model's. Each starts with <see cref="Marker"/> so that no reader mistakes it for CLOVA Studio's. Plug it in with
/// <see cref="EmulatorOptions.ChatAnswer"/>.
/// </summary>
public static class CannedAnswers
{
    /// <summary>The prefix of every canned answer.</summary>
    public const string Marker = "[canned] ";

    // Picked by a topic word of the question first, then by a stable hash of it.
    private static readonly (string Topic, string Answer)[] ByTopic =
    {
        ("인공지능", "인공지능은 데이터에서 규칙을 배워 언어 이해, 번역, 요약 같은 일을 해내는 컴퓨터 기술입니다."),
        ("top_k", "top_k limits each next-token choice to the k likeliest tokens; CLOVA Studio accepts it, the OpenAI API does not."),
        ("embedding", "An embedding turns text into a vector of numbers, so that texts with similar meaning lie close together."),
        ("analyzer", "The analyzers read your code as you type and flag what CLOVA Studio would reject, before anything is sent."),
    };

    private static readonly string[] Others =
    {
        "CLOVA Studio serves HyperCLOVA X models through an OpenAI-compatible API.",
        "서울은 대한민국의 수도이며, 한강이 도시를 가로질러 흐릅니다.",
        "A request that names only supported fields is answered; one with an unsupported field gets a 400.",
        "max_tokens defaults to 512 on CLOVA Studio, so set it when you expect a long answer.",
    };

    /// <summary>The canned answer to <paramref name="question"/> (the last user message).</summary>
    public static string For(string question)
    {
        question ??= "";
        foreach (var (topic, answer) in ByTopic)
        {
            if (question.IndexOf(topic, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return Marker + answer;
            }
        }

        // FNV-1a over UTF-8: string.GetHashCode differs from one process to the next.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(question))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return Marker + Others[hash % (uint)Others.Length];
    }
}
