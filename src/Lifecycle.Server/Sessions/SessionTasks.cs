using System.Text.Json.Nodes;
using Lifecycle.Activities;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// The task use cases. Tasks belong to the last session that began: the ACTIVE one, or between
/// sessions the one the next start carries over from. Each change is recorded as an event.
/// </summary>
public sealed class SessionTasks(
    ISessionStore sessions,
    EventWriter writer,
    SessionStoreAccess access,
    SessionCheckpoints checkpoints,
    TimeProvider time)
{
    /// <summary>How many times a change is tried against sessions other processes keep saving.</summary>
    private const int Attempts = 25;

    public Task<TaskChange> AddAsync(string title, int priority, CancellationToken cancellationToken) =>
        ChangeAsync(SessionEventTypes.TaskAdded, session =>
        {
            var task = TaskBoard.Add(session.Tasks, title, priority, session.TaskNumbersUsed);
            session.TaskNumbersUsed = Math.Max(session.TaskNumbersUsed, TaskBoard.HighestNumber(session.Tasks));
            return task;
        }, cancellationToken);

    /// <summary>Adds a task given to <paramref name="assignee"/> from the start (one task_added event, naming the assignee).</summary>
    public Task<TaskChange> AddAsync(string title, int priority, string? assignee, CancellationToken cancellationToken) =>
        ChangeAsync(SessionEventTypes.TaskAdded, session =>
        {
            var task = TaskBoard.Add(session.Tasks, title, priority, session.TaskNumbersUsed);
            session.TaskNumbersUsed = Math.Max(session.TaskNumbersUsed, TaskBoard.HighestNumber(session.Tasks));
            return TaskBoard.Assign(session.Tasks, task.Id, assignee);
        }, cancellationToken);

    /// <summary>Gives a task to <paramref name="assignee"/>, or takes it back when null (a task_assigned event either way).</summary>
    public Task<TaskChange> AssignAsync(string id, string? assignee, CancellationToken cancellationToken) =>
        ChangeAsync(SessionEventTypes.TaskAssigned, session => TaskBoard.Assign(session.Tasks, id, assignee), cancellationToken);

    public Task<TaskChange> CompleteAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(SessionEventTypes.TaskCompleted, session => TaskBoard.Done(session.Tasks, id), cancellationToken);

    public Task<TaskChange> BlockAsync(string id, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(SessionEventTypes.TaskBlocked, session => TaskBoard.Block(session.Tasks, id, reason), cancellationToken);

    public Task<TaskChange> EditAsync(string id, string? title, int? priority, CancellationToken cancellationToken) =>
        ChangeAsync(SessionEventTypes.TaskEdited, session => TaskBoard.Edit(session.Tasks, id, title, priority), cancellationToken);

    /// <summary>Reopens a done task: one of the current tasks, or one done in an earlier session, which comes back open.</summary>
    public async Task<TaskChange> ReopenAsync(string id, CancellationToken cancellationToken)
    {
        var earlier = await DoneEarlierAsync(id, cancellationToken);
        return await ChangeAsync(SessionEventTypes.TaskReopened, session =>
        {
            if (earlier is not null && !session.Tasks.Any(t => string.Equals(t.Id, earlier.Task.Id, StringComparison.OrdinalIgnoreCase)))
            {
                var reopened = earlier.Task with { Status = SessionTaskStatus.Open, BlockedReason = null };
                session.Tasks.Add(reopened);
                return reopened;
            }

            return TaskBoard.Reopen(session.Tasks, id);
        }, cancellationToken);
    }

    public Task<TaskChange> RemoveAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(SessionEventTypes.TaskRemoved, session => TaskBoard.Remove(session.Tasks, id), cancellationToken);

    /// <summary>The current tasks; with <paramref name="all"/>, also those done in earlier sessions.</summary>
    public async Task<TaskListing> ListAsync(bool all, CancellationToken cancellationToken)
    {
        var session = await access.ForTasksAsync(cancellationToken, toChange: false);
        var listed = new List<ListedTask>([.. session.OpenTasks.Concat(session.CompletedTasks).Select(t => new ListedTask(session.SessionId, t))]);
        if (all)
        {
            var shown = listed.Select(t => t.Task.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var earlier in (await sessions.ListAsync(cancellationToken)).Where(s => string.CompareOrdinal(s.SessionId, session.SessionId) < 0).Reverse())
            {
                foreach (var done in earlier.CompletedTasks.Where(t => shown.Add(t.Id)))
                {
                    listed.Add(new ListedTask(earlier.SessionId, done));
                }
            }
        }

        return new TaskListing(session.SessionId, listed);
    }

    /// <summary>The task with <paramref name="id"/> done in a session before the one tasks belong to now; null when there is none.</summary>
    private async Task<ListedTask?> DoneEarlierAsync(string id, CancellationToken cancellationToken)
    {
        var listing = await ListAsync(all: true, cancellationToken);
        return listing.Tasks.FirstOrDefault(t => t.SessionId != listing.SessionId && string.Equals(t.Task.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    private async Task<TaskChange> ChangeAsync(string kind, Func<SessionContext, SessionTask> change, CancellationToken cancellationToken)
    {
        try
        {
            return await ChangeOnceAsync(kind, change, cancellationToken);
        }
        catch (SessionException missing) when (missing.Kind == ErrorKind.NotFound && missing.Data["id"] is string)
        {
            if (await DoneEarlierAsync((string)missing.Data["id"]!, cancellationToken) is not { } earlier)
            {
                throw;
            }

            throw new SessionException(
                $"Task {earlier.Task.Id} was done in session {earlier.SessionId}; bring it back with 'lifecycle task reopen {earlier.Task.Id}' first.",
                ErrorKind.InvalidInput, missing);
        }
    }

    private async Task<TaskChange> ChangeOnceAsync(string kind, Func<SessionContext, SessionTask> change, CancellationToken cancellationToken)
    {
        SessionContext session;
        SessionTask task;

        // Another process saving the session in between (a parallel 'task add', a hook's event)
        // makes the save refuse rather than overwrite; the change is then made again on what it saved.
        for (var attempt = 1; ; attempt++)
        {
            session = await access.ForTasksAsync(cancellationToken);
            task = change(session);
            KeepBlockers(session, kind, task);
            try
            {
                await sessions.SaveAsync(session, cancellationToken);
                break;
            }
            catch (SessionConflictException) when (attempt < Attempts)
            {
                // Read again and redo.
            }
        }

        // The writer appends the event's log line.
        await writer.AppendAsync(new SessionEvent(session.SessionId, kind, time.GetUtcNow(), Details(kind, task)), cancellationToken);
        await checkpoints.FollowAsync(session, cancellationToken);
        return new TaskChange(kind, session.SessionId, session.State, task);
    }

    /// <summary>A blocked task is a blocker of the session until it is unblocked, done or removed.</summary>
    private static void KeepBlockers(SessionContext session, string kind, SessionTask task)
    {
        var blocker = $"{task.Id}: ";
        session.Blockers.RemoveAll(b => b.StartsWith(blocker, StringComparison.Ordinal));
        if (kind != SessionEventTypes.TaskRemoved && task is { Status: SessionTaskStatus.Blocked, BlockedReason: { } reason })
        {
            session.Blockers.Add(blocker + reason);
        }
    }

    private static JsonObject Details(string kind, SessionTask task)
    {
        var details = new JsonObject { ["task"] = task.Id, ["title"] = task.Title, ["priority"] = task.Priority };
        if (kind == SessionEventTypes.TaskBlocked)
        {
            details["reason"] = task.BlockedReason;
        }

        if (kind == SessionEventTypes.TaskAssigned || task.Assignee is not null && kind == SessionEventTypes.TaskAdded)
        {
            details["assignee"] = task.Assignee;
        }

        return details;
    }
}
