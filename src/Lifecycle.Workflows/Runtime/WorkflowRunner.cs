using System.Text.Json.Nodes;
using Lifecycle.Workflows.Activities;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Expressions;
using Lifecycle.Workflows.Journal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lifecycle.Workflows.Runtime;

/// <summary>
/// Executes instances in memory: pops work items, calls activities, propagates completions and
/// faults, and settles the instance as Finished, Suspended or Faulted. Persistence is the
/// caller, through the checkpoint callback.
/// </summary>
public sealed partial class WorkflowRunner(
    TimeProvider time,
    WorkflowRunnerOptions? options = null,
    IDefinitionSource? definitions = null,
    IEnumerable<IJournalObserver>? observers = null,
    ILogger<WorkflowRunner>? logger = null)
{
    private readonly WorkflowRunnerOptions _options = options ?? new WorkflowRunnerOptions();
    private readonly IJournalObserver[] _observers = observers?.ToArray() ?? [];
    private readonly ILogger _logger = logger ?? NullLogger<WorkflowRunner>.Instance;

    public TimeProvider Time { get; } = time;

    /// <summary>Creates a new instance of <paramref name="definition"/>, ready to run.</summary>
    /// <exception cref="WorkflowInputException">The input does not match the declared inputs.</exception>
    public WorkflowExecution Create(WorkflowDefinition definition, JsonObject? input, string? instanceId = null)
    {
        var resolved = WorkflowInputs.Resolve(definition, input);
        var execution = new WorkflowExecution(instanceId ?? Guid.CreateVersion7(Time.GetUtcNow()).ToString("N"), definition,
            new ScriptHost(_options.Expressions), Time.GetUtcNow());
        var scope = NewScope(execution, 0, definition, ownerFrameId: null, resolved, definition.Variables);
        Schedule(execution, definition.Root, parentId: null, scope.Id);
        return execution;
    }

    /// <summary>Queues the resumption of <paramref name="bookmark"/> with <paramref name="payload"/>.</summary>
    public void Resume(WorkflowExecution execution, Bookmark bookmark, JsonNode? payload)
    {
        if (!execution.BookmarkList.Remove(bookmark))
        {
            throw new WorkflowException($"Instance {execution.InstanceId} holds no bookmark {bookmark.Id}.");
        }

        execution.Queue.AddLast(new WorkItem(WorkKind.Resume, bookmark.FrameId, Payload: payload?.DeepClone()));
        execution.Status = WorkflowStatus.Running;
    }

    /// <summary>Records that the process running the instance died, before recovery runs it again.</summary>
    public void MarkInterrupted(WorkflowExecution execution, string reason)
    {
        foreach (var item in execution.Queue)
        {
            if (execution.Frames.TryGetValue(item.FrameId, out var frame))
            {
                Record(execution, frame, JournalEvent.Interrupted, reason);
                Record(execution, frame, JournalEvent.Resumed, "Resumed from the last persisted point.");
            }
        }
    }

    /// <summary>
    /// Runs until nothing is left to do now. <paramref name="checkpoint"/> is called after each
    /// completed activity when the definition asks for <see cref="PersistenceMode.EveryActivity"/>.
    /// </summary>
    /// <param name="execution">The instance.</param>
    /// <param name="checkpoint">Persists the instance as it stands.</param>
    /// <param name="cancellationToken">Cancels at once, inside activities too.</param>
    /// <param name="stop">
    /// Stops between two activities: the instance is checkpointed as it stands (when a checkpoint
    /// is given) and <see cref="Hosting.WorkflowStoppedException"/> is thrown.
    /// </param>
    public async ValueTask RunAsync(
        WorkflowExecution execution,
        Func<WorkflowExecution, CancellationToken, ValueTask>? checkpoint = null,
        CancellationToken cancellationToken = default,
        CancellationToken stop = default)
    {
        execution.Status = WorkflowStatus.Running;
        var everyActivity = checkpoint is not null && execution.Definition.Persistence == PersistenceMode.EveryActivity;
        while (true)
        {
            while (execution.Status == WorkflowStatus.Running && execution.Queue.First is { } next)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (stop.IsCancellationRequested)
                {
                    // Between two activities the instance is whole: persist it as it stands.
                    if (checkpoint is not null)
                    {
                        execution.UpdatedAt = Time.GetUtcNow();
                        await checkpoint(execution, cancellationToken);
                    }

                    throw new Hosting.WorkflowStoppedException(execution.InstanceId, execution.Definition.Id);
                }

                execution.Queue.RemoveFirst();
                if (!execution.Frames.TryGetValue(next.Value.FrameId, out var frame))
                {
                    continue;
                }

                var completed = await DispatchAsync(execution, frame, next.Value, cancellationToken);
                if (completed && everyActivity && execution.Status == WorkflowStatus.Running)
                {
                    execution.UpdatedAt = Time.GetUtcNow();
                    await checkpoint!(execution, cancellationToken);
                }
            }

            if (execution.Status != WorkflowStatus.Running || !ResumeDueTimers(execution))
            {
                break;
            }
        }

        Settle(execution);
    }

    private async ValueTask<bool> DispatchAsync(WorkflowExecution execution, ActivityFrame frame, WorkItem item, CancellationToken cancellationToken)
    {
        var context = new ActivityContext(this, execution, frame, cancellationToken);
        var activity = frame.Activity;
        try
        {
            switch (item.Kind)
            {
                case WorkKind.Execute:
                    Record(execution, frame, JournalEvent.Started);
                    await activity.ExecuteAsync(context);
                    break;
                case WorkKind.ChildCompleted:
                    var child = execution.Scopes[item.ChildScopeId].Definition.ByPath[item.ChildPath!];
                    await activity.OnChildCompletedAsync(context, child);
                    break;
                default:
                    Record(execution, frame, JournalEvent.Resumed, null, item.Payload);
                    await activity.OnResumeAsync(context, item.Payload);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await FaultAsync(execution, frame, ex, cancellationToken);
            return true;
        }

        if (context.Completed && execution.Frames.ContainsKey(frame.Id))
        {
            CompleteFrame(execution, frame, context.CompletionMessage);
            return true;
        }

        return false;
    }

    internal void Schedule(WorkflowExecution execution, Activity activity, int? parentId, int scopeId)
    {
        var frame = new ActivityFrame(execution.NextFrameId++, parentId, scopeId, activity);
        execution.Frames.Add(frame.Id, frame);
        execution.Queue.AddLast(new WorkItem(WorkKind.Execute, frame.Id));
        Record(execution, frame, JournalEvent.Scheduled);
    }

    internal void CreateBookmark(WorkflowExecution execution, ActivityFrame frame, string eventName, string? correlation, DateTimeOffset? dueAt)
    {
        var bookmark = new Bookmark(execution.NextBookmarkId++, frame.Id, eventName, correlation, dueAt, JournalId(execution, frame));
        execution.BookmarkList.Add(bookmark);
        var message = dueAt is { } due ? $"Waiting until {due:O}" :
            correlation is null ? $"Waiting for event '{eventName}'" : $"Waiting for event '{eventName}' with correlation '{correlation}'";
        Record(execution, frame, JournalEvent.Suspended, message);
    }

    private void CompleteFrame(WorkflowExecution execution, ActivityFrame frame, string? message)
    {
        Record(execution, frame, JournalEvent.Completed, message, InputsAndOutputs(frame));
        RemoveFrame(execution, frame);
        if (frame.ParentId is { } parentId)
        {
            execution.Queue.AddLast(new WorkItem(WorkKind.ChildCompleted, parentId, frame.Activity.Path, frame.ScopeId));
        }
        else
        {
            End(execution, WorkflowStatus.Finished);
        }
    }

    internal void FinishScope(WorkflowExecution execution, ActivityFrame frame)
    {
        Record(execution, frame, JournalEvent.Completed, "Finished the workflow.");
        var scope = execution.Scopes[frame.ScopeId];
        if (scope.OwnerFrameId is not { } ownerId)
        {
            End(execution, WorkflowStatus.Finished);
            return;
        }

        RemoveDescendants(execution, ownerId);
        execution.Queue.AddLast(new WorkItem(WorkKind.ChildCompleted, ownerId, scope.Definition.Root.Path, scope.Id));
    }

    private void End(WorkflowExecution execution, WorkflowStatus status)
    {
        execution.Status = status;
        execution.FinishedAt = Time.GetUtcNow();
        execution.UpdatedAt = execution.FinishedAt.Value;
        execution.Frames.Clear();
        execution.Queue.Clear();
        execution.BookmarkList.Clear();
        foreach (var id in execution.Scopes.Keys.Where(id => id != 0).ToList())
        {
            execution.Scopes.Remove(id);
        }
    }

    private void Settle(WorkflowExecution execution)
    {
        execution.UpdatedAt = Time.GetUtcNow();
        if (execution.Status != WorkflowStatus.Running)
        {
            return;
        }

        if (execution.BookmarkList.Count > 0)
        {
            execution.Status = WorkflowStatus.Suspended;
            return;
        }

        // The activity that stalled is a leaf: each of its ancestors is only waiting for a child.
        var stuck = execution.Frames.Values.FirstOrDefault(f => !execution.Frames.Values.Any(c => c.ParentId == f.Id));
        var stuckId = stuck is null ? "$.root" : JournalId(execution, stuck);
        execution.Fault = new WorkflowFault(
            $"{stuck?.Activity.Type} '{stuckId}' neither completed nor waits on anything; the workflow cannot go on.",
            stuckId, stuck?.Activity.Type ?? "");
        if (stuck is not null)
        {
            Record(execution, stuck, JournalEvent.Faulted, execution.Fault.Message);
        }

        End(execution, WorkflowStatus.Faulted);
    }

    private bool ResumeDueTimers(WorkflowExecution execution)
    {
        var now = Time.GetUtcNow();
        var due = execution.BookmarkList.Where(b => b.IsTimer && b.DueAt <= now).ToList();
        foreach (var bookmark in due)
        {
            Resume(execution, bookmark, payload: null);
        }

        return due.Count > 0;
    }

}
