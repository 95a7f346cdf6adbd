using System;
using System.Linq;

namespace ClovaCodegen.Spec.Model;

/// <summary>What CLOVA Studio does with an OpenAI request field.</summary>
public enum FieldStatus
{
    /// <summary>An OpenAI field CLOVA Studio accepts.</summary>
    Supported,

    /// <summary>An OpenAI field CLOVA Studio rejects or ignores.</summary>
    Unsupported,

    /// <summary>A field of CLOVA Studio's own, not part of OpenAI's API.</summary>
    ClovaOnly,

    /// <summary>An OpenAI field the official SDKs send that the source tables do not mention.</summary>
    Undocumented,
}

/// <summary>JSON types a field accepts (a field may accept several, e.g. <c>stop</c>: string or array).</summary>
[Flags]
public enum JsonFieldType
{
    /// <summary>No type given.</summary>
    None = 0,
    /// <summary>A JSON string.</summary>
    String = 1,
    /// <summary>A JSON number without a fraction.</summary>
    Integer = 2,
    /// <summary>Any JSON number.</summary>
    Number = 4,
    /// <summary>true or false.</summary>
    Boolean = 8,
    /// <summary>A JSON array.</summary>
    Array = 16,
    /// <summary>A JSON object.</summary>
    Object = 32,
}

/// <summary>The whole field-compatibility spec, as read from <c>clova-openai-compat.json</c>.</summary>
public sealed record CompatSpec(
    int SpecVersion,
    string? Title,
    ApiKeySpec? ApiKey,
    string? RequestIdHeader,
    EquatableArray<SourceSpec> Sources,
    EquatableArray<BaseUrlSpec> BaseUrls,
    EquatableArray<NativeUrlPatternSpec> NativeUrlPatterns,
    EquatableArray<EndpointSpec> Endpoints,
    EquatableArray<BindingSpec> Bindings)
{
    /// <summary>The endpoint with this id (e.g. <c>chat.completions</c>), or null.</summary>
    public EndpointSpec? FindEndpoint(string id) => Endpoints.Find(static (e, id) => e.Id == id, id);

    /// <summary>The bindings of an SDK member (<c>Namespace.Type.Member</c>).</summary>
    public BindingSpec? FindBinding(string member) => Bindings.Find(static (b, member) => b.Member == member, member);

    /// <summary>Features only some models have (structured outputs, tools) and the models the sources list for them.</summary>
    public EquatableArray<CapabilitySpec> Capabilities { get; init; } = EquatableArray<CapabilitySpec>.Empty;

    /// <summary>What structured outputs accept (response_format types, JSON Schema keywords), or null when the spec does not say.</summary>
    public StructuredOutputsSpec? StructuredOutputs { get; init; }

    /// <summary>The capability with this id (<see cref="CapabilitySpec.StructuredOutputs"/>, <see cref="CapabilitySpec.Tools"/>), or null.</summary>
    public CapabilitySpec? FindCapability(string id) => Capabilities.Find(static (c, id) => c.Id == id, id);

    /// <summary>Hosts of the known base URLs (e.g. <c>clovastudio.stream.ntruss.com</c>).</summary>
    public EquatableArray<string> ApiHosts =>
        BaseUrls.Select(b => new Uri(b.Url).Host).Distinct(StringComparer.OrdinalIgnoreCase).ToEquatableArray();
}

/// <summary>A named source that facts in the spec cite.</summary>
public sealed record SourceSpec(string Key, string Description);

/// <summary>How the API authenticates and what its keys look like.</summary>
public sealed record ApiKeySpec(string? Header, string? Scheme, string? Prefix, string? EnvironmentVariable, string? Note);

/// <summary>The OpenAI-compatible base URL of one cloud.</summary>
public sealed record BaseUrlSpec(string Cloud, string Url, bool Verified, string? Note, string? Source);

/// <summary>A path shape of a native (non-OpenAI) CLOVA Studio URL.</summary>
public sealed record NativeUrlPatternSpec(string Id, string PathPattern, string? Note, string? Source);

