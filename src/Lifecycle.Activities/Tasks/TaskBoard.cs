using System.Globalization;

namespace Lifecycle.Activities.Tasks;

/// <summary>The operations on a session's tasks, with the errors a user can cause (exit 2).</summary>
public static class TaskBoard
{
    /// <summary>Adds an open task with the next free id.</summary>
    public static SessionTask Add(List<SessionTask> tasks, string title, int priority = SessionTask.DefaultPriority)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new SessionException("A task needs a title, e.g. lifecycle task add \"Write the handoff template\".", ErrorKind.InvalidInput);
        }

        if (priority is < 1 or > 5)
        {
            throw new SessionException($"Priority {priority} is out of range; use 1 (highest) to 5.", ErrorKind.InvalidInput);
        }

        var next = tasks.Select(t => int.TryParse(t.Id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max() + 1;
        var task = new SessionTask($"T{next}", title.Trim(), priority);
        tasks.Add(task);
        return task;
    }

    /// <summary>Marks a task done; doing so twice is refused.</summary>
    public static SessionTask Done(List<SessionTask> tasks, string id)
    {
        var (index, task) = Find(tasks, id);
        if (task.Status == SessionTaskStatus.Done)
        {
            throw new SessionException($"Task {task.Id} is already done.", ErrorKind.InvalidInput);
        }

        return tasks[index] = task with { Status = SessionTaskStatus.Done, BlockedReason = null };
    }

    /// <summary>Marks a task blocked, with the reason (which becomes a blocker of the session).</summary>
    public static SessionTask Block(List<SessionTask> tasks, string id, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new SessionException($"Say why task {id} is blocked: lifecycle task block {id} --reason \"waiting for the API key\".", ErrorKind.InvalidInput);
        }

        var (index, task) = Find(tasks, id);
        if (task.Status == SessionTaskStatus.Done)
        {
            throw new SessionException($"Task {task.Id} is done; a done task cannot be blocked.", ErrorKind.InvalidInput);
        }

        return tasks[index] = task with { Status = SessionTaskStatus.Blocked, BlockedReason = reason.Trim() };
    }

    /// <summary>Open tasks, highest priority first, then in the order they were added.</summary>
    public static IEnumerable<SessionTask> ByPriority(IEnumerable<SessionTask> tasks) =>
        tasks.Select((task, order) => (task, order)).OrderBy(p => p.task.Priority).ThenBy(p => p.order).Select(p => p.task);

    private static (int Index, SessionTask Task) Find(List<SessionTask> tasks, string id)
    {
        var index = tasks.FindIndex(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));
        return index >= 0
            ? (index, tasks[index])
            : throw new SessionException(
                $"No task has id '{id}'. {(tasks.Count == 0 ? "There are no tasks yet." : $"Tasks: {string.Join(", ", tasks.Select(t => t.Id))}.")} See 'lifecycle task list'.",
                ErrorKind.NotFound);
    }
}
