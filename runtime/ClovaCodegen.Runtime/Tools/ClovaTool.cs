using System;
using System.Threading;
using System.Threading.Tasks;

namespace ClovaCodegen;

/// <summary>Runs a tool with the model's arguments (a JSON object as text) and returns what goes back to the model.</summary>
/// <exception cref="ClovaToolArgumentException">The arguments do not fit the tool's parameters.</exception>
public delegate ValueTask<string> ClovaToolInvoker(string argumentsJson, CancellationToken cancellationToken);

/// <summary>
/// One tool the model may call: its name, description and parameters' JSON Schema, its whole definition as the request's
/// <c>tools</c> entry (UTF-8, encoded at compile time), and how to run it. The generator creates these for
/// <see cref="ClovaToolAttribute"/> methods (<c>MyTools.GetWeatherTool</c>); add one to a request with
/// <c>.AddTool(MyTools.GetWeatherTool)</c>.
/// </summary>
public sealed class ClovaTool
{
    private readonly byte[] _definitionUtf8;
    private readonly ClovaToolInvoker _invoker;

    /// <summary>Creates a tool (generated code calls this with compile-time constants).</summary>
    /// <param name="name">The wire name (<c>function.name</c>).</param>
    /// <param name="description">What the tool does (<c>function.description</c>).</param>
    /// <param name="parametersJsonSchema">The JSON Schema of the arguments (<c>function.parameters</c>).</param>
    /// <param name="definitionUtf8">The whole <c>tools</c> entry, <c>{"type":"function","function":{...}}</c>, as UTF-8.</param>
    /// <param name="invoker">Runs the tool.</param>
    public ClovaTool(string name, string description, string parametersJsonSchema, byte[] definitionUtf8, ClovaToolInvoker invoker)
    {
        Name = string.IsNullOrEmpty(name) ? throw new ArgumentException("A tool needs a name.", nameof(name)) : name;
        Description = description ?? "";
        ParametersJsonSchema = parametersJsonSchema ?? throw new ArgumentNullException(nameof(parametersJsonSchema));
        _definitionUtf8 = definitionUtf8 ?? throw new ArgumentNullException(nameof(definitionUtf8));
        _invoker = invoker ?? throw new ArgumentNullException(nameof(invoker));
    }

    /// <summary>The wire name (<c>function.name</c>).</summary>
    public string Name { get; }

    /// <summary>What the tool does (<c>function.description</c>).</summary>
    public string Description { get; }

    /// <summary>The JSON Schema of the arguments (<c>function.parameters</c>).</summary>
    public string ParametersJsonSchema { get; }

    /// <summary>The request's <c>tools</c> entry for this tool, as UTF-8 encoded at compile time.</summary>
    public ReadOnlyMemory<byte> DefinitionUtf8 => _definitionUtf8;

    /// <summary>
    /// Runs the tool with <paramref name="argumentsJson"/>. Arguments that do not fit are not an exception: the result is an
    /// error (<see cref="ClovaToolResult.IsError"/>) whose text tells the model what was wrong, so it can correct itself.
    /// An exception the tool's own code throws propagates.
    /// </summary>
    public async ValueTask<ClovaToolResult> InvokeAsync(string toolCallId, string argumentsJson, CancellationToken cancellationToken = default)
    {
        if (toolCallId is null)
        {
            throw new ArgumentNullException(nameof(toolCallId));
        }

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var content = await _invoker(argumentsJson ?? "{}", cancellationToken).ConfigureAwait(false);
            return new ClovaToolResult(toolCallId, Name, content ?? "", isError: false);
        }
        catch (ClovaToolArgumentException ex)
        {
            return new ClovaToolResult(toolCallId, Name, ex.Message, isError: true);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => "ClovaTool " + Name;
}
