using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Spec;
using ClovaCodegen.Spec.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ClovaCodegen.Emulator;

/// <summary>
/// The emulator's routes. Validation comes from the spec, as CLOVA Studio's would: an unsupported field is a 400, a
/// non-"float" encoding_format is a 400, a missing or malformed bearer key is a 401, native paths are 404s.
/// </summary>
internal static class EmulatorEndpoints
{
    private const string Prefix = "/v1/openai/";
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static int s_requestCounter;

    public static void Map(WebApplication app, EmulatorOptions options)
    {
        var spec = options.Spec ?? SpecReader.ReadDefault().Spec ?? throw new InvalidOperationException("The embedded spec does not load.");
        var chat = spec.FindEndpoint(EndpointSpec.ChatCompletions)!;
        var embeddings = spec.FindEndpoint(EndpointSpec.Embeddings)!;

        app.Use(async (context, next) =>
        {
            var requestId = "emu-" + Interlocked.Increment(ref s_requestCounter).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["X-NCP-CLOVASTUDIO-REQUEST-ID"] = requestId;
            if (options.ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.ResponseDelay, context.RequestAborted);
            }

            var path = context.Request.Path.Value ?? "";
            if (!path.StartsWith(Prefix, StringComparison.Ordinal))
            {
                await Error(context, 404, "not_found", $"No such API: {path}. The OpenAI-compatible API lives under /v1/openai/ (no testapp/serviceapp, no native paths).");
                return;
            }

            var authorization = context.Request.Headers.Authorization.ToString();
            if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization.Length <= "Bearer ".Length || authorization.IndexOf(" ", 7, StringComparison.Ordinal) >= 0)
            {
                await Error(context, 401, "unauthorized", "Missing or malformed 'Authorization: Bearer <CLOVA Studio API key>'.");
                return;
            }

            if (options.FailNextRequests > 0)
            {
                options.FailNextRequests--;
                if (options.FailureStatusCode == 429)
                {
                    context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await Error(context, options.FailureStatusCode, options.FailureStatusCode == 429 ? "rate_limited" : "server_error", "Injected failure.");
                return;
            }

            await next(context);
        });

