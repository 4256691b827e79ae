using System.Globalization;

namespace Lifecycle.Activities.Tasks;

/// <summary>The operations on a session's tasks, with the errors a user can cause (exit 2).</summary>
public static class TaskBoard
{
    /// <summary>Adds an open task with the next free id.</summary>
    /// <param name="tasks">The session's tasks.</param>
    /// <param name="title">What to do.</param>
    /// <param name="priority">1 (highest) to 5.</param>
    /// <param name="usedBefore">The highest task number any session used so far: ids are never reused, even after tasks done in earlier sessions.</param>
    public static SessionTask Add(List<SessionTask> tasks, string title, int priority = SessionTask.DefaultPriority, int usedBefore = 0)
    {
        var text = CheckTitle(title);
        CheckPriority(priority);
        var task = new SessionTask($"T{Math.Max(HighestNumber(tasks), usedBefore) + 1}", text, priority);
        tasks.Add(task);
        return task;
    }

    /// <summary>The highest number among the tasks' ids (T7 is 7); 0 when there are none.</summary>
    public static int HighestNumber(IEnumerable<SessionTask> tasks) =>
        tasks.Select(t => int.TryParse(t.Id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max();

    /// <summary>Changes a task's title and/or priority.</summary>
    public static SessionTask Edit(List<SessionTask> tasks, string id, string? title, int? priority)
    {
        if (title is null && priority is null)
        {
            throw new SessionException($"Say what to change: lifecycle task edit {id} --title \"new title\" and/or --priority 1.", ErrorKind.InvalidInput);
        }

        var text = title is null ? null : CheckTitle(title);
        if (priority is { } p)
        {
            CheckPriority(p);
        }

        var (index, task) = Find(tasks, id);
        return tasks[index] = task with { Title = text ?? task.Title, Priority = priority ?? task.Priority };
    }

    /// <summary>Opens a done or blocked task again.</summary>
    public static SessionTask Reopen(List<SessionTask> tasks, string id)
    {
        var (index, task) = Find(tasks, id);
        if (task.Status == SessionTaskStatus.Open)
        {
            throw new SessionException($"Task {task.Id} is already open.", ErrorKind.InvalidInput);
        }

        return tasks[index] = task with { Status = SessionTaskStatus.Open, BlockedReason = null };
    }

    /// <summary>Removes a task (added by mistake); returns it.</summary>
    public static SessionTask Remove(List<SessionTask> tasks, string id)
    {
        var (index, task) = Find(tasks, id);
        tasks.RemoveAt(index);
        return task;
    }

    /// <summary>The task with <paramref name="id"/> (any case), or a not-found error listing the ids there are.</summary>
    public static SessionTask Get(List<SessionTask> tasks, string id) => Find(tasks, id).Task;

    private static string CheckTitle(string title) =>
        string.IsNullOrWhiteSpace(title)
            ? throw new SessionException("A task needs a title, e.g. lifecycle task add \"Write the handoff template\".", ErrorKind.InvalidInput)
            : title.Trim();

    private static void CheckPriority(int priority)
    {
        if (priority is < 1 or > 5)
        {
            throw new SessionException($"Priority {priority} is out of range; use 1 (highest) to 5.", ErrorKind.InvalidInput);
        }
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

    /// <summary>Gives a task to <paramref name="assignee"/> (a person or an agent); null or blank takes it back (anyone may do it).</summary>
    public static SessionTask Assign(List<SessionTask> tasks, string id, string? assignee)
    {
        var (index, task) = Find(tasks, id);
        var who = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim();
        if (who is not null && (who.Length > 200 || who.Contains('\n')))
        {
            throw new SessionException($"An assignee is one name of at most 200 characters (a person's name or email, or an agent's name), not '{who[..Math.Min(40, who.Length)]}…'.", ErrorKind.InvalidInput);
        }

        return tasks[index] = task with { Assignee = who };
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
                ErrorKind.NotFound) { Data = { ["id"] = id } };
    }
}