/// <summary>An API endpoint under the base URL.</summary>
public sealed record EndpointSpec(
    string Id,
    string Method,
    string Path,
    string? Note,
    string? Source,
    EquatableArray<ModelSpec> Models,
    EquatableArray<FieldSpec> Fields)
{
    /// <summary>The id of <c>POST /chat/completions</c>.</summary>
    public const string ChatCompletions = "chat.completions";
    /// <summary>The id of <c>POST /embeddings</c>.</summary>
    public const string Embeddings = "embeddings";
    /// <summary>The id of <c>GET /models</c>.</summary>
    public const string ModelList = "models";

    /// <summary>The endpoint ids this toolkit knows how to generate code and checks for.</summary>
    public static readonly EquatableArray<string> KnownIds = EquatableArray.Create(ChatCompletions, Embeddings, ModelList);

    /// <summary>The field with this wire name, or null.</summary>
    public FieldSpec? FindField(string name) => Fields.Find(static (f, name) => f.Name == name, name);

    /// <summary>The field whose native (camelCase) names include this one, or null.</summary>
    public FieldSpec? FindFieldByNativeName(string nativeName) => Fields.Find(static (f, nativeName) => f.NativeNames.Find(static (n, wanted) => n == wanted, nativeName) is not null, nativeName);

    /// <summary>The model with this name, or null.</summary>
    public ModelSpec? FindModel(string name) => Models.Find(static (m, name) => m.Name == name, name);

    /// <summary>The model marked <c>default</c>: the one to suggest first, or null when none is marked.</summary>
    public ModelSpec? DefaultModel => Models.Find(static (m, _) => m.IsDefault, 0);
}

/// <summary>A model name an endpoint serves; <paramref name="IsDefault"/> marks the endpoint's recommended model.</summary>
public sealed record ModelSpec(string Name, bool Verified, bool IsDefault, int? Dimension, string? Note, string? Source);

