using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ClovaCodegen.Emulator;
using ClovaCodegen.Spec;
using ClovaCodegen.SpecTool.Diffing;
using ClovaCodegen.SpecTool.Probing;
using Xunit;

namespace ClovaCodegen.SpecTool.Tests;

/// <summary>
/// A model is dropped from the spec only when the refusal is about the model: a reasoning model that refuses
/// <c>max_tokens: 1</c> is still served, and removing it would make the analyzers call a working model name a mistake.
/// </summary>
public class ModelAttributionTests
{
    [Fact]
    public async Task A_model_refused_for_another_reason_stays_in_the_spec()
    {
        await using var emulator = await ClovaStudioEmulator.StartAsync(new EmulatorOptions { UnverifiedRanges = UnverifiedRangePolicy.Reject });
        using var handler = new RefuseOneTokenFor("HCX-007", new SocketsHttpHandler());

        var run = await ProbeSession.RunAsync(SpecReader.ReadDefault().Spec!, emulator.BaseUrl, ToolRun.FakeKey, ProbeScope.Everything, new ProbeLimits(), handler, CancellationToken.None);

        Assert.DoesNotContain(run.Changes, f => f.Subject == "model HCX-007");
        Assert.Contains(run.Findings, f => f.Subject == "model HCX-007" && f.Edit is null && f.Summary.Contains("does not name the model", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_model_the_service_does_not_know_is_removed()
    {
        await using var emulator = await ClovaStudioEmulator.StartAsync(new EmulatorOptions { Spec = PlantedSpecs.Read(PlantedSpecs.ChangedText()), UnverifiedRanges = UnverifiedRangePolicy.Reject });
        using var handler = new SocketsHttpHandler();

        var run = await ProbeSession.RunAsync(SpecReader.ReadDefault().Spec!, emulator.BaseUrl, ToolRun.FakeKey, new ProbeScope(Array.Empty<string>(), new[] { "seed" }, false), new ProbeLimits(), handler, CancellationToken.None);

        Assert.Contains(run.Changes, f => f.Edit == new SpecEdit(SpecEditKind.RemoveModel, "chat.completions", PlantedSpecs.RemovedModel));
    }

    /// <summary>Stands in for a service whose reasoning model needs more than one output token: 400 about max_tokens.</summary>
    private sealed class RefuseOneTokenFor : DelegatingHandler
    {
        private readonly string _model;

        public RefuseOneTokenFor(string model, HttpMessageHandler inner)
            : base(inner) => _model = model;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            if (body.Contains($"\"model\":\"{_model}\"", StringComparison.Ordinal))
            {
                return new HttpResponseMessage(HttpStatusCode.BadRequest)
                {
                    Content = new StringContent("""{"error":{"message":"max_tokens must be at least 16","type":"invalid_request_error","param":"max_tokens","code":"invalid_value"}}""", Encoding.UTF8, "application/json"),
                };
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
