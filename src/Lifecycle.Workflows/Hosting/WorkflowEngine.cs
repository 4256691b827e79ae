using System.Text.Json.Nodes;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Persistence;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Timers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lifecycle.Workflows.Hosting;

/// <summary>
/// The durable engine: reads and publishes definitions, runs instances and persists them at
/// every start, suspension and end (with their journal in the same transaction), resumes them on
/// stimuli, and on start recovers instances whose process died and fires due timers.
/// </summary>
public sealed partial class WorkflowEngine(
    IWorkflowStore store,
    WorkflowRunner runner,
    DefinitionReader reader,
    ITimerScheduler timers,
    ILogger<WorkflowEngine>? logger = null,
    WorkflowEngineOptions? options = null,
    WorkflowStopSignal? stopSignal = null)
{
    private readonly WorkflowStopSignal _stop = stopSignal ?? new WorkflowStopSignal();

    private readonly ILogger _logger = logger ?? NullLogger<WorkflowEngine>.Instance;
    private readonly WorkflowEngineOptions _options = options ?? new WorkflowEngineOptions();

    public IWorkflowStore Store { get; } = store;

    /// <summary>Names this process as the owner of the instances it runs.</summary>
    public string Owner { get; init; } = ProcessOwner.Current;

    /// <summary>Creates the schema, recovers instances whose process died, and fires due timers.</summary>
    /// <param name="cancellationToken">Stops the work; an interrupted recovery is picked up again next time.</param>
    /// <param name="notify">Told about each instance before it is recovered (recovery may take as long as the run did).</param>
    public async Task<StartupReport> StartAsync(CancellationToken cancellationToken = default, Action<string>? notify = null)
    {
        using (CommandTrace.Begin("engine: open the store"))
        {
            await Store.InitializeAsync(cancellationToken);
        }

        using var span = CommandTrace.Begin("engine: recover instances, fire due timers");
        var broken = new List<string>();
        var recovered = await RecoverAsync(broken, notify, cancellationToken);
        var fired = _options.FireDueTimersOnStart ? await FireDueTimersAsync(broken, cancellationToken) : [];
        return new StartupReport(recovered, fired, broken);
    }

    /// <summary>Reads and validates a definition; <c>RunWorkflow</c> targets must be published (or be itself).</summary>
    /// <exception cref="WorkflowValidationException">Every problem found.</exception>
    public async Task<WorkflowDefinition> ReadAsync(string json, string sourceName, CancellationToken cancellationToken = default)
    {
        var known = (await Store.ListDefinitionsAsync(cancellationToken)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return reader.Read(json, new DefinitionReaderOptions { SourceName = sourceName, WorkflowExists = known.Contains });
    }

    /// <summary>
    /// Publishes a definition from its source, reading and validating it only when its content
    /// differs from the latest version's (the same content hash means nothing to do).
    /// </summary>
    /// <remarks>
    /// What a command does at every start for the workflows it may run: reading a definition
    /// compiles each of its expressions, which cost more than the rest of a small command.
    /// </remarks>
    /// <returns>The workflow's id, the version in force and whether this call created it.</returns>
    /// <exception cref="WorkflowValidationException">The source changed and is not a valid definition.</exception>
    public async Task<(string Id, int Version, bool Created)> PublishSourceAsync(string json, string sourceName, CancellationToken cancellationToken = default)
    {
        using var span = CommandTrace.Begin($"engine: publish {sourceName}");
        if (DefinitionReader.Identify(json) is { } identity
            && (await Store.ListVersionsAsync(identity.Id, cancellationToken)).LastOrDefault() is { } latest
            && latest.ContentHash == identity.ContentHash)
        {
            return (identity.Id, latest.Version, false);
        }

        var (definition, created) = await PublishAsync(await ReadAsync(json, sourceName, cancellationToken), cancellationToken);
        return (definition.Id, definition.Version, created);
    }

    /// <summary>Stores <paramref name="definition"/> as a new version when it changed.</summary>
    public Task<(WorkflowDefinition Definition, bool Created)> PublishAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default) =>
        Store.PublishAsync(definition, cancellationToken);

    /// <summary>Runs a new instance of the latest published version of <paramref name="workflowId"/>.</summary>
    public async Task<RunResult> RunAsync(string workflowId, JsonObject? input, CancellationToken cancellationToken = default)
    {
        var definition = await Store.GetLatestAsync(workflowId, cancellationToken) ??
                         throw new WorkflowNotFoundException(workflowId);
        return await RunAsync(definition, input, cancellationToken);
    }

    /// <summary>Runs a new instance of a published definition until it finishes, faults or suspends.</summary>
    public async Task<RunResult> RunAsync(WorkflowDefinition definition, JsonObject? input, CancellationToken cancellationToken = default)
    {
        using var span = CommandTrace.Begin($"engine: run {definition.Id}");
        return await RunAsync(await PrepareAsync(definition, input, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Stores a new instance of the latest published version of <paramref name="workflowId"/>
    /// without running it, for a host that runs it in the background and answers with its id at once.
    /// </summary>
    /// <exception cref="WorkflowNotFoundException">No such workflow is published.</exception>
    /// <exception cref="WorkflowInputException">The input does not match the declared inputs (nothing is stored).</exception>
    public async Task<PendingRun> PrepareAsync(string workflowId, JsonObject? input, CancellationToken cancellationToken = default)
    {
        var definition = await Store.GetLatestAsync(workflowId, cancellationToken) ??
                         throw new WorkflowNotFoundException(workflowId);
        return await PrepareAsync(definition, input, cancellationToken);
    }

    /// <summary>Runs a stored instance (<see cref="PrepareAsync(string, JsonObject?, CancellationToken)"/>) until it finishes, faults or suspends.</summary>
    public Task<RunResult> RunAsync(PendingRun pending, CancellationToken cancellationToken = default) =>
        ContinueAsync(pending.Take(), cancellationToken);

    private async Task<PendingRun> PrepareAsync(WorkflowDefinition definition, JsonObject? input, CancellationToken cancellationToken)
    {
        if (definition.Version == 0)
        {
            throw new WorkflowException($"Workflow '{definition.Id}' is not published; publish it before running it.");
        }

        var execution = runner.Create(definition, input);
        await Store.InsertAsync(execution, Owner, cancellationToken);
        return new PendingRun(execution);
    }

    /// <summary>Delivers a stimulus: resumes every matching bookmark and starts every workflow it triggers.</summary>
    public async Task<ResumeResult> ResumeAsync(Stimulus stimulus, CancellationToken cancellationToken = default)
    {
        // Timers fire through FireDueTimersAsync when due, never early by a stimulus that borrows their event name.
        var matches = stimulus.Event == Bookmark.TimerEvent
            ? []
            : await Store.FindBookmarksAsync(stimulus.Event, stimulus.Correlation, stimulus.InstanceId, cancellationToken);
        if (string.IsNullOrWhiteSpace(stimulus.Event))
        {
            throw new StimulusRejectedException("An event needs a name, e.g. --event git_commit.");
        }

        // A payload that a triggered workflow's inputs reject is bad input: refuse the stimulus
        // before anything is resumed, rather than apply half of it.
        var triggered = stimulus.InstanceId is null ? await Store.FindTriggeredAsync(stimulus.Event, cancellationToken) : [];
        foreach (var definition in triggered)
        {
            try
            {
                WorkflowInputs.Resolve(definition, stimulus.Payload as JsonObject);
            }
            catch (WorkflowInputException ex)
            {
                throw new StimulusRejectedException(
                    $"Event '{stimulus.Event}' starts workflow '{definition.Id}' (its Event trigger), whose inputs reject the payload: " +
                    $"{string.Join("; ", ex.Problems)}. Nothing was resumed or started; fix the payload, or use --instance to resume one instance only.", ex);
            }
        }

        var resumed = new List<RunResult>();
        var skipped = new List<string>();
        var notDelivered = new List<string>();
        foreach (var group in matches.GroupBy(m => m.InstanceId))
        {
            var (result, outcome) = await DeliverAsync(group.Key, group.Select(m => m.BookmarkId).ToHashSet(), stimulus.Payload, cancellationToken);
            switch (outcome)
            {
                case DeliveryOutcome.Resumed:
                    resumed.Add(result!);
                    break;
                case DeliveryOutcome.Consumed:
                    skipped.Add(group.Key);
                    break;
                default:
                    notDelivered.Add(group.Key);
                    break;
            }
        }

        var started = new List<RunResult>();
        foreach (var definition in triggered)
        {
            started.Add(await RunAsync(definition, stimulus.Payload as JsonObject, stimulus.Correlation, cancellationToken));
        }

        return new ResumeResult(resumed, started, skipped, notDelivered);
    }

    /// <summary>Resumes timers that are due now.</summary>
    public Task<IReadOnlyList<RunResult>> FireDueTimersAsync(CancellationToken cancellationToken = default) =>
        FireDueTimersAsync([], cancellationToken);

    /// <summary>Finishes the instances left Running by processes that died, from their last persisted point.</summary>
    public Task<IReadOnlyList<RunResult>> RecoverAsync(CancellationToken cancellationToken = default) =>
        RecoverAsync([], null, cancellationToken);

    private async Task<IReadOnlyList<RunResult>> FireDueTimersAsync(List<string> broken, CancellationToken cancellationToken)
    {
        var due = await Store.FindDueTimersAsync(runner.Time.GetUtcNow(), cancellationToken);
        var results = new List<RunResult>();
        foreach (var group in due.GroupBy(m => m.InstanceId))
        {
            var (result, outcome) = await DeliverAsync(group.Key, group.Select(m => m.BookmarkId).ToHashSet(), null, cancellationToken);
            if (outcome == DeliveryOutcome.Resumed)
            {
                results.Add(result!);
            }
            else if (outcome == DeliveryOutcome.Broken)
            {
                broken.Add(group.Key);
            }
        }

        return results;
    }

    private async Task<IReadOnlyList<RunResult>> RecoverAsync(List<string> broken, Action<string>? notify, CancellationToken cancellationToken)
    {
        var results = new List<RunResult>();
        foreach (var (instanceId, owner) in await Store.FindRunningAsync(cancellationToken))
        {
            if (owner == Owner || ProcessOwner.IsAlive(owner))
            {
                continue;
            }

            var stored = await Store.LoadAsync(instanceId, cancellationToken);
            if (stored is null || stored.Status != WorkflowStatus.Running || stored.Owner != owner)
            {
                continue;
            }

            var execution = await RestoreOrFaultAsync(stored, cancellationToken);
            if (execution is null)
            {
                broken.Add(instanceId);
                continue;
            }

            runner.MarkInterrupted(execution, $"The process that ran this instance ({owner ?? "unknown"}) stopped before it was done.");
            try
            {
                await Store.SaveAsync(execution, Owner, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                continue;
            }

            LogRecovered(_logger, instanceId, owner);
            notify?.Invoke($"recovering instance {instanceId} of '{stored.DefinitionId}', left running by a process that stopped; it continues from its last persisted point.");
            results.Add(await ContinueAsync(execution, cancellationToken));
        }

        return results;
    }

    /// <summary>
    /// Resumes the given bookmarks of one instance. An instance another process is running is
    /// waited for (while the bookmarks are still stored), up to <see cref="WorkflowEngineOptions.BusyInstanceWait"/>.
    /// </summary>
    private async Task<(RunResult? Result, DeliveryOutcome Outcome)> DeliverAsync(string instanceId, HashSet<int> bookmarkIds, JsonNode? payload, CancellationToken cancellationToken)
    {
        var deadline = runner.Time.GetUtcNow() + _options.BusyInstanceWait;
        var pause = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var stored = await Store.LoadAsync(instanceId, cancellationToken);
            if (stored is null || stored.Status is not (WorkflowStatus.Suspended or WorkflowStatus.Running))
            {
                return (null, DeliveryOutcome.Consumed);
            }

            if (stored.Status == WorkflowStatus.Suspended)
            {
                var execution = await RestoreOrFaultAsync(stored, cancellationToken);
                if (execution is null)
                {
                    return (null, DeliveryOutcome.Broken);
                }

                var timersBefore = TimersOf(execution);
                var bookmarks = execution.Bookmarks.Where(b => bookmarkIds.Contains(b.Id)).ToList();
                if (bookmarks.Count == 0)
                {
                    return (null, DeliveryOutcome.Consumed);
                }

                foreach (var bookmark in bookmarks)
                {
                    runner.Resume(execution, bookmark, payload);
                }

                if (await TryClaimAsync(execution, cancellationToken))
                {
                    var result = await ContinueAsync(execution, cancellationToken);
                    await CancelGoneTimersAsync(execution, timersBefore, cancellationToken);
                    return (result, DeliveryOutcome.Resumed);
                }
            }

            if (!await Store.HasBookmarksAsync(instanceId, bookmarkIds, cancellationToken))
            {
                return (null, DeliveryOutcome.Consumed);
            }

            if (runner.Time.GetUtcNow() >= deadline)
            {
                return (null, DeliveryOutcome.Busy);
            }

            await Task.Delay(pause, runner.Time, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromMilliseconds(500).Ticks));
        }
    }

    /// <summary>
    /// Claims the instance: the stimulus is stored with it before anything runs, so a crash from
    /// here on is recovered without losing the stimulus, and a second process that tries the same
    /// bookmark is refused (false).
    /// </summary>
    private async Task<bool> TryClaimAsync(WorkflowExecution execution, CancellationToken cancellationToken)
    {
        try
        {
            await Store.SaveAsync(execution, Owner, cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
    }

    /// <summary>Loads an instance; one that cannot be loaded is faulted with the reason instead of stopping the caller.</summary>
    private async Task<WorkflowExecution?> RestoreOrFaultAsync(StoredInstance stored, CancellationToken cancellationToken)
    {
        try
        {
            return await runner.RestoreAsync(stored, cancellationToken);
        }
        catch (Exception ex) when (ex is WorkflowException or System.Text.Json.JsonException)
        {
            var reason = $"The instance cannot be loaded, so it was faulted: {ex.Message}";
            LogUnrestorable(_logger, ex, stored.Id);
            await Store.FaultAsync(stored, reason, runner.Time.GetUtcNow(), cancellationToken);
            return null;
        }
    }

    private async Task<RunResult> ContinueAsync(WorkflowExecution execution, CancellationToken cancellationToken)
    {
        try
        {
            // Points between activities, and what the activities write to the same file, need only
            // survive a killed process: the save at the end or suspension is durable and takes every
            // earlier commit to the disk with it.
            using (Store.DeferSync())
            {
                await runner.RunAsync(execution, (e, ct) => new ValueTask(Store.CheckpointAsync(e, Owner, ct)), cancellationToken, _stop.Token);
            }

            await Store.SaveAsync(execution, Owner, cancellationToken);
        }
        catch (Exception ex) when (ex is not ConcurrencyConflictException)
        {
            // Give up the claim so that the next engine start recovers the instance from its last
            // persisted point, even while this process lives on (a server).
            try
            {
                await Store.ReleaseAsync(execution.InstanceId, execution.Revision, CancellationToken.None);
            }
            catch (Exception releaseError)
            {
                LogReleaseFailed(_logger, releaseError, execution.InstanceId);
            }

            throw;
        }

        foreach (var timer in execution.Bookmarks.Where(b => b.IsTimer))
        {
            await timers.ScheduleAsync(execution.InstanceId, timer, cancellationToken);
        }

        return RunResult.From(execution);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Instance {InstanceId} cannot be loaded; it was faulted")]
    private static partial void LogUnrestorable(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not release the claim on instance {InstanceId}")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovered instance {InstanceId} left running by {Owner}")]
    private static partial void LogRecovered(ILogger logger, string instanceId, string? owner);
}
