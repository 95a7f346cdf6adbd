namespace ClovaCodegen.Analyzers;

/// <summary>Every rule ID, in one place. Each has one analyzer under Rules/, one page under docs/rules/.</summary>
public static class RuleIdentifiers
{
    public const string UnsupportedField = "CLOVA001";
    public const string EmbeddingEncoding = "CLOVA002";
    public const string BaseUrl = "CLOVA003";
    public const string UnknownModel = "CLOVA004";
    public const string NativeFieldName = "CLOVA005";
    public const string ValueRange = "CLOVA006";
    public const string HardcodedApiKey = "CLOVA007";
    public const string MissingMaxTokens = "CLOVA008";
    public const string DroppedOption = "CLOVA009";
    public const string MessageRole = "CLOVA010";
    public const string ModelCapability = "CLOVA011";
    public const string DuplicateToolName = "CLOVA012";
}
