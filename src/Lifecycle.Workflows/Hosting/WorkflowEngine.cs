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
    ILogger<WorkflowEngine>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<WorkflowEngine>.Instance;

    public IWorkflowStore Store { get; } = store;

    /// <summary>Names this process as the owner of the instances it runs.</summary>
    public string Owner { get; init; } = ProcessOwner.Current;

    /// <summary>Creates the schema, recovers instances whose process died, and fires due timers.</summary>
    public async Task<StartupReport> StartAsync(CancellationToken cancellationToken = default)
    {
        await Store.InitializeAsync(cancellationToken);
        var recovered = await RecoverAsync(cancellationToken);
        var fired = await FireDueTimersAsync(cancellationToken);
        return new StartupReport(recovered, fired);
    }

    /// <summary>Reads and validates a definition; <c>RunWorkflow</c> targets must be published (or be itself).</summary>
    /// <exception cref="WorkflowValidationException">Every problem found.</exception>
    public async Task<WorkflowDefinition> ReadAsync(string json, string sourceName, CancellationToken cancellationToken = default)
    {
        var known = (await Store.ListDefinitionsAsync(cancellationToken)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return reader.Read(json, new DefinitionReaderOptions { SourceName = sourceName, WorkflowExists = known.Contains });
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
        if (definition.Version == 0)
        {
            throw new WorkflowException($"Workflow '{definition.Id}' is not published; publish it before running it.");
        }

        var execution = runner.Create(definition, input);
        await Store.InsertAsync(execution, Owner, cancellationToken);
        return await ContinueAsync(execution, cancellationToken);
    }

    /// <summary>Delivers a stimulus: resumes every matching bookmark and starts every workflow it triggers.</summary>
    public async Task<ResumeResult> ResumeAsync(Stimulus stimulus, CancellationToken cancellationToken = default)
    {
        // Timers fire through FireDueTimersAsync when due, never early by a stimulus that borrows their event name.
        var matches = stimulus.Event == Bookmark.TimerEvent
            ? []
            : await Store.FindBookmarksAsync(stimulus.Event, stimulus.Correlation, stimulus.InstanceId, cancellationToken);
        // A payload that a triggered workflow's inputs reject is bad input: refuse the stimulus
        // before anything is resumed, rather than apply half of it.
        var triggered = stimulus.InstanceId is null ? await Store.FindTriggeredAsync(stimulus.Event, cancellationToken) : [];
        foreach (var definition in triggered)
        {
            WorkflowInputs.Resolve(definition, stimulus.Payload as JsonObject);
        }

        var resumed = new List<RunResult>();
        var skipped = new List<string>();
        foreach (var group in matches.GroupBy(m => m.InstanceId))
        {
            var result = await ResumeBookmarksAsync(group.Key, group.Select(m => m.BookmarkId).ToHashSet(), stimulus.Payload, cancellationToken);
            if (result is null)
            {
                skipped.Add(group.Key);
            }
            else
            {
                resumed.Add(result);
            }
        }

        var started = new List<RunResult>();
        foreach (var definition in triggered)
        {
            started.Add(await RunAsync(definition, stimulus.Payload as JsonObject, cancellationToken));
        }

        return new ResumeResult(resumed, started, skipped);
    }

    /// <summary>Resumes timers that are due now.</summary>
    public async Task<IReadOnlyList<RunResult>> FireDueTimersAsync(CancellationToken cancellationToken = default)
    {
        var due = await Store.FindDueTimersAsync(runner.Time.GetUtcNow(), cancellationToken);
        var results = new List<RunResult>();
        foreach (var group in due.GroupBy(m => m.InstanceId))
        {
            if (await ResumeBookmarksAsync(group.Key, group.Select(m => m.BookmarkId).ToHashSet(), null, cancellationToken) is { } result)
            {
                results.Add(result);
            }
        }

        return results;
    }

    /// <summary>Finishes the instances left Running by processes that died, from their last persisted point.</summary>
    public async Task<IReadOnlyList<RunResult>> RecoverAsync(CancellationToken cancellationToken = default)
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

            var execution = await runner.RestoreAsync(stored, cancellationToken);
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
            results.Add(await ContinueAsync(execution, cancellationToken));
        }

        return results;
    }

    private async Task<RunResult?> ResumeBookmarksAsync(string instanceId, HashSet<int> bookmarkIds, JsonNode? payload, CancellationToken cancellationToken)
    {
        var stored = await Store.LoadAsync(instanceId, cancellationToken);
        if (stored is null || stored.Status != WorkflowStatus.Suspended)
        {
            return null;
        }

        var execution = await runner.RestoreAsync(stored, cancellationToken);
        var bookmarks = execution.Bookmarks.Where(b => bookmarkIds.Contains(b.Id)).ToList();
        if (bookmarks.Count == 0)
        {
            return null;
        }

        foreach (var bookmark in bookmarks)
        {
            runner.Resume(execution, bookmark, payload);
        }

        try
        {
            // Claims the instance: the stimulus is stored with it before anything runs, so a crash
            // from here on is recovered without losing the stimulus, and a second process that
            // tries the same bookmark is refused.
            await Store.SaveAsync(execution, Owner, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }

        return await ContinueAsync(execution, cancellationToken);
    }

    private async Task<RunResult> ContinueAsync(WorkflowExecution execution, CancellationToken cancellationToken)
    {
        await runner.RunAsync(execution, (e, ct) => new ValueTask(Store.SaveAsync(e, Owner, ct)), cancellationToken);
        await Store.SaveAsync(execution, Owner, cancellationToken);
        foreach (var timer in execution.Bookmarks.Where(b => b.IsTimer))
        {
            await timers.ScheduleAsync(execution.InstanceId, timer, cancellationToken);
        }

        return RunResult.From(execution);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovered instance {InstanceId} left running by {Owner}")]
    private static partial void LogRecovered(ILogger logger, string instanceId, string? owner);
}
