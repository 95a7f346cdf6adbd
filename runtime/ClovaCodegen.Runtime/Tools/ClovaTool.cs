using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ClovaCodegen;

/// <summary>Runs a tool with the model's arguments (a JSON object as text) and returns what goes back to the model.</summary>
/// <exception cref="ClovaToolArgumentException">The arguments do not fit the tool's parameters.</exception>
public delegate ValueTask<string> ClovaToolInvoker(string argumentsJson, CancellationToken cancellationToken);

/// <summary>
/// Writes <paramref name="value"/>, a CLR value passed for the tool's parameter <paramref name="parameterName"/>, as the
/// JSON the tool's schema describes (enum members by their JSON names, records as objects); false, having written nothing,
/// when the parameter has no such writer or the value is not of its type.
/// </summary>
public delegate bool ClovaToolArgumentWriter(Utf8JsonWriter writer, string parameterName, object value);

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
    private readonly ClovaToolArgumentWriter? _argumentWriter;

    /// <summary>Creates a tool (generated code calls this with compile-time constants).</summary>
    /// <param name="name">The wire name (<c>function.name</c>).</param>
    /// <param name="description">What the tool does (<c>function.description</c>).</param>
    /// <param name="parametersJsonSchema">The JSON Schema of the arguments (<c>function.parameters</c>).</param>
    /// <param name="definitionUtf8">The whole <c>tools</c> entry, <c>{"type":"function","function":{...}}</c>, as UTF-8.</param>
    /// <param name="invoker">Runs the tool.</param>
    public ClovaTool(string name, string description, string parametersJsonSchema, byte[] definitionUtf8, ClovaToolInvoker invoker)
        : this(name, description, parametersJsonSchema, definitionUtf8, invoker, argumentWriter: null)
    {
    }

    /// <summary>Creates a tool whose parameters' values can be written as JSON without reflection (see <see cref="TryWriteArgument"/>).</summary>
    /// <param name="name">The wire name (<c>function.name</c>).</param>
    /// <param name="description">What the tool does (<c>function.description</c>).</param>
    /// <param name="parametersJsonSchema">The JSON Schema of the arguments (<c>function.parameters</c>).</param>
    /// <param name="definitionUtf8">The whole <c>tools</c> entry, <c>{"type":"function","function":{...}}</c>, as UTF-8.</param>
    /// <param name="invoker">Runs the tool.</param>
    /// <param name="argumentWriter">Writes CLR values of the parameters' types as the schema describes them, or null.</param>
    public ClovaTool(string name, string description, string parametersJsonSchema, byte[] definitionUtf8, ClovaToolInvoker invoker, ClovaToolArgumentWriter? argumentWriter)
    {
        _argumentWriter = argumentWriter;
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
    /// Writes a CLR value given for parameter <paramref name="parameterName"/> as the JSON the tool's schema describes, with
    /// the code the generator wrote for the parameter's type: an enum member by its JSON name (<c>[JsonStringEnumMemberName]</c>
    /// or its own), a record or class as an object of its JSON properties, a list element by element. For callers that hold
    /// arguments as objects (Microsoft.Extensions.AI's <c>AIFunctionArguments</c>). False, having written nothing, when the
    /// value is null or not of the parameter's type, or the parameter is a string, number or boolean (written as they are).
    /// </summary>
    public bool TryWriteArgument(Utf8JsonWriter writer, string parameterName, object? value)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        return value is not null && parameterName is not null && _argumentWriter is not null && _argumentWriter(writer, parameterName, value);
    }

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
