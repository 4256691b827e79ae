using Lifecycle.Activities.Setup;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Lifecycle.Server.Serving;

/// <summary>
/// Serilog for the server: the console (unless the caller turns it off) and a rolling compact-JSON
/// file per day in <c>.lifecycle/logs/</c> (14 kept, 10 MB each at most). Events carry the
/// properties their scope pushed (<c>SessionId</c>, <c>InstanceId</c>, the request's id).
/// </summary>
/// <remarks>
/// Both sinks are written by one background worker (Serilog.Sinks.Async) and the file is buffered
/// (flushed every second and when the server stops): under load every request logs a line, and
/// writing it on the request's thread made requests queue on the sinks' locks (a third of the
/// server's time at 3,000 events/s, docs/PERFORMANCE.md §4). The queue holds 100,000 events and
/// then makes callers wait rather than drop lines. A clean stop and a crash of <c>serve</c> write
/// out what is buffered; a <c>kill -9</c> loses up to the last second.
/// </remarks>
public static class ServerLogging
{
    public static LoggerConfiguration Configure(LoggerConfiguration logger, LifecyclePaths paths, ServerOptions options)
    {
        logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            // A host that fails to start is reported by 'serve' in one line; its stack is not news.
            .MinimumLevel.Override("Microsoft.Extensions.Hosting.Internal.Host", LogEventLevel.Fatal)
            .Enrich.FromLogContext()
            .WriteTo.Async(
                sinks =>
                {
                    sinks.File(
                        new CompactJsonFormatter(),
                        Path.Combine(paths.LogsFolder, "server-.clef"),
                        rollingInterval: RollingInterval.Day,
                        retainedFileCountLimit: 14,
                        fileSizeLimitBytes: 10 * 1024 * 1024,
                        rollOnFileSizeLimit: true,
                        buffered: true,
                        flushToDiskInterval: TimeSpan.FromSeconds(1));
                    if (options.LogToConsole)
                    {
                        sinks.Console(standardErrorFromLevel: LogEventLevel.Verbose, outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
                    }
                },
                bufferSize: 100_000,
                blockWhenFull: true);
        return logger;
    }
}
