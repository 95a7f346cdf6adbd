using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace ClovaCodegen.Emulator;

/// <summary>
/// The chat answers a test has scripted, first in first out. Each accepted chat request takes the next one; rejected or
/// faulted requests take none, so a retried call gets the answer meant for it. With the queue empty the emulator gives its
/// canned answers again.
/// </summary>
public sealed class AnswerScript
{
    private readonly ConcurrentQueue<ScriptedAnswer> _answers = new();

    /// <summary>How many scripted answers are still waiting.</summary>
    public int Count => _answers.Count;

    /// <summary>Queues answers in order.</summary>
    public AnswerScript Enqueue(params ScriptedAnswer[] answers)
    {
        foreach (var answer in answers ?? throw new ArgumentNullException(nameof(answers)))
        {
            _answers.Enqueue(answer ?? throw new ArgumentException("A scripted answer is null.", nameof(answers)));
        }

        return this;
    }

    /// <summary>Queues text answers in order.</summary>
    public AnswerScript EnqueueText(params string[] contents)
    {
        foreach (var content in contents ?? throw new ArgumentNullException(nameof(contents)))
        {
            _answers.Enqueue(ScriptedAnswer.Text(content));
        }

        return this;
    }

    /// <summary>Queues a call of <paramref name="name"/> with <paramref name="argumentsJson"/>.</summary>
    public AnswerScript EnqueueToolCall(string name, string argumentsJson = "{}")
    {
        _answers.Enqueue(ScriptedAnswer.ToolCall(name, argumentsJson));
        return this;
    }

    /// <summary>Drops every waiting answer.</summary>
    public void Clear()
    {
        while (_answers.TryDequeue(out _))
        {
        }
    }

    /// <summary>The answers still waiting, in order.</summary>
    public IReadOnlyList<ScriptedAnswer> Pending => _answers.ToArray();

    internal ScriptedAnswer? TakeNext() => _answers.TryDequeue(out var answer) ? answer : null;
}
