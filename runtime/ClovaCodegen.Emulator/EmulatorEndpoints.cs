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

    /// <summary>
    /// What every POST handler does first, in CLOVA Studio's order: read the body (ill-formed JSON is a 400), reject what the
    /// spec rejects (unsupported fields, wrong types, values out of range or allowed values), apply the handler's own shape
    /// check, and find the model the body names among <paramref name="endpoint"/>'s (an unknown one is a 404). Null when a
    /// step refused the request; its error answer is written already. <paramref name="modelKind"/> is how the 404 names the
    /// endpoint's models ("a chat", "an embedding").
    /// </summary>
    private static async Task<AcceptedRequest?> AcceptAsync(
        HttpContext context, EndpointSpec endpoint, EmulatorOptions options, string modelKind, Func<JsonElement, RequestProblem?>? checkShape = null)
    {
        var (document, problem) = await RequestBodyReader.ReadAsync(context);
        if (document is null)
        {
            await EmulatorResponses.Error(context, problem!);
            return null;
        }

        var root = document.RootElement;
        problem = SpecFieldValidator.Validate(root, endpoint, options.UnverifiedRanges) ?? checkShape?.Invoke(root);
        if (problem is not null)
        {
            document.Dispose();
            await EmulatorResponses.Error(context, problem);
            return null;
        }

        var modelName = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        if (endpoint.FindModel(modelName) is not { } model)
        {
            document.Dispose();
            await EmulatorResponses.Error(context, 404, "model_not_found", $"Model '{modelName}' is not {modelKind} model of this service.");
            return null;
        }

        return new AcceptedRequest(document, modelName, model);
    }

    /// <summary>A request that passed <see cref="AcceptAsync"/>: its parsed body (disposed with it) and the model it names.</summary>
    private sealed class AcceptedRequest(JsonDocument body, string modelName, ModelSpec model) : IDisposable
    {
        public JsonElement Root => body.RootElement;

        /// <summary>The model as the request wrote it (echoed back in the answer).</summary>
        public string ModelName => modelName;

        public ModelSpec Model => model;

        public void Dispose() => body.Dispose();
    }
}
