using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ClovaCodegen.SpecTool.Probing;

/// <summary>
/// The machine-readable report of a run: the budget and what was spent, then every probe (the request as sent, with the
/// key's place named but never the key; the status, error code and message, request id, attempts) and every finding
/// with the probes it rests on.
/// </summary>
internal static class ProbeReport
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ProbeRun run, string apiKeyVariable, DateTimeOffset finished)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("tool", "clova-spec probe");
            writer.WriteString("baseUrl", run.BaseUrl.ToString());
            writer.WriteString("started", run.Started.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("finished", finished.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            if (run.StopReason is null)
            {
                writer.WriteNull("stopReason");
            }
            else
            {
                writer.WriteString("stopReason", run.StopReason);
            }

            writer.WriteStartObject("requests");
            writer.WriteNumber("maxRequests", run.MaxRequests);
            writer.WriteNumber("planned", run.Planned);
            writer.WriteNumber("followUps", run.Results.Count(r => r.Probe.Purpose is ProbePurpose.RangeSearch or ProbePurpose.NewModel && r.Attempts > 0));
            writer.WriteNumber("billable", run.BillableRequests);
            writer.WriteNumber("sent", run.SentRequests);
            writer.WriteNumber("rateLimitedAnswers", run.RateLimitedAnswers);
            writer.WriteNumber("waitedForRetryAfterSeconds", Math.Round(run.WaitedForRateLimits.TotalSeconds, 1));
            writer.WriteEndObject();

            writer.WriteStartArray("probes");
            foreach (var result in run.Results)
            {
                var probe = result.Probe;
                writer.WriteStartObject();
                writer.WriteString("id", probe.Id);
                writer.WriteString("purpose", probe.Purpose.ToString());
                writer.WriteString("endpoint", probe.EndpointId);
                WriteOptional(writer, "model", probe.Model);
                WriteOptional(writer, "field", probe.Field);
                if (probe.Value is not null)
                {
                    writer.WritePropertyName("value");
                    probe.Value.WriteTo(writer);
                }

                writer.WriteString("reason", probe.Reason);
                writer.WriteStartObject("request");
                writer.WriteString("method", probe.Method);
                writer.WriteString("url", new Uri(run.BaseUrl, probe.Path).ToString());
                writer.WriteStartObject("headers");
                writer.WriteString("Authorization", $"Bearer <{apiKeyVariable}>");
                writer.WriteEndObject();
                if (probe.Body is not null)
                {
                    writer.WritePropertyName("body");
                    probe.Body.WriteTo(writer);
                }

                writer.WriteEndObject();
                writer.WriteString("verdict", result.Verdict.ToString());
                if (result.Status is { } status)
                {
                    writer.WriteNumber("status", status);
                }

                WriteOptional(writer, "errorCode", result.ErrorCode);
                WriteOptional(writer, "errorMessage", result.ErrorMessage);
                WriteOptional(writer, "errorParam", result.ErrorParam);
                WriteOptional(writer, "requestId", result.RequestId);
                writer.WriteNumber("attempts", result.Attempts);
                writer.WriteNumber("rateLimitedAttempts", result.RateLimitedAttempts);
                writer.WriteNumber("elapsedMs", (long)result.Elapsed.TotalMilliseconds);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("findings");
            foreach (var finding in run.Findings)
            {
                writer.WriteStartObject();
                writer.WriteString("endpoint", finding.EndpointId);
                writer.WriteString("subject", finding.Subject);
                writer.WriteString("summary", finding.Summary);
                if (finding.Edit is { } edit)
                {
                    writer.WriteString("change", edit.Kind.ToString());
                }
                else
                {
                    writer.WriteNull("change");
                }

                writer.WriteStartArray("evidence");
                foreach (var evidence in finding.Evidence)
                {
                    writer.WriteStringValue(evidence.Probe.Id);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