        app.MapPost(Prefix + "chat/completions", (HttpContext context) => ChatAsync(context, chat, options));
        app.MapPost(Prefix + "embeddings", (HttpContext context) => EmbeddingsAsync(context, embeddings));
        app.MapGet(Prefix + "models", (HttpContext context) => ModelsAsync(context, spec));
        app.MapFallback((HttpContext context) => Error(context, 404, "not_found", $"No such API: {context.Request.Path}."));
    }

    private static async Task ChatAsync(HttpContext context, EndpointSpec chat, EmulatorOptions options)
    {
        using var body = await ReadBodyAsync(context);
        if (body is null || !await ValidateFieldsAsync(context, body.RootElement, chat))
        {
            return;
        }

        var root = body.RootElement;
        var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        if (chat.FindModel(model) is null)
        {
            await Error(context, 404, "model_not_found", $"Model '{model}' is not a chat model of this service.");
            return;
        }

        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            await Error(context, 400, "invalid_request", "'messages' must be a non-empty array.");
            return;
        }

        var lastUser = messages.EnumerateArray().LastOrDefault(x => x.TryGetProperty("role", out var r) && r.GetString() == "user");
        var question = lastUser.ValueKind == JsonValueKind.Object && lastUser.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : "";
        var answer = "Echo: " + question;
        var id = "chatcmpl-" + context.Response.Headers["X-NCP-CLOVASTUDIO-REQUEST-ID"];
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;

        // Tools: when the request offers functions (and tool_choice is not "none") and the conversation ends with the
        // user, the model asks to call the first function (or the one tool_choice names) with {"text": <question>};
        // when it ends with a tool result, it answers "Tool said: <result>".
        var lastMessage = messages[messages.GetArrayLength() - 1];
        var lastRole = lastMessage.TryGetProperty("role", out var lr) ? lr.GetString() : null;
        string? toolName = null;
        if (lastRole == "user" && root.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array && tools.GetArrayLength() > 0
            && !(root.TryGetProperty("tool_choice", out var choice) && choice.ValueKind == JsonValueKind.String && choice.GetString() == "none"))
        {
            toolName = root.TryGetProperty("tool_choice", out var named) && named.ValueKind == JsonValueKind.Object
                ? named.GetProperty("function").GetProperty("name").GetString()
                : tools[0].GetProperty("function").GetProperty("name").GetString();
        }
        else if (lastRole == "tool")
        {
            answer = "Tool said: " + (lastMessage.TryGetProperty("content", out var tc) && tc.ValueKind == JsonValueKind.String ? tc.GetString() : "");
        }

        // A test's scripted answer (EmulatorOptions.ScriptedAnswers) stands in for the canned one.
        var scripted = options.ScriptedAnswers.TakeNext();
        if (scripted is not null)
        {
            answer = scripted.Content;
            toolName = scripted.ToolName;
        }

        var toolArguments = scripted?.ToolArguments ?? Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("text", question);
            writer.WriteEndObject();
        });
        var toolCallId = "call_" + context.Response.Headers["X-NCP-CLOVASTUDIO-REQUEST-ID"];
        if (toolName is not null)
        {
            if (!stream)
            {
                await WriteJsonAsync(context, 200, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", id);
                    writer.WriteString("object", "chat.completion");
                    writer.WriteNumber("created", created);
                    writer.WriteString("model", model);
                    writer.WriteStartArray("choices");
                    writer.WriteStartObject();
                    writer.WriteNumber("index", 0);
                    writer.WriteStartObject("message");
                    writer.WriteString("role", "assistant");
                    writer.WriteString("content", "");
                    WriteToolCalls(writer, null, toolCallId, toolName, toolArguments);
                    writer.WriteEndObject();
                    writer.WriteString("finish_reason", "tool_calls");
                    writer.WriteEndObject();
                    writer.WriteEndArray();
                    writer.WriteStartObject("usage");
                    writer.WriteNumber("prompt_tokens", question!.Length);
                    writer.WriteNumber("completion_tokens", toolArguments.Length);
                    writer.WriteNumber("total_tokens", question.Length + toolArguments.Length);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                });
                return;
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/event-stream";
            var half = toolArguments.Length / 2;
            // The call arrives in pieces, as OpenAI streams it: id and name first, then the arguments in two parts.
            string?[] pieces = { "", toolArguments.Substring(0, half), toolArguments.Substring(half), null };
            for (var i = 0; i < pieces.Length; i++)
            {
                if (options.CutStreamAfterChunks is { } cut && i >= cut)
                {
                    return;
                }

                var piece = pieces[i];
                var chunk = Json(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", id);
                    writer.WriteString("object", "chat.completion.chunk");
                    writer.WriteNumber("created", created);
                    writer.WriteString("model", model);
                    writer.WriteStartArray("choices");
                    writer.WriteStartObject();
                    writer.WriteNumber("index", 0);
                    writer.WriteStartObject("delta");
                    if (i == 0)
                    {
                        writer.WriteString("role", "assistant");
                    }

                    if (piece is not null)
                    {
                        WriteToolCalls(writer, 0, i == 0 ? toolCallId : null, i == 0 ? toolName : null, piece);
                    }

                    writer.WriteEndObject();
                    if (piece is null)
                    {
                        writer.WriteString("finish_reason", "tool_calls");
                    }
                    else
                    {
                        writer.WriteNull("finish_reason");
                    }

                    writer.WriteEndObject();
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                });
                await context.Response.WriteAsync("data: " + chunk + "\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }

            await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
            return;
        }

        if (!stream)
        {
            await WriteJsonAsync(context, 200, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("id", id);
                writer.WriteString("object", "chat.completion");
                writer.WriteNumber("created", created);
                writer.WriteString("model", model);
                writer.WriteStartArray("choices");
                writer.WriteStartObject();
                writer.WriteNumber("index", 0);
                writer.WriteStartObject("message");
                writer.WriteString("role", "assistant");
                writer.WriteString("content", answer);
                writer.WriteEndObject();
                writer.WriteString("finish_reason", "stop");
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteStartObject("usage");
                writer.WriteNumber("prompt_tokens", question!.Length);
                writer.WriteNumber("completion_tokens", answer.Length);
                writer.WriteNumber("total_tokens", question.Length + answer.Length);
                writer.WriteEndObject();
                writer.WriteEndObject();
            });
            return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        var tokens = answer.Split(' ').Select((t, i) => i == 0 ? t : " " + t).ToList();
        for (var i = 0; i <= tokens.Count; i++)
        {
            if (options.CutStreamAfterChunks is { } cut && i >= cut)
            {
                return; // the connection ends without [DONE], as a cut stream would
            }

            var last = i == tokens.Count;
            var chunk = Json(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("id", id);
                writer.WriteString("object", "chat.completion.chunk");
                writer.WriteNumber("created", created);
                writer.WriteString("model", model);
                writer.WriteStartArray("choices");
                writer.WriteStartObject();
                writer.WriteNumber("index", 0);
                writer.WriteStartObject("delta");
                if (i == 0)
                {
                    writer.WriteString("role", "assistant");
                }

                if (!last)
                {
                    writer.WriteString("content", tokens[i]);
                }

                writer.WriteEndObject();
                if (last)
                {
                    writer.WriteString("finish_reason", "stop");
                }
                else
                {
                    writer.WriteNull("finish_reason");
                }

                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
            });
            await context.Response.WriteAsync("data: " + chunk + "\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }

        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
    }

    private static void WriteToolCalls(Utf8JsonWriter writer, int? index, string? callId, string? name, string arguments)
    {
        writer.WriteStartArray("tool_calls");
        writer.WriteStartObject();
        if (index is { } i)
        {
            writer.WriteNumber("index", i);
        }

        if (callId is not null)
        {
            writer.WriteString("id", callId);
            writer.WriteString("type", "function");
        }

        writer.WriteStartObject("function");
        if (name is not null)
        {
            writer.WriteString("name", name);
        }

        writer.WriteString("arguments", arguments);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static async Task EmbeddingsAsync(HttpContext context, EndpointSpec embeddings)
    {
        using var body = await ReadBodyAsync(context);
        if (body is null || !await ValidateFieldsAsync(context, body.RootElement, embeddings))
        {
            return;
        }

        var root = body.RootElement;
        var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        var modelSpec = embeddings.FindModel(model);
        if (modelSpec is null)
        {
            await Error(context, 404, "model_not_found", $"Model '{model}' is not an embedding model of this service.");
            return;
        }

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
            await Error(context, 400, "invalid_request", "'input' must be a string or an array of strings.");
            return;
        }

        var dimension = modelSpec.Dimension ?? 1024;
        await WriteJsonAsync(context, 200, writer =>
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
            writer.WriteEndObject();
        });
    }

    private static Task ModelsAsync(HttpContext context, CompatSpec spec) => WriteJsonAsync(context, 200, writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("object", "list");
        writer.WriteStartArray("data");
        foreach (var model in spec.Endpoints.SelectMany(e => e.Models).Select(m => m.Name).Distinct())
        {
            writer.WriteStartObject();
            writer.WriteString("id", model);
            writer.WriteString("object", "model");
            writer.WriteString("owned_by", "naver");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>Rejects what CLOVA Studio rejects: unsupported fields, and values outside a field's required allowed values.</summary>
    private static async Task<bool> ValidateFieldsAsync(HttpContext context, JsonElement root, EndpointSpec endpoint)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            await Error(context, 400, "invalid_request", "The request body must be a JSON object.");
            return false;
        }

        foreach (var property in root.EnumerateObject())
        {
            var field = endpoint.FindField(property.Name);
            if (field?.Status == FieldStatus.Unsupported)
            {
                await Error(context, 400, "unsupported_field", $"Unsupported field: {property.Name}");
                return false;
            }

            if (field is { AllowedValues.IsEmpty: false } && property.Value.ValueKind == JsonValueKind.String
                && !field.AllowedValues.Any(v => v.Kind == SpecLiteralKind.String && v.Text == property.Value.GetString()))
            {
                await Error(context, 400, "invalid_value", $"Field {property.Name} must be one of {string.Join(", ", field.AllowedValues)}; got \"{property.Value.GetString()}\".");
                return false;
            }
        }

        return true;
    }

    private static async Task<JsonDocument?> ReadBodyAsync(HttpContext context)
    {
        try
        {
            return await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException ex)
        {
            await Error(context, 400, "invalid_json", "The request body is not valid JSON: " + ex.Message);
            return null;
        }
    }

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

    private static Task Error(HttpContext context, int status, string code, string message) => WriteJsonAsync(context, status, writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("message", message);
        writer.WriteString("type", status == 401 ? "authentication_error" : "invalid_request_error");
        writer.WriteString("code", code);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(Json(write), context.RequestAborted);
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
