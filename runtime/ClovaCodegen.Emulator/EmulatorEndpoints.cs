using System;
using System.Text.Json;
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
/// key check. The routes are here; what every request meets first is in EmulatorEndpoints.Middleware.cs, the handlers
/// have a file each, and every response body is written by EmulatorResponses.
/// </summary>
internal static partial class EmulatorEndpoints
{
    private const string Prefix = "/v1/openai/";
    private static int s_requestCounter;

    /// <summary>The <see cref="HttpContext.Items"/> key of a drawn cut-stream or cut-body fault.</summary>
    internal static readonly object CutFaultKey = new();

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

        UseCloudBehaviour(app, options);
        app.MapPost(Prefix + "chat/completions", (HttpContext context) => ChatAsync(context, chat, spec.StructuredOutputs, options));
        app.MapPost(Prefix + "embeddings", (HttpContext context) => EmbeddingsAsync(context, embeddings, options));
        app.MapGet(Prefix + "models", (HttpContext context) => ModelsAsync(context, spec));
        app.MapFallback((HttpContext context) => EmulatorResponses.Error(context, 404, "not_found", $"No such API: {context.Request.Path}."));
    }

    /// <summary>After how many chunks a stream is cut: the option, or one chunk when a cut-stream fault was drawn.</summary>
    private static int? CutStreamAfter(HttpContext context, EmulatorOptions options) =>
        options.CutStreamAfterChunks ?? (context.Items.TryGetValue(CutFaultKey, out var kind) && kind is FaultKind.CutStream ? 1 : null);

    /// <summary>Rejects what CLOVA Studio rejects, from the spec: unsupported fields, wrong types, values out of range or allowed values.</summary>
    private static async Task<bool> ValidateFieldsAsync(HttpContext context, JsonElement root, EndpointSpec endpoint, EmulatorOptions options)
    {
        if (SpecFieldValidator.Validate(root, endpoint, options.UnverifiedRanges) is { } problem)
        {
            await EmulatorResponses.Error(context, problem);
            return false;
        }

        return true;
    }

    private static async Task<JsonDocument?> ReadBodyAsync(HttpContext context)
    {
        var (document, problem) = await RequestBodyReader.ReadAsync(context);
        if (problem is not null)
        {
            await EmulatorResponses.Error(context, problem);
        }

        return document;
    }
}
