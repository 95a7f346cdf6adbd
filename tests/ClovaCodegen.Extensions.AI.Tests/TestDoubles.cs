using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ClovaCodegen.Extensions.AI.Tests;

/// <summary>Records every request body that goes out, then passes the request on.</summary>
internal sealed class CapturingHandler : DelegatingHandler
{
    public CapturingHandler(HttpMessageHandler? inner = null)
        : base(inner ?? new HttpClientHandler())
    {
    }

    public ConcurrentQueue<string> Bodies { get; } = new();

    public JsonElement LastBody
    {
        get
        {
            Assert.NotEmpty(Bodies);
            string? last = null;
            foreach (var body in Bodies)
            {
                last = body;
            }

            return JsonDocument.Parse(last!).RootElement;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Bodies.Enqueue(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>An ILogger that keeps what it is told.</summary>
internal sealed class ListLogger : ILogger, ILoggerProvider, ILoggerFactory
{
    public List<(LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries)
        {
            Entries.Add((logLevel, formatter(state, exception)));
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
