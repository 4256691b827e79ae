using System.Text.Json.Nodes;
using System.Threading.Channels;
using Lifecycle.Workflows.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lifecycle.Server.Serving;

/// <summary>
/// Runs instances in the background for <c>POST /api/workflows/{id}/dispatch</c>: each is stored
/// before its id is handed out (so it exists, and a crash recovers it), queued, and run by one of
/// a few workers. When the server stops, the engine's <see cref="WorkflowStopSignal"/> stops the
/// runs at their next persisted point and the queued ones are saved unowned without running, so the
/// next engine start (the server's, or a CLI's) continues them all.
/// </summary>
public sealed partial class WorkflowDispatcher(WorkflowEngine engine, WorkflowStopSignal stop, ILogger<WorkflowDispatcher> logger) : BackgroundService
{
    private readonly Channel<PendingRun> _queue = Channel.CreateUnbounded<PendingRun>(new UnboundedChannelOptions { SingleReader = false });

    /// <summary>How many instances run at once; the others wait in the queue.</summary>
    public static int Workers { get; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Stores a new instance of the latest version of <paramref name="workflowId"/> and queues it.</summary>
    /// <returns>The instance's id.</returns>
    /// <exception cref="WorkflowNotFoundException">No such workflow is published.</exception>
    /// <exception cref="Lifecycle.Workflows.Runtime.WorkflowInputException">The input does not fit; nothing is stored.</exception>
    /// <remarks>While the server stops, the instance is stored all the same (unowned), and the next engine start runs it.</remarks>
    public async Task<string> DispatchAsync(string workflowId, JsonObject? input, CancellationToken cancellationToken)
    {
        var pending = await engine.PrepareAsync(workflowId, input, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            // Stopping: running it now only saves it unowned at its first persisted point, and the
            // next engine start runs it. It is stored, so its id is still the answer.
            try
            {
                await engine.RunAsync(pending, CancellationToken.None);
            }
            catch (WorkflowStoppedException)
            {
                LogStopped(logger, pending.WorkflowId);
            }
        }

        return pending.InstanceId;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        stop.Request();
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // The workers drain the queue even after the stop: every queued run then only reaches its
        // first persisted point and is released (the stop signal, not a cancellation, ends runs,
        // so no activity is cut off midway).
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(WorkAsync, CancellationToken.None)));

    private async Task WorkAsync()
    {
        await foreach (var pending in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["InstanceId"] = pending.InstanceId });
            try
            {
                var result = await engine.RunAsync(pending, CancellationToken.None);
                LogRan(logger, pending.WorkflowId, pending.Version, result.Status);
            }
            catch (WorkflowStoppedException)
            {
                LogStopped(logger, pending.WorkflowId);
            }
            catch (Exception error)
            {
                // The engine released the instance at its last persisted point: the next start continues it.
                LogFailed(logger, error, pending.WorkflowId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatched run of {WorkflowId} v{Version} is {Status}")]
    private static partial void LogRan(ILogger logger, string workflowId, int version, Lifecycle.Workflows.Runtime.WorkflowStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatched run of {WorkflowId} stopped at a persisted point for the shutdown; the next start continues it")]
    private static partial void LogStopped(ILogger logger, string workflowId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatched run of {WorkflowId} failed; the next engine start continues it from its last persisted point")]
    private static partial void LogFailed(ILogger logger, Exception exception, string workflowId);
}
