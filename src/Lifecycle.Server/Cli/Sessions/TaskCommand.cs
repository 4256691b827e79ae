using System.CommandLine;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;
using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary><c>task add|done|block|edit|reopen|remove|list</c>: the session's tasks (carried to the next one until done).</summary>
public static class TaskCommand
{
    public static Command Build(TextWriter output, TextWriter error) =>
        new("task", "Add, complete, block, edit, reopen, remove and list the session's tasks")
        {
            Add(output, error), Done(output, error), Block(output, error), Edit(output, error), Reopen(output, error), Remove(output, error), List(output, error),
            Assign(output, error), Unassign(output, error),
        };

    private static Command Add(TextWriter output, TextWriter error)
    {
        var title = new Argument<string>("title") { Description = "What to do" };
        var priority = new Option<int>("--priority") { Description = "1 (highest) to 5", DefaultValueFactory = _ => SessionTask.DefaultPriority, CustomParser = result => ParsePriority(result) ?? SessionTask.DefaultPriority };
        var assignee = new Option<string?>("--assignee") { Description = "Who is to do it: a person's name or email, or an agent's name" };
        return new Command("add", "Add a task") { title, priority, assignee }.Handle(output, error, async (context, ct) =>
            Print(context, "Added", PersonName.Check(context.Parse.GetValue(assignee), "--assignee", "; leave --assignee out for a task anyone may take") is { } who
                ? await context.Sessions.AddTaskAsync(context.Parse.GetValue(title)!, context.Parse.GetValue(priority), who, ct)
                : await context.Sessions.AddTaskAsync(context.Parse.GetValue(title)!, context.Parse.GetValue(priority), ct)));
    }

    private static Command Done(TextWriter output, TextWriter error)
    {
        var id = TaskId();
        return new Command("done", "Mark a task done") { id }.Handle(output, error, async (context, ct) =>
            Print(context, "Done", await context.Sessions.CompleteTaskAsync(context.Parse.GetValue(id)!, ct)));
    }

    private static Command Block(TextWriter output, TextWriter error)
    {
        var id = TaskId();
        var reason = new Option<string>("--reason") { Description = "Why it is blocked", Required = true };
        return new Command("block", "Mark a task blocked, with the reason") { id, reason }.Handle(output, error, async (context, ct) =>
            Print(context, "Blocked", await context.Sessions.BlockTaskAsync(context.Parse.GetValue(id)!, context.Parse.GetValue(reason)!, ct)));
    }

    private static Command Edit(TextWriter output, TextWriter error)
    {
        var id = TaskId();
        var title = new Option<string?>("--title") { Description = "The new title" };
        var priority = new Option<int?>("--priority") { Description = "The new priority, 1 (highest) to 5", CustomParser = ParsePriority };
        return new Command("edit", "Change a task's title or priority") { id, title, priority }.Handle(output, error, async (context, ct) =>
            Print(context, "Edited", await context.Sessions.EditTaskAsync(context.Parse.GetValue(id)!, context.Parse.GetValue(title), context.Parse.GetValue(priority), ct)));
    }

    private static Command Reopen(TextWriter output, TextWriter error)
    {
        var id = TaskId();
        return new Command("reopen", "Open a done or blocked task again") { id }.Handle(output, error, async (context, ct) =>
            Print(context, "Reopened", await context.Sessions.ReopenTaskAsync(context.Parse.GetValue(id)!, ct)));
    }

    private static Command Remove(TextWriter output, TextWriter error)
    {
        var id = TaskId();
        return new Command("remove", "Remove a task added by mistake") { id }.Handle(output, error, async (context, ct) =>
            Print(context, "Removed", await context.Sessions.RemoveTaskAsync(context.Parse.GetValue(id)!, ct)));
    }

