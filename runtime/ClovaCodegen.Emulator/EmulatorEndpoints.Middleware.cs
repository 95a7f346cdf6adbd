using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ClovaCodegen.Emulator;

/// <summary>
/// What every request meets before a route: the request id, the configured delay, the path prefix, the bearer key
/// (ApiKeyCheck), injected failures and drawn faults (FaultInjector), and a 500 in CLOVA's shape for an emulator bug.
/// </summary>
internal static partial class EmulatorEndpoints
{
    private static void UseCloudBehaviour(WebApplication app, EmulatorOptions options)
    {
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
                await EmulatorResponses.Error(context, 404, "not_found", $"No such API: {path}. The OpenAI-compatible API lives under /v1/openai/ (no testapp/serviceapp, no native paths).");
                return;
            }

            var key = ApiKeyCheck.BearerKey(context.Request.Headers.Authorization.ToString());
            if (key is null)
            {
                await EmulatorResponses.Error(context, 401, ApiKeyCheck.UnauthorizedCode, "Unauthorized: missing or malformed 'Authorization: Bearer <CLOVA Studio API key>'.");
                return;
            }

            if (!ApiKeyCheck.Accepts(options, key))
            {
                await EmulatorResponses.Error(context, 401, ApiKeyCheck.UnauthorizedCode, "Unauthorized: this API key is not accepted.");
                return;
            }

            if (options.FailNextRequests > 0)
            {
                options.FailNextRequests--;
                if (options.FailureStatusCode == 429)
                {
                    context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await EmulatorResponses.Error(context, options.FailureStatusCode, options.FailureStatusCode == 429 ? "rate_limited" : "server_error", "Injected failure.");
                return;
            }

            switch (faults.Draw())
            {
                case { Kind: FaultKind.Status, StatusCode: var status }:
                    if (status is 429 or 503)
                    {
                        context.Response.Headers.RetryAfter = options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    await EmulatorResponses.Error(context, status, status == 429 ? "rate_limited" : status >= 500 ? "server_error" : "injected_fault", $"Injected fault {status}.");
                    return;
                case { Kind: FaultKind.Reset }:
                    RequestRecording.AbortAfterRecording(context);
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
                await EmulatorResponses.Error(context, 500, "emulator_error", "The emulator failed on this request: " + ex.GetType().Name + ": " + ex.Message);
            }
        });
    }
}
