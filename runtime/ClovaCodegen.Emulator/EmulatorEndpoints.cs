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
using ClovaCodegen.Emulator.Validation;
using ClovaCodegen.Spec.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ClovaCodegen.Emulator;

/// <summary>
/// The emulator's routes. Validation comes from the spec, as CLOVA Studio's would (Validation/): malformed bodies,
/// unsupported fields, wrong types and values out of range are 400s naming the field, never 500s; a refused bearer key is
/// a 401 with CLOVA's code 40100 (ApiKeyCheck); native paths are 404s. Faults (EmulatorOptions) are injected after the
/// key check.
/// </summary>
internal static class EmulatorEndpoints
{
    private const string Prefix = "/v1/openai/";
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static int s_requestCounter;

    /// <summary>The <see cref="HttpContext.Items"/> key of a drawn cut-stream or cut-body fault.</summary>
    private static readonly object CutFaultKey = new();

    /// <summary>
    /// The <c>created</c> time of every model (2025-01-01T00:00:00Z, Unix seconds): fixed, so answers are deterministic;
    /// the spec records no release dates.
    /// </summary>
    private const long ModelsCreated = 1735689600;

    public static void Map(WebApplication app, EmulatorOptions options)
    {
        var spec = options.Spec ?? SpecReader.ReadDefault().Spec ?? throw new InvalidOperationException("The embedded spec does not load.");
        var chat = spec.FindEndpoint(EndpointSpec.ChatCompletions)!;
        var embeddings = spec.FindEndpoint(EndpointSpec.Embeddings)!;

        var faults = new FaultInjector(options);
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

            var key = ApiKeyCheck.BearerKey(context.Request.Headers.Authorization.ToString());
            if (key is null)
            {
                await Error(context, 401, ApiKeyCheck.UnauthorizedCode, "Unauthorized: missing or malformed 'Authorization: Bearer <CLOVA Studio API key>'.");
                return;
            }

            if (!ApiKeyCheck.Accepts(options, key))
            {
                await Error(context, 401, ApiKeyCheck.UnauthorizedCode, "Unauthorized: this API key is not accepted.");
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

            switch (faults.Draw())
            {
                case { Kind: FaultKind.Status, StatusCode: var status }:
                    if (status is 429 or 503)
                    {
                        context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    await Error(context, status, status == 429 ? "rate_limited" : status >= 500 ? "server_error" : "injected_fault", $"Injected fault {status}.");
                    return;
                case { Kind: FaultKind.Reset }:
                    context.Abort();
                    return;
                case { Kind: var kind }:
                    context.Items[CutFaultKey] = kind; // processed, then cut: the handlers read this
                    break;
            }

            try
            {
                await next(context);
            }
            catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                // A bug, not an answer CLOVA Studio would give: still the OpenAI shape and the request id, so a client
                // (and the malformed-input tests, which allow no 5xx) see what went wrong.
                await Error(context, 500, "emulator_error", "The emulator failed on this request: " + ex.GetType().Name + ": " + ex.Message);
            }
        });