    private static Command List(TextWriter output, TextWriter error)
    {
        var all = new Option<bool>("--all") { Description = "Also list the tasks done in earlier sessions" };
        return new Command("list", "List the session's tasks, open ones first by priority") { all }.Handle(output, error, async (context, ct) =>
        {
            var listing = await context.Sessions.ListTasksAsync(context.Parse.GetValue(all), ct);
            if (context.Json)
            {
                context.WriteJson(new
                {
                    sessionId = listing.SessionId,
                    tasks = listing.Tasks.Where(t => t.SessionId == listing.SessionId).Select(t => t.Task),
                    earlier = listing.Tasks.Where(t => t.SessionId != listing.SessionId).Select(t => new { sessionId = t.SessionId, task = t.Task }),
                });
                return ExitCodes.Ok;
            }

            if (listing.Tasks.Count == 0)
            {
                context.Out.WriteLine($"Session {listing.SessionId} has no tasks. Add one with 'lifecycle task add \"...\"'.");
                return ExitCodes.Ok;
            }

            // The ASSIGNEE column only when a task has one, so a team that does not assign sees the table it knew.
            var assigned = listing.Tasks.Any(t => t.Task.Assignee is not null);
            var table = assigned ? new TextTable("ID", "PRIORITY", "STATUS", "ASSIGNEE", "TITLE") : new TextTable("ID", "PRIORITY", "STATUS", "TITLE");
            foreach (var (sessionId, task) in listing.Tasks)
            {
                var status = task.Status switch
                {
                    SessionTaskStatus.Done => sessionId == listing.SessionId ? "done" : $"done in {sessionId}",
                    SessionTaskStatus.Blocked => $"blocked: {task.BlockedReason}",
                    _ => "open",
                };
                table.Add(assigned ? [task.Id, task.Priority.ToString(), status, task.Assignee ?? "-", task.Title] : [task.Id, task.Priority.ToString(), status, task.Title]);
            }

            table.WriteTo(context);
            return ExitCodes.Ok;
        });
    }

    private static Command Assign(TextWriter output, TextWriter error)
    {
        var id = TaskId();
        var name = new Argument<string>("name") { Description = "Who is to do it: a person's name or email, or an agent's name" };
        return new Command("assign", "Give a task to someone (a person or an agent)") { id, name }.Handle(output, error, async (context, ct) =>
            Print(context, "Assigned", await context.Sessions.AssignTaskAsync(context.Parse.GetValue(id)!,
                PersonName.Check(context.Parse.GetValue(name)!, "The name", "; 'lifecycle task unassign ID' takes a task back")!, ct)));
    }

    private static Command Unassign(TextWriter output, TextWriter error)
    {
        var id = TaskId();
        return new Command("unassign", "Take a task back from its assignee (anyone may do it)") { id }.Handle(output, error, async (context, ct) =>
            Print(context, "Unassigned", await context.Sessions.AssignTaskAsync(context.Parse.GetValue(id)!, null, ct)));
    }

    private static Argument<string> TaskId() => new("id") { Description = "The task id, e.g. T3" };

    private static int Print(CommandContext context, string verb, TaskChange change)
    {
        var task = change.Task;
        if (context.Json)
        {
            context.WriteJson(new { sessionId = change.SessionId, task });
            return ExitCodes.Ok;
        }

        context.Out.WriteLine($"{verb} {task.Id}: {task.Title}{(task.BlockedReason is null ? "" : $" (blocked: {task.BlockedReason})")}{(task.Assignee is null ? "" : $" (for {task.Assignee})")}");
        if (change.SessionState != SessionState.Active)
        {
            context.Out.WriteLine(change.SessionState == SessionState.Closing
                ? $"Session {change.SessionId} is still closing (its end did not finish): its open tasks carry over to the next 'lifecycle start'."
                : $"Session {change.SessionId} is closed: its open tasks carry over to the next 'lifecycle start'.");
        }

        return ExitCodes.Ok;
    }

    /// <summary>A priority as typed; anything but a whole number is reported in words, not as a .NET type name.</summary>
    private static int? ParsePriority(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"--priority takes a whole number from 1 (highest) to 5, not '{text}'.");
        return null;
    }
}
