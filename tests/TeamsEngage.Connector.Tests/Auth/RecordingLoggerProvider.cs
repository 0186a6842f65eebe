using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TeamsEngage.Connector.Tests.Auth;

public sealed record LogRecord(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> State, Exception? Exception)
{
    public object? this[string name] => State.TryGetValue(name, out var value) ? value : null;
}

/// <summary>Keeps every log entry so tests can check what was logged, and that no token leaked into it.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyList<LogRecord> Records => _records.ToArray();

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(_records);

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(ConcurrentQueue<LogRecord> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            records.Enqueue(new LogRecord(logLevel, formatter(state, exception), values.ToDictionary(p => p.Key, p => p.Value), exception));
        }
    }
}
