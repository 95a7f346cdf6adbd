using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ClovaCodegen.Spec.Model;
using Xunit;

namespace ClovaCodegen.Spec.Tests;

/// <summary>
/// The spec against docs/facts.md, the project's table of the source document's facts and their sources: every field of the
/// source tables is in the spec with the status the facts give, and the spec invents no field in those columns.
/// </summary>
public class FactsConformanceTests
{
    private static readonly Lazy<string> Facts = new(() => File.ReadAllText(RepositoryPaths.Facts));

    public static TheoryData<string, string> Tables => new()
    {
        { "Chat Completions: field compatibility", EndpointSpec.ChatCompletions },
        { "Embeddings: field compatibility", EndpointSpec.Embeddings },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Every_field_of_the_source_table_has_the_status_the_facts_give(string section, string endpointId)
    {
        var expected = ReadStatusTable(section);
        var endpoint = SpecReader.ReadDefault().Spec!.FindEndpoint(endpointId)!;

        Assert.NotEmpty(expected);
        foreach (var (field, status) in expected)
        {
            var spec = endpoint.FindField(field);
            Assert.True(spec is not null, $"{endpointId}: field '{field}' of the source table is missing from the spec");
            Assert.True(status == spec!.Status, $"{endpointId}.{field}: facts say {status}, spec says {spec.Status}");
        }

        var tabled = endpoint.Fields.Where(f => f.Status != FieldStatus.Undocumented).Select(f => f.Name);
        Assert.Equal(expected.Keys.OrderBy(n => n, StringComparer.Ordinal), tabled.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_model_name_in_the_facts_is_listed_for_its_endpoint()
    {
        // "| chat | `HCX-005` | note | doc |" rows of the Models table.
        var rows = Section("Models").Split('\n')
            .Select(line => Regex.Match(line, @"^\|\s*(chat|embeddings)\s*\|\s*`([^`]+)`\s*\|"))
            .Where(match => match.Success)
            .ToList();
        var chatNames = rows.Where(r => r.Groups[1].Value == "chat").Select(r => r.Groups[2].Value).ToList();
        var embeddingNames = rows.Where(r => r.Groups[1].Value == "embeddings").Select(r => r.Groups[2].Value).ToList();
        var spec = SpecReader.ReadDefault().Spec!;

        Assert.Contains("HCX-005", chatNames);
        Assert.Contains("bge-m3", embeddingNames);
        Assert.Equal(chatNames.OrderBy(n => n), spec.FindEndpoint(EndpointSpec.ChatCompletions)!.Models.Select(m => m.Name).OrderBy(n => n));
        Assert.Equal(embeddingNames.OrderBy(n => n), spec.FindEndpoint(EndpointSpec.Embeddings)!.Models.Select(m => m.Name).OrderBy(n => n));
    }

    [Fact]
    public void Sdk_member_bindings_match_the_verified_wire_table()
    {
        // "| `ChatCompletionOptions.Temperature` / `TopP` | `temperature` / `top_p` |" rows of the .NET SDK section.
        var section = Section("What the official OpenAI .NET SDK (OpenAI 2.15.0) puts on the wire");
        var spec = SpecReader.ReadDefault().Spec!;
        var checkedCount = 0;
        foreach (var line in section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Split('|');
            var members = BacktickedNames(cells[1]).Select(m => m.Contains('.') ? m : "ChatCompletionOptions." + m).ToList();
            var fields = BacktickedNames(cells[2]);
            if (members.Count != fields.Count || members.Any(m => m.StartsWith("ChatCompletionOptions.Patch", StringComparison.Ordinal)))
            {
                continue;
            }

            for (var i = 0; i < members.Count; i++)
            {
                var prefix = members[i].StartsWith("Embedding", StringComparison.Ordinal) ? "OpenAI.Embeddings." : "OpenAI.Chat.";
                var binding = spec.FindBinding(prefix + members[i]);
                Assert.True(binding is not null, $"No binding for {prefix}{members[i]}");
                Assert.Equal(fields[i], binding!.Field);
                checkedCount++;
            }
        }

        Assert.True(checkedCount >= 20, $"Only {checkedCount} bindings were checked; the facts table's format may have changed");
    }

    [Fact]
    public void Capability_models_are_the_ones_the_facts_give()
    {
        // "| structured-outputs | `response_format` | `HCX-007` | source |" rows.
        var rows = Section("Structured outputs and tools").Split('\n')
            .Select(line => Regex.Match(line, @"^\|\s*([a-z-]+)\s*\|\s*`([^`]+)`\s*\|([^|]*)\|\s*(\w+)\s*\|"))
            .Where(match => match.Success)
            .ToList();
        var spec = SpecReader.ReadDefault().Spec!;

        Assert.Equal(2, rows.Count);
        foreach (var row in rows)
        {
            var capability = spec.FindCapability(row.Groups[1].Value);
            Assert.True(capability is not null, $"The facts list capability '{row.Groups[1].Value}'; the spec does not");
            Assert.Equal(row.Groups[2].Value, capability!.Field);
            Assert.Equal(BacktickedNames(row.Groups[3].Value), capability.Models.ToList());
            Assert.Equal(row.Groups[4].Value, capability.Source);
        }

        Assert.Equal(rows.Count, spec.Capabilities.Count);
    }

    [Fact]
    public void Schema_keywords_have_the_status_the_facts_give()
    {
        // "| `anyOf` | uncertain | supported, not at the root |" rows of the keyword table.
        var rows = Section("Structured outputs and tools").Split('\n')
            .Select(line => Regex.Match(line, @"^\|\s*`([^`]+)`\s*\|\s*(supported|unsupported|uncertain)\s*\|"))
            .Where(match => match.Success)
            .ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value);
        var keywords = SpecReader.ReadDefault().Spec!.StructuredOutputs!.SchemaKeywords;

        Assert.NotEmpty(rows);
        Assert.Equal(rows.Keys.OrderBy(k => k, StringComparer.Ordinal), keywords.Select(k => k.Name).OrderBy(k => k, StringComparer.Ordinal));
        foreach (var keyword in keywords)
        {
            Assert.True(rows[keyword.Name] == keyword.Status.ToString().ToLowerInvariant(), $"{keyword.Name}: facts say {rows[keyword.Name]}, spec says {keyword.Status}");
        }
    }

    [Fact]
    public void Semantic_kernel_member_bindings_match_the_verified_wire_table()
    {
        // "| `OpenAIPromptExecutionSettings.Temperature` / `TopP` | `temperature` / `top_p` |": a name without a type is
        // OpenAIPromptExecutionSettings's; PromptExecutionSettings and FunctionChoiceBehaviorOptions live in Microsoft.SemanticKernel.
        var section = Section("What Semantic Kernel (1.82.0) puts on the wire");
        var spec = SpecReader.ReadDefault().Spec!;
        var tabled = new List<string>();
        foreach (var line in section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Split('|');
            var members = BacktickedNames(cells[1]).Select(m => m.Contains('.') ? m : "OpenAIPromptExecutionSettings." + m).ToList();
            var fields = BacktickedNames(cells[2]);
            Assert.Equal(members.Count, fields.Count);
            for (var i = 0; i < members.Count; i++)
            {
                var member = (members[i].StartsWith("OpenAIPromptExecutionSettings.", StringComparison.Ordinal) ? "Microsoft.SemanticKernel.Connectors.OpenAI." : "Microsoft.SemanticKernel.") + members[i];
                var binding = spec.FindBinding(member);
                Assert.True(binding is not null, $"No binding for {member}");
                Assert.Equal(fields[i], binding!.Field);
                Assert.Null(binding.DroppedBy);
                tabled.Add(member);
            }
        }

        // The bag members (ExtensionData, dropped; ExtraBody, sent) are told in the text below the table.
        var bound = spec.Bindings.Where(b => b.Source == "sk" && b.Field != BindingSpec.AnyField).Select(b => b.Member);
        Assert.Equal(bound.OrderBy(m => m, StringComparer.Ordinal), tabled.OrderBy(m => m, StringComparer.Ordinal));
        Assert.Contains("1.82.0", spec.Sources.Single(s => s.Key == "sk").Description, StringComparison.Ordinal);
        Assert.Contains("2026-12-02", Facts.Value, StringComparison.Ordinal);
    }

    private static Dictionary<string, FieldStatus> ReadStatusTable(string section)
    {
        var result = new Dictionary<string, FieldStatus>(StringComparer.Ordinal);
        foreach (var line in Section(section).Split('\n'))
        {
            var match = Regex.Match(line, @"^\|\s*(supported|unsupported|CLOVA-only)\s*\|(.*)\|\s*$");
            if (!match.Success)
            {
                continue;
            }

            var status = match.Groups[1].Value switch
            {
                "supported" => FieldStatus.Supported,
                "unsupported" => FieldStatus.Unsupported,
                _ => FieldStatus.ClovaOnly,
            };
            // "(default 512)", "(only `"float"`)": remarks in parentheses name values, not fields.
            foreach (var name in BacktickedNames(Regex.Replace(match.Groups[2].Value, @"\([^)]*\)", "")))
            {
                result.Add(name, status);
            }
        }

        return result;
    }

    private static string Section(string heading)
    {
        var text = Facts.Value.Replace("\r\n", "\n");
        var start = text.IndexOf("## " + heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/facts.md has no section '{heading}'");
        var end = text.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return end < 0 ? text.Substring(start) : text.Substring(start, end - start);
    }

    private static List<string> BacktickedNames(string text) =>
        Regex.Matches(text, "`([^`]+)`").Select(m => m.Groups[1].Value).ToList();
}
