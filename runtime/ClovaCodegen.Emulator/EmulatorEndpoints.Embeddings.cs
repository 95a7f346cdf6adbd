using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ClovaCodegen.Spec.Model;
using Microsoft.AspNetCore.Http;

namespace ClovaCodegen.Emulator;

/// <summary>
/// <c>POST embeddings</c> (a stable unit vector per model and text, of the spec's dimension) and <c>GET models</c> (the
/// spec's models).
/// </summary>
internal static partial class EmulatorEndpoints
{
    private static async Task EmbeddingsAsync(HttpContext context, EndpointSpec embeddings, EmulatorOptions options)
    {
        using var request = await AcceptAsync(context, embeddings, options, "an embedding");
        if (request is null)
        {
            return;
        }

        var root = request.Root;
        var model = request.ModelName;

        var inputs = new List<string>();
        if (root.TryGetProperty("input", out var input) && input.ValueKind == JsonValueKind.String)
        {
            inputs.Add(input.GetString()!);
        }
        else if (input.ValueKind == JsonValueKind.Array && input.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String))
        {
            inputs.AddRange(input.EnumerateArray().Select(x => x.GetString()!));
        }

        if (inputs.Count == 0)
        {
            await EmulatorResponses.Error(context, 400, "invalid_request", "'input' must be a string or an array of strings.");
            return;
        }

        var dimension = request.Model.Dimension ?? 1024;
        await EmulatorResponses.WriteJsonAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("object", "list");
            writer.WriteString("model", model);
            writer.WriteStartArray("data");
            for (var i = 0; i < inputs.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("object", "embedding");
                writer.WriteNumber("index", i);
                writer.WriteStartArray("embedding");
                foreach (var value in UnitVector(model + "\n" + inputs[i], dimension))
                {
                    writer.WriteNumberValue(value);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();

            // OpenAI's shape: embeddings count input tokens only. Like chat, the emulator counts a character as a token.
            var inputTokens = inputs.Sum(i => i.Length);
            writer.WriteStartObject("usage");
            writer.WriteNumber("prompt_tokens", inputTokens);
            writer.WriteNumber("total_tokens", inputTokens);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    private static Task ModelsAsync(HttpContext context, CompatSpec spec) => EmulatorResponses.WriteJsonAsync(context, 200, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("object", "list");
        writer.WriteStartArray("data");
        foreach (var model in spec.Endpoints.SelectMany(e => e.Models).Select(m => m.Name).Distinct())
        {
            writer.WriteStartObject();
            writer.WriteString("id", model);
            writer.WriteString("object", "model");
            writer.WriteNumber("created", ModelsCreated);
            writer.WriteString("owned_by", "naver");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static IEnumerable<float> UnitVector(string seedText, int dimension)
    {
        // FNV-1a: a stable seed across processes (string.GetHashCode is randomized per process).
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(seedText))
        {
            hash = (hash ^ b) * 16777619u;
        }

        var random = new Random((int)hash);
        var values = new double[dimension];
        for (var i = 0; i < dimension; i++)
        {
            values[i] = random.NextDouble() * 2 - 1;
        }

        var norm = Math.Sqrt(values.Sum(v => v * v));
        return values.Select(v => (float)(v / norm));
    }
}