        app.MapPost(Prefix + "chat/completions", (HttpContext context) => ChatAsync(context, chat, options));
        app.MapPost(Prefix + "embeddings", (HttpContext context) => EmbeddingsAsync(context, embeddings, options));
        app.MapGet(Prefix + "models", (HttpContext context) => ModelsAsync(context, spec));
        app.MapFallback((HttpContext context) => Error(context, 404, "not_found", $"No such API: {context.Request.Path}."));
    }

    private static async Task ChatAsync(HttpContext context, EndpointSpec chat, EmulatorOptions options)
    {
        using var body = await ReadBodyAsync(context);
        if (body is null || !await ValidateFieldsAsync(context, body.RootElement, chat, options))
        {
            return;
        }

        if (ChatShapeValidator.Validate(body.RootElement) is { } problem)
        {
            await Error(context, problem);
            return;
        }

        var root = body.RootElement;
        var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        if (chat.FindModel(model) is null)
        {
            await Error(context, 404, "model_not_found", $"Model '{model}' is not a chat model of this service.");
            return;
        }

        var messages = root.GetProperty("messages"); // a non-empty array of well-formed messages (ChatShapeValidator)

        var lastUser = messages.EnumerateArray().LastOrDefault(x => x.TryGetProperty("role", out var r) && r.GetString() == "user");
        var question = lastUser.ValueKind == JsonValueKind.Object && lastUser.TryGetProperty("content", out var c) ? TextOf(c) ?? "" : "";
        var answer = options.ChatAnswer?.Invoke(question) ?? "Echo: " + question;
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
                    writer.WriteNumber("prompt_tokens", question.Length);
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
                if (CutStreamAfter(context, options) is { } cut && i >= cut)
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
                writer.WriteNumber("prompt_tokens", question.Length);
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
            if (CutStreamAfter(context, options) is { } cut && i >= cut)
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

    /// <summary>After how many chunks a stream is cut: the option, or one chunk when a cut-stream fault was drawn.</summary>
    private static int? CutStreamAfter(HttpContext context, EmulatorOptions options) =>
        options.CutStreamAfterChunks ?? (context.Items.TryGetValue(CutFaultKey, out var kind) && kind is FaultKind.CutStream ? 1 : null);

    /// <summary>The text of a message's content: the string, or its text parts joined.</summary>
    private static string TextOf(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString()!,
        JsonValueKind.Array => string.Concat(content.EnumerateArray()
            .Where(p => p.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            .Select(p => p.GetProperty("text").GetString())),
        _ => "",
    };

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

    private static async Task EmbeddingsAsync(HttpContext context, EndpointSpec embeddings, EmulatorOptions options)
    {
        using var body = await ReadBodyAsync(context);
        if (body is null || !await ValidateFieldsAsync(context, body.RootElement, embeddings, options))
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

            // OpenAI's shape: embeddings count input tokens only. Like chat, the emulator counts a character as a token.
            var inputTokens = inputs.Sum(i => i.Length);
            writer.WriteStartObject("usage");
            writer.WriteNumber("prompt_tokens", inputTokens);
            writer.WriteNumber("total_tokens", inputTokens);
            writer.WriteEndObject();
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
            writer.WriteNumber("created", ModelsCreated);
            writer.WriteString("owned_by", "naver");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>Rejects what CLOVA Studio rejects, from the spec: unsupported fields, wrong types, values out of range or allowed values.</summary>
    private static async Task<bool> ValidateFieldsAsync(HttpContext context, JsonElement root, EndpointSpec endpoint, EmulatorOptions options)
    {
        if (SpecFieldValidator.Validate(root, endpoint, options.UnverifiedRanges) is { } problem)
        {
            await Error(context, problem);
            return false;
        }

        return true;
    }

    private static async Task<JsonDocument?> ReadBodyAsync(HttpContext context)
    {
        var (document, problem) = await RequestBodyReader.ReadAsync(context);
        if (problem is not null)
        {
            await Error(context, problem);
        }

        return document;
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

    private static Task Error(HttpContext context, RequestProblem problem) => Error(context, problem.Status, problem.Code, problem.Message, problem.Param);

    private static Task Error(HttpContext context, int status, string code, string message, string? param = null) => WriteJsonAsync(context, status, writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("message", message);
        writer.WriteString("type", status switch { 401 => "authentication_error", >= 500 => "server_error", _ => "invalid_request_error" });
        if (param is null)
        {
            writer.WriteNull("param");
        }
        else
        {
            writer.WriteString("param", param);
        }

        writer.WriteString("code", code);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var json = Json(write);
        if (status == 200 && context.Items.TryGetValue(CutFaultKey, out var kind) && kind is FaultKind.CutBody)
        {
            // The status line, the headers (request id included) and half the body arrive; then the connection drops.
            await context.Response.WriteAsync(json.Substring(0, json.Length / 2), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
            return;
        }

        await context.Response.WriteAsync(json, context.RequestAborted);
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
