using Lifecycle.Workflows.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lifecycle.Server.Serving;

/// <summary>
/// Starts the engine with the server (schema, instances a dead process left Running, timers that
/// fell due while nothing ran) and, when the server stops, asks running instances to stop at their
/// next persisted point before the host lets requests and jobs go.
/// </summary>
internal sealed partial class EngineService(WorkflowEngine engine, WorkflowStopSignal stop, ILogger<EngineService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var report = await engine.StartAsync(cancellationToken, note => LogRecovering(logger, note));
        LogStarted(logger, report.Recovered.Count, report.TimersFired.Count, report.Unloadable.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        stop.Request();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Engine started: {Recovered} instances recovered, {TimersFired} due timers fired, {Broken} could not be loaded")]
    private static partial void LogStarted(ILogger logger, int recovered, int timersFired, int broken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Note}")]
    private static partial void LogRecovering(ILogger logger, string note);
}
