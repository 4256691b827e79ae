using System.CommandLine;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary><c>task add|done|block|list</c>: the tasks of the current session (carried to the next one until done).</summary>
public static class TaskCommand
{
    public static Command Build(TextWriter output, TextWriter error) =>
        new("task", "Add, complete, block and list the session's tasks")
        {
            Add(output, error), Done(output, error), Block(output, error), List(output, error),
        };

    private static Command Add(TextWriter output, TextWriter error)
    {
        var title = new Argument<string>("title") { Description = "What to do" };
        var priority = new Option<int>("--priority") { Description = "1 (highest) to 5", DefaultValueFactory = _ => SessionTask.DefaultPriority };
        return new Command("add", "Add a task") { title, priority }.Handle(output, error, (context, ct) =>
            Change(context, ct, tasks => TaskBoard.Add(tasks, context.Parse.GetValue(title)!, context.Parse.GetValue(priority)), "Added"));
    }

    private static Command Done(TextWriter output, TextWriter error)
    {
        var id = new Argument<string>("id") { Description = "The task id, e.g. T3" };
        return new Command("done", "Mark a task done") { id }.Handle(output, error, (context, ct) =>
            Change(context, ct, tasks => TaskBoard.Done(tasks, context.Parse.GetValue(id)!), "Done"));
    }

    private static Command Block(TextWriter output, TextWriter error)
    {
        var id = new Argument<string>("id") { Description = "The task id, e.g. T3" };
        var reason = new Option<string>("--reason") { Description = "Why it is blocked", Required = true };
        return new Command("block", "Mark a task blocked, with the reason") { id, reason }.Handle(output, error, (context, ct) =>
            Change(context, ct, tasks => TaskBoard.Block(tasks, context.Parse.GetValue(id)!, context.Parse.GetValue(reason)!), "Blocked"));
    }

    private static Command List(TextWriter output, TextWriter error) =>
        new Command("list", "List the session's tasks, open ones first by priority").Handle(output, error, async (context, ct) =>
        {
            var session = await CurrentSession.ForTasksAsync(context, CurrentSession.Store(context), ct);
            var tasks = session.OpenTasks.Concat(session.CompletedTasks).ToList();
            if (context.Json)
            {
                context.WriteJson(new { sessionId = session.SessionId, tasks });
                return ExitCodes.Ok;
            }

            if (tasks.Count == 0)
            {
                context.Out.WriteLine($"Session {session.SessionId} has no tasks. Add one with 'lifecycle task add \"...\"'.");
                return ExitCodes.Ok;
            }

            var table = new TextTable("ID", "PRIORITY", "STATUS", "TITLE");
            foreach (var task in tasks)
            {
                var status = task.Status switch
                {
                    SessionTaskStatus.Done => "done",
                    SessionTaskStatus.Blocked => $"blocked: {task.BlockedReason}",
                    _ => "open",
                };
                table.Add(task.Id, task.Priority.ToString(), status, task.Title);
            }

            table.WriteTo(context.Out);
            return ExitCodes.Ok;
        });

    /// <summary>How many times a task change is tried against sessions other processes keep saving.</summary>
    private const int ChangeAttempts = 25;

    private static async Task<int> Change(CommandContext context, CancellationToken cancellationToken, Func<List<SessionTask>, SessionTask> change, string verb)
    {
        var store = CurrentSession.Store(context);
        SessionContext session;
        SessionTask task;

        // Another process saving the session in between (a parallel 'task add', a hook's event)
        // makes the save refuse rather than overwrite; the change is then made again on what it saved.
        for (var attempt = 1; ; attempt++)
        {
            session = await CurrentSession.ForTasksAsync(context, store, cancellationToken);
            task = change(session.Tasks);
            if (task.Status == SessionTaskStatus.Blocked && task.BlockedReason is { } reason)
            {
                // A blocked task is a blocker of the session until it is unblocked or done.
                var blocker = $"{task.Id}: {reason}";
                if (!session.Blockers.Contains(blocker))
                {
                    session.Blockers.Add(blocker);
                }
            }
            else if (task.Status == SessionTaskStatus.Done)
            {
                session.Blockers.RemoveAll(b => b.StartsWith($"{task.Id}: ", StringComparison.Ordinal));
            }

            try
            {
                await store.SaveAsync(session, cancellationToken);
                break;
            }
            catch (SessionConflictException) when (attempt < ChangeAttempts)
            {
                // Read again and redo.
            }
        }

        if (task.Status == SessionTaskStatus.Done && session.State == SessionState.Active)
        {
            await store.AppendEventAsync(new SessionEvent(session.SessionId, SessionEventTypes.TaskCompleted, TimeProvider.System.GetUtcNow(),
                new System.Text.Json.Nodes.JsonObject { ["task"] = task.Id }), cancellationToken);
        }

        if (context.Json)
        {
            context.WriteJson(new { sessionId = session.SessionId, task });
        }
        else
        {
            context.Out.WriteLine($"{verb} {task.Id}: {task.Title}{(task.BlockedReason is null ? "" : $" (blocked: {task.BlockedReason})")}");
            if (session.State != SessionState.Active)
            {
                context.Out.WriteLine(session.State == SessionState.Closing
                    ? $"Session {session.SessionId} is still closing (its end did not finish): its open tasks carry over to the next 'lifecycle start'."
                    : $"Session {session.SessionId} is closed: its open tasks carry over to the next 'lifecycle start'.");
            }
        }

        return ExitCodes.Ok;
    }
}
