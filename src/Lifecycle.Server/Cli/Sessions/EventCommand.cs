using System.CommandLine;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Persistence;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary>
/// <c>event TYPE</c>: records something that happened in the active session (used by the git hooks
/// and by agents). Without an active session nothing is recorded and the exit code is still 0, so
/// hooks never disturb git.
/// </summary>
public static class EventCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var type = new Argument<string>("type") { Description = $"One of: {string.Join(", ", SessionEventTypes.All)}" };
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
            if (!SessionEventTypes.All.Contains(name))
            {
                throw new UsageException($"Unknown event type '{name}'. Use one of: {string.Join(", ", SessionEventTypes.All)}.");
            }

            var details = JsonArgument.ParseObject(context.Parse.GetValue(data), "--data") ?? [];
            Add(details, "path", context.Parse.GetValue(path));
            Add(details, "sha", context.Parse.GetValue(sha));
            Add(details, "task", context.Parse.GetValue(task));
            Add(details, "message", context.Parse.GetValue(message));
            if (!HookDetails.Apply(name, context.Parse.GetValue(hook), context.Parse.GetValue(hookArguments) ?? [], details, context.Repository))
            {
                return ExitCodes.Ok;
            }

            var store = new SqliteSessionStore(Path.Combine(context.Repository, ".lifecycle", "lifecycle.db"));
            var session = File.Exists(Path.Combine(context.Repository, ".lifecycle", "lifecycle.db"))
                ? await InitializedLatest(store, cancellationToken)
                : null;
            if (session is not { State: SessionState.Active })
            {
                if (!context.Parse.GetValue(quiet))
                {
                    context.Error.WriteLine("note: no session is active; nothing was recorded. Start one with 'lifecycle start'.");
                }

                return ExitCodes.Ok;
            }

            var recorded = await store.AppendEventAsync(
                new SessionEvent(session.SessionId, name, TimeProvider.System.GetUtcNow(), details.Count == 0 ? null : details), cancellationToken);

            // The event is also a stimulus: it resumes workflows waiting for it and starts those it
            // triggers (work-tracking checkpoints the session).
            await using (var host = new Hosting.EmbeddedHost(context.Repository, liveLog: null))
            {
                await host.Engine.StartAsync(cancellationToken);
                await host.Engine.ResumeAsync(new Lifecycle.Workflows.Hosting.Stimulus(name, new JsonObject
                {
                    ["session"] = session.SessionId,
                    ["type"] = name,
                    ["data"] = details.DeepClone(),
                }, Correlation: session.SessionId), cancellationToken);
            }
            if (context.Json)
            {
                context.WriteJson(recorded);
            }
            else if (!context.Parse.GetValue(quiet))
            {
                context.Out.WriteLine($"Recorded {name} in session {session.SessionId}.");
            }

            return ExitCodes.Ok;
        });
    }

    private static async Task<SessionContext?> InitializedLatest(SqliteSessionStore store, CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        return await store.GetLatestAsync(cancellationToken);
    }

    private static void Add(JsonObject details, string key, string? value)
    {
        if (value is not null)
        {
            details[key] = value;
        }
    }
}
