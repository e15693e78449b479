using Microsoft.Extensions.Logging;

namespace VoiceForD365.Cli;

/// <summary>The log of `vfd sync`, `vfd route` and the demo: one line per event on the command's output ("10:42:07 message", "warning: " or "error: " before what needs a look), so it goes where the command's other output goes.</summary>
internal sealed class CommandLogProvider(TextWriter output, TimeProvider? time = null) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(output, time ?? TimeProvider.System);

    public void Dispose()
    {
    }

    private sealed class Logger(TextWriter output, TimeProvider time) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var level = logLevel >= LogLevel.Error ? "error: " : logLevel == LogLevel.Warning ? "warning: " : "";
            var line = $"{time.GetLocalNow():HH:mm:ss} {level}{formatter(state, exception)}" + (exception == null ? "" : $" ({exception.GetType().Name}: {exception.Message})");
            lock (output)
            {
                output.WriteLine(line);
                output.Flush();
            }
        }
    }
}
