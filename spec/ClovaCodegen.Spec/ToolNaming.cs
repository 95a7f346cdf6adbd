namespace ClovaCodegen.Spec;

/// <summary>
/// The names a <c>[ClovaTool]</c> method gets: the generator names the tool and its handle with them, and the analyzers
/// use the same rule to know which tools a class's generated <c>All</c> and handles hold (CLOVA012), so the two cannot
/// disagree.
/// </summary>
public static class ToolNaming
{
    /// <summary>The method's name without an <c>Async</c> suffix (a method named just <c>Async</c> keeps it).</summary>
    public static string BaseName(string methodName) =>
        methodName.EndsWith("Async", System.StringComparison.Ordinal) && methodName.Length > 5 ? methodName.Substring(0, methodName.Length - 5) : methodName;

    /// <summary>The tool's name: <c>[ClovaTool(Name = "...")]</c> when given, otherwise <see cref="BaseName"/>.</summary>
    public static string ToolName(string methodName, string? explicitName) => explicitName ?? BaseName(methodName);

    /// <summary>The generated <c>ClovaTool</c> member of the class for the method: <c>GetWeatherAsync</c> → <c>GetWeatherTool</c>.</summary>
    public static string HandleName(string methodName) => BaseName(methodName) + "Tool";
}
