using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ClovaCodegen;

/// <summary>
/// Tools by name: what a request offers (<c>.AddTools(MyTools.All)</c>) and what runs the model's calls
/// (<see cref="InvokeAsync"/>, and <see cref="ClovaStudioClient.CompleteChatWithToolsAsync"/>'s loop). A call of a tool
/// that is not in the set gets an error result naming the tools there are, rather than an exception.
/// </summary>
public sealed class ClovaToolSet : IReadOnlyList<ClovaTool>
{
    private readonly ClovaTool[] _tools;
    private readonly Dictionary<string, ClovaTool> _byName;

    /// <summary>Creates a set.</summary>
    /// <exception cref="ArgumentException">Two tools have the same name (the model could not tell them apart).</exception>
    public ClovaToolSet(params ClovaTool[] tools)
        : this((IEnumerable<ClovaTool>)(tools ?? throw new ArgumentNullException(nameof(tools))))
    {
    }

    /// <summary>Creates a set.</summary>
    /// <exception cref="ArgumentException">Two tools have the same name (the model could not tell them apart).</exception>
    public ClovaToolSet(IEnumerable<ClovaTool> tools)
    {
        if (tools is null)
        {
            throw new ArgumentNullException(nameof(tools));
        }

        var list = new List<ClovaTool>();
        _byName = new Dictionary<string, ClovaTool>(StringComparer.Ordinal);
        foreach (var tool in tools)
        {
            if (tool is null)
            {
                throw new ArgumentException("A tool set cannot hold null.", nameof(tools));
            }

            if (_byName.ContainsKey(tool.Name))
            {
                throw new ArgumentException($"Two tools are named '{tool.Name}'; a model calls tools by name, so names must differ.", nameof(tools));
            }

            _byName.Add(tool.Name, tool);
            list.Add(tool);
        }

        _tools = list.ToArray();
    }

    /// <summary>The union of several sets (for example the tools of two classes).</summary>
    /// <exception cref="ArgumentException">Two tools have the same name.</exception>
    public static ClovaToolSet Combine(params ClovaToolSet[] sets)
    {
        var all = new List<ClovaTool>();
        foreach (var set in sets ?? throw new ArgumentNullException(nameof(sets)))
        {
            all.AddRange(set ?? throw new ArgumentException("A set to combine is null.", nameof(sets)));
        }

        return new ClovaToolSet(all);
    }

    /// <inheritdoc/>
    public int Count => _tools.Length;

    /// <inheritdoc/>
    public ClovaTool this[int index] => _tools[index];

    /// <summary>The tool named <paramref name="name"/>, or null.</summary>
    public ClovaTool? Find(string name) => name is not null && _byName.TryGetValue(name, out var tool) ? tool : null;

    /// <summary>
    /// Runs the tool <paramref name="toolCall"/> names with its arguments. Arguments that do not fit, or a name not in the
    /// set, give an error result (<see cref="ClovaToolResult.IsError"/>) whose text is for the model; an exception the
    /// tool's own code throws propagates.
    /// </summary>
    public ValueTask<ClovaToolResult> InvokeAsync(ClovaChatToolCall toolCall, CancellationToken cancellationToken = default)
    {
        if (toolCall is null)
        {
            throw new ArgumentNullException(nameof(toolCall));
        }

        var tool = Find(toolCall.FunctionName);
        if (tool is null)
        {
            var names = new string[_tools.Length];
            for (var i = 0; i < _tools.Length; i++)
            {
                names[i] = _tools[i].Name;
            }

            return new ValueTask<ClovaToolResult>(new ClovaToolResult(
                toolCall.Id,
                toolCall.FunctionName,
                $"There is no tool named '{toolCall.FunctionName}'. The tools are: {string.Join(", ", names)}.",
                isError: true));
        }

        return tool.InvokeAsync(toolCall.Id, toolCall.Arguments, cancellationToken);
    }

    /// <inheritdoc/>
    public IEnumerator<ClovaTool> GetEnumerator() => ((IEnumerable<ClovaTool>)_tools).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _tools.GetEnumerator();
}
