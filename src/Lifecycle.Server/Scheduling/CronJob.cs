using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Lifecycle.Server.Scheduling;

/// <summary>
/// One fire of a workflow's <c>Cron</c> trigger: starts a new instance of its latest version.
/// </summary>
/// <remarks>
/// Runs never overlap: each cron workflow has a job of its own, which Quartz never runs twice at
/// once (<see cref="DisallowConcurrentExecutionAttribute"/>: a fire that comes due meanwhile waits;
/// of those that waited, only the latest runs), and a fire is skipped while an instance of the workflow is still
/// Running (in this process or another: a CLI, a run started over HTTP). An instance that suspended
/// (a <c>Delay</c>, a <c>WaitForEvent</c>) is waiting rather than running, and does not hold the next fire.
/// </remarks>
[DisallowConcurrentExecution]
internal sealed partial class CronJob(WorkflowEngine engine, ILogger<CronJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var workflowId = context.MergedJobDataMap.GetString(SchedulerKeys.WorkflowId)!;
        if (context.NextFireTimeUtc is { } next && next <= context.FireTimeUtc)
        {
            // A fire held back while the previous run went on, with a later one already due: only
            // the latest runs. Quartz releases every held fire within its misfire threshold, which
            // ran them back to back (four in 30 ms after a run longer than four intervals).
            LogCaughtUp(logger, workflowId, context.ScheduledFireTimeUtc);
            return;
        }

        // The schedule follows publishing at the next sweep; until then a trigger the latest
        // version no longer declares (removed, or its expression changed) must not start it.
        var latest = await engine.Store.GetLatestAsync(workflowId, cancellationToken);
        var cron = (context.Trigger as ICronTrigger)?.CronExpressionString;
        if (latest is not null && !latest.Triggers.Any(t => t.Type == "Cron" && t.Cron == cron))
        {
            LogUndeclared(logger, workflowId, latest.Version, cron);
            return;
        }

        var running = await engine.Store.ListInstancesAsync(WorkflowStatus.Running, workflowId, 1, cancellationToken);
        if (running.Count > 0)
        {
            LogSkipped(logger, workflowId, running[0].InstanceId);
            return;
        }

        try
        {
            var result = await engine.RunAsync(workflowId, null, cancellationToken);
            LogStarted(logger, workflowId, result.InstanceId, result.Status.ToString());
        }
        catch (WorkflowNotFoundException)
        {
            // Unpublished since the schedule was made: the next sweep removes the trigger.
            LogGone(logger, workflowId);
        }
        catch (WorkflowInputException ex)
        {
            // A cron run has no input: the workflow's required inputs need defaults.
            LogInputs(logger, workflowId, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cron trigger of {WorkflowId} started instance {InstanceId}; it is {Status}")]
    private static partial void LogStarted(ILogger logger, string workflowId, string instanceId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cron trigger of {WorkflowId} skipped: instance {InstanceId} is still running")]
    private static partial void LogSkipped(ILogger logger, string workflowId, string instanceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cron trigger of {WorkflowId} could not start it: {Problem}. A cron run has no input; give the workflow's inputs defaults")]
    private static partial void LogInputs(ILogger logger, string workflowId, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cron fire of {WorkflowId} due at {Scheduled} skipped: a later one is due already")]
    private static partial void LogCaughtUp(ILogger logger, string workflowId, DateTimeOffset? scheduled);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cron trigger '{Cron}' of {WorkflowId} skipped: version {Version} no longer declares it (the schedule follows at the next sweep)")]
    private static partial void LogUndeclared(ILogger logger, string workflowId, int version, string? cron);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cron trigger of {WorkflowId} fired, but the workflow is no longer published")]
    private static partial void LogGone(ILogger logger, string workflowId);
}
