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
            .WriteTo.File(
                new CompactJsonFormatter(),
                Path.Combine(paths.LogsFolder, "server-.clef"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                fileSizeLimitBytes: 10 * 1024 * 1024,
                rollOnFileSizeLimit: true);
        if (options.LogToConsole)
        {
            logger.WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
        }

        return logger;
    }
}
