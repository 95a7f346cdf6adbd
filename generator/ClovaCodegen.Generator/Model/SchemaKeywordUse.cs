namespace ClovaCodegen.Generator.Model;

/// <summary>
/// A validation attribute on a structured-output member (<c>[Range]</c> on <c>Price</c>) and the JSON Schema keyword it
/// would need (<c>minimum</c>). The generated schema writes none of these; the spec's status for the keyword decides
/// whether the user is warned (CLOVA211).
/// </summary>
internal sealed record SchemaKeywordUse(string Keyword, string Attribute, string Member, LocationInfo? Location);