/// <summary>One request field of an endpoint and what CLOVA Studio does with it.</summary>
public sealed record FieldSpec(
    string Name,
    FieldStatus Status,
    JsonFieldType Type,
    bool Required,
    SpecLiteral? Default,
    NumericRange? Range,
    EquatableArray<SpecLiteral> AllowedValues,
    bool RequiredValue,
    EquatableArray<string> NativeNames,
    EquatableArray<string> SentImplicitlyBy,
    bool Uncertain,
    string? Note,
    string? Source)
{
    /// <summary>For a list of messages (<c>messages</c>): the roles the API accepts; empty when the spec does not say.</summary>
    public EquatableArray<string> Roles { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Whether a request may carry this field (supported or CLOVA-only).</summary>
    public bool IsAccepted => Status is FieldStatus.Supported or FieldStatus.ClovaOnly;

    /// <summary>Whether a literal is one of <see cref="AllowedValues"/> (true when there is no such list).</summary>
    public bool Allows(SpecLiteral value) => AllowedValues.IsEmpty || AllowedValues.Contains(value);

    /// <summary>Whether a number lies in <see cref="Range"/> (true when there is none).</summary>
    public bool Allows(double value) => Range is null || Range.Contains(value);
}

/// <summary>A documented numeric range; either bound may be absent.</summary>
public sealed record NumericRange(double? Minimum, bool ExclusiveMinimum, double? Maximum, bool ExclusiveMaximum)
{
    /// <summary>Whether <paramref name="value"/> lies inside the range, each bound inclusive or exclusive as documented; NaN never does.</summary>
    public bool Contains(double value)
    {
        if (double.IsNaN(value))
        {
            return false;
        }

        if (Minimum is { } min && (ExclusiveMinimum ? value <= min : value < min))
        {
            return false;
        }

        return Maximum is not { } max || (ExclusiveMaximum ? value < max : value <= max);
    }

    /// <summary>Interval notation, e.g. <c>(0, 2]</c> or <c>[1, ∞)</c>.</summary>
    public override string ToString()
    {
        var lower = Minimum is { } min ? SpecLiteral.FormatNumber(min) : "-∞";
        var upper = Maximum is { } max ? SpecLiteral.FormatNumber(max) : "∞";
        var open = Minimum is null || ExclusiveMinimum ? "(" : "[";
        var close = Maximum is null || ExclusiveMaximum ? ")" : "]";
        return $"{open}{lower}, {upper}{close}";
    }
}

/// <summary>The kind of a scalar JSON literal in the spec.</summary>
public enum SpecLiteralKind
{
    /// <summary>A JSON string.</summary>
    String,
    /// <summary>A JSON number.</summary>
    Number,
    /// <summary>true or false.</summary>
    Boolean,
    /// <summary>The literal null.</summary>
    Null,
    /// <summary>Anything structured, kept as raw JSON text.</summary>
    Json,
}

/// <summary>
/// A JSON literal from the spec (a default or an allowed value). Strings hold their decoded value, numbers their
/// value and spelling, anything structured its raw JSON text.
/// </summary>
public sealed record SpecLiteral(SpecLiteralKind Kind, string Text, double? Number)
{
    /// <summary>A string literal holding <paramref name="value"/>.</summary>
    public static SpecLiteral FromString(string value) => new(SpecLiteralKind.String, value, null);

    /// <summary>A number literal holding <paramref name="value"/>, spelled round-trippably.</summary>
    public static SpecLiteral FromNumber(double value) => new(SpecLiteralKind.Number, FormatNumber(value), value);

    /// <summary>A boolean literal.</summary>
    public static SpecLiteral FromBoolean(bool value) => new(SpecLiteralKind.Boolean, value ? "true" : "false", null);

    /// <summary>The literal as JSON text (strings quoted and escaped).</summary>
    public string ToJson() => Kind == SpecLiteralKind.String ? Quote(Text) : Text;

    /// <summary>The literal as JSON text, as <see cref="ToJson"/> writes it.</summary>
    public override string ToString() => ToJson();

    internal static string FormatNumber(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static string Quote(string value)
    {
        var builder = new System.Text.StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}

/// <summary>An SDK member and the wire field it writes.</summary>
public sealed record BindingSpec(string Member, string Endpoint, string Field, string? DroppedBy, string? Note, string? Source)
{
    /// <summary>The wildcard field name: the member is a bag of arbitrary fields.</summary>
    public const string AnyField = "*";

    /// <summary>The member's containing type (<c>OpenAI.Chat.ChatCompletionOptions</c>).</summary>
    public string TypeName => Member.Substring(0, Math.Max(0, Member.LastIndexOf('.')));

    /// <summary>The member's simple name (<c>EndUserId</c>).</summary>
    public string MemberName => Member.Substring(Member.LastIndexOf('.') + 1);

    /// <summary>
    /// For a bag member an adapter drops (<see cref="DroppedBy"/>): the keys the adapter does read, which therefore are not
    /// dropped (Microsoft.Extensions.AI.OpenAI reads <c>strict</c> from <c>ChatOptions.AdditionalProperties</c>).
    /// </summary>
    public EquatableArray<string> ReadKeys { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// For a bag with <see cref="ReadKeys"/>: the metadata name of the type the adapter reads the bag into, or null when
    /// the adapter reads the keys itself. Semantic Kernel's OpenAI connector turns a plain <c>PromptExecutionSettings</c>
    /// into <c>Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings</c> through JSON: a read key sets
    /// that type's property of the same JSON name, and sends what the spec binds that property to.
    /// </summary>
    public string? ReadAs { get; init; }

    /// <summary>
    /// For a member that sends a chat message (field <c>messages</c>): the role the message has (<c>developer</c> for
    /// Semantic Kernel's <c>ChatDeveloperPrompt</c> and the OpenAI SDK's <c>DeveloperChatMessage</c>), or null.
    /// </summary>
    public string? Role { get; init; }

    /// <summary>
    /// For a member with a <see cref="Role"/>: the member (<c>Namespace.Type.Member</c>) that sends the same message with
    /// the role <c>system</c> (OpenAI's developer role is its newer name for system), which CLOVA010's fix puts in; or null.
    /// </summary>
    public string? Replacement { get; init; }

    /// <summary>The simple name of <see cref="Replacement"/> (<c>ChatSystemPrompt</c>), or null.</summary>
    public string? ReplacementName => Replacement?.Substring(Replacement.LastIndexOf('.') + 1);
}
