using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Jiebang.Web.Tests.Infrastructure;

/// <summary>Keeps the app's error logs, so a failing test can say what the server saw.</summary>
public sealed class CapturedErrors : ILoggerProvider
{
    public ConcurrentQueue<string> Errors { get; } = new();
    public ILogger CreateLogger(string categoryName) => new Logger(this);
    public void Dispose() { }

    sealed class Logger(CapturedErrors owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) owner.Errors.Enqueue(formatter(state, exception) + (exception is null ? "" : "\n" + exception));
        }
    }
}
