using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lifecycle.Server.Instances;

/// <summary>
/// Runs the retention sweep once when the server has started, in the background so the server
/// answers at once; the scheduler runs it afterwards.
/// </summary>
internal sealed partial class RetentionAtStartup(RetentionSweep sweep, Serving.ServerOptions options, ILogger<RetentionAtStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.SweepAtStartup)
        {
            return;
        }

        try
        {
            await sweep.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // A config error or a busy database must not stop the server; the next sweep tries again.
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retention sweep at start failed; the next scheduled sweep tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
