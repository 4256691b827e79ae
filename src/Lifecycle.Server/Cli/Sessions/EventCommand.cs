using System.CommandLine;
using System.Text.Json.Nodes;
using Lifecycle.Activities;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary>
/// <c>event TYPE</c>: records something that happened in the active session (used by agents and
/// older git hooks). Without an active session nothing is recorded and the exit code is still 0,
/// so hooks never disturb git (when the database was lost while <c>.lifecycle/state.json</c> holds a
/// session, a call from a hook records nothing with a note and exit 0, any other is refused, exit 4,
/// saying to run <c>lifecycle recover</c>); an event that names a task, commit or error that does not exist is
/// refused (exit 2).
/// </summary>
public static class EventCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var type = new Argument<string>("type") { Description = $"One of: {string.Join(", ", SessionEventTypes.Recordable)}" };
        var path = new Option<string?>("--path") { Description = "The file (file_modified)" };
        var sha = new Option<string?>("--sha") { Description = "The commit (git_commit; default HEAD)" };
        var task = new Option<string?>("--task") { Description = "The task id (task_completed, task_switched)" };
        var message = new Option<string?>("--message") { Description = "The error (error_occurred) or a note" };
        var data = new Option<string?>("--data") { Description = "More details as a JSON object, or @FILE" };
        var quiet = new Option<bool>("--quiet") { Description = "Print nothing (for hooks)" };
        var hook = new Option<string?>("--hook") { Description = "The git hook that calls (its arguments follow --)", Hidden = true };
        var hookArguments = new Argument<string[]>("hook-arguments") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };
        var command = new Command("event", "Record an event in the active session: file_modified, git_commit, task_completed, error_occurred, heartbeat, …")
        {
            type, path, sha, task, message, data, quiet, hook, hookArguments,
        };
        return command.Handle(output, error, async (context, cancellationToken) =>
        {
            var name = context.Parse.GetValue(type)!;
            var details = JsonArgument.ParseObject(context.Parse.GetValue(data), "--data") ?? [];
            Add(details, "path", context.Parse.GetValue(path));
            Add(details, "sha", context.Parse.GetValue(sha));
            Add(details, "task", context.Parse.GetValue(task));
            Add(details, "message", context.Parse.GetValue(message));
            // Hooks installed by earlier versions call this command; 'lifecycle init' replaces them with the spool's.
            if (!Lifecycle.Activities.Tracking.GitHookEvents.Apply(name, context.Parse.GetValue(hook), context.Parse.GetValue(hookArguments) ?? [], details, context.Repository))
            {
                return ExitCodes.Ok;
            }

            EventOutcome outcome;
            try
            {
                outcome = await context.Sessions.RecordEventAsync(new EventRequest(name, details), cancellationToken);
            }
            catch (SessionException lost) when (lost.Kind == ErrorKind.Conflict && context.Parse.GetValue(hook) is not null)
            {
                // An old hook never disturbs git, not even when the database was lost: it says why and records nothing.
                if (!context.Parse.GetValue(quiet))
                {
                    context.Error.WriteLine($"note: nothing was recorded. {lost.Message}");
                }

                return ExitCodes.Ok;
            }

            if (outcome.Recorded is not { } recorded)
            {
                if (!context.Parse.GetValue(quiet))
                {
                    context.Error.WriteLine("note: no session is active; nothing was recorded. Start one with 'lifecycle start'.");
                }

                return ExitCodes.Ok;
            }

            if (context.Json)
            {
                context.WriteJson(recorded);
            }
            else if (!context.Parse.GetValue(quiet))
            {
                context.Out.WriteLine($"Recorded {name} in session {recorded.SessionId}.");
            }

            return ExitCodes.Ok;
        });
    }

    private static void Add(JsonObject details, string key, string? value)
    {
        if (value is not null)
        {
            details[key] = value;
        }
    }
}
