using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ClovaCodegen.Generator.Tests;

/// <summary>
/// C# keywords as names (<c>@event</c>, <c>@class</c>) in what the generated readers, writers and dispatchers name:
/// properties set by a reader's initializer, record parameters, enum members, tool methods, their classes and namespaces,
/// and their result's properties; and an enum member renamed by <c>[JsonStringEnumMemberName]</c> in a tool's result.
/// The generated code must compile and run, reading and writing the JSON names without the <c>@</c>.
/// </summary>
public class KeywordNameTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        namespace App.@event
        {
            public enum Kind { @default, @class, [System.Text.Json.Serialization.JsonStringEnumMemberName("plain")] Plain }

            [ClovaCodegen.ClovaStructuredOutput]
            public sealed record Ticket(string @event, Kind @class, List<Kind> @params)
            {
                public string? @operator { get; set; }
            }

            public sealed record Seat(string @fixed, Kind @class);

            public static partial class Booking
            {
                [ClovaCodegen.ClovaTool("Books a seat")]
                public static Seat @checked(string @event, Kind @class = Kind.@default) => new Seat(@event + "!", @class);

                [ClovaCodegen.ClovaTool("Lists kinds", Name = "kinds")]
                public static Task<List<Kind>> @return(Kind @in) => Task.FromResult(new List<Kind> { @in, Kind.@class });
            }

            public static partial class @fixed
            {
                [ClovaCodegen.ClovaTool("Always one")]
                public static int One() => 1;
            }

            public static class Probe
            {
                public static string Read(string json)
                {
                    var ticket = ClovaCodegen.Requests.ClovaStructuredOutputs.For<Ticket>().Read(json);
                    return $"{ticket.@event}|{ticket.@class}|{string.Join(",", ticket.@params)}|{ticket.@operator}";
                }

                public static async Task<string> Call(string name, string arguments) =>
                    (await Booking.InvokeAsync(new ClovaCodegen.ClovaChatToolCall("call_1", name, arguments))).Content;

                public static async Task<string> CallFixed() => (await @fixed.InvokeAsync(new ClovaCodegen.ClovaChatToolCall("call_2", "One", "{}"))).Content;

                public static string Schemas() => ClovaCodegen.Requests.ClovaStructuredOutputs.For<Ticket>().SchemaJson + "\n" + Booking.checkedTool.ParametersJsonSchema;
            }
        }
        """;

    [Fact]
    public void Keyword_names_compile_in_the_generated_readers_writers_and_dispatcher()
    {
        var (output, diagnostics, result) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.Net10References, Source));

        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.Empty(diagnostics);
        var errors = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Keyword_names_read_and_write_their_json_names_without_the_at_sign()
    {
        var probe = Load();

        Assert.Equal(
            "launch|class|default,Plain|plus",
            Invoke<string>(probe, "Read", """{"event":"launch","class":"class","params":["default","plain"],"operator":"plus"}"""));
        Assert.Equal("""{"fixed":"gala!","class":"default"}""", await Invoke<Task<string>>(probe, "Call", "checked", """{"event":"gala"}"""));
        Assert.Equal("""["plain","class"]""", await Invoke<Task<string>>(probe, "Call", "kinds", """{"in":"plain"}"""));
        Assert.Equal("1", await Invoke<Task<string>>(probe, "CallFixed"));
        var schemas = Invoke<string>(probe, "Schemas");
        Assert.Contains("\"event\":", schemas, System.StringComparison.Ordinal);
        Assert.DoesNotContain("@", schemas, System.StringComparison.Ordinal);
    }

    private static T Invoke<T>(System.Type probe, string method, params object[] arguments) =>
        (T)probe.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;

    /// <summary>The consumer compiled with the generator's output, loaded into a context of its own (the runtime comes from this process).</summary>
    private static System.Type Load()
    {
        var (output, _, _) = GeneratorHarness.Run(GeneratorHarness.Compilation(GeneratorHarness.Net10References, Source));
        using var pe = new MemoryStream();
        var emitted = output.Emit(pe);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        pe.Position = 0;
        var assembly = new AssemblyLoadContext("keyword-names", isCollectible: true).LoadFromStream(pe);
        return assembly.GetType("App.event.Probe", throwOnError: true)!;
    }
}
