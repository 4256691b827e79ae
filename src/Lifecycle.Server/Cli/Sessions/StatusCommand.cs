using System.CommandLine;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary><c>status</c>: the current session's state and context (<c>--json</c>: the SessionContext).</summary>
public static class StatusCommand
{
    public static Command Build(TextWriter output, TextWriter error) =>
        new Command("status", "Show the current session: state, context, tasks, blockers").Handle(output, error, async (context, ct) =>
        {
            var store = CurrentSession.Store(context);
            var session = await CurrentSession.LatestAsync(context, store, ct);

            // Reading the checkpoint verifies it and restores a corrupt one from its newest good backup.
            await SessionStateFile.ReadAsync(context, ct);
            if (context.Json)
            {
                context.WriteJson(session);
                return ExitCodes.Ok;
            }

            var events = await store.GetEventsAsync(session.SessionId, ct);
            context.Out.WriteLine($"Session {session.SessionId}: {session.State.ToString().ToUpperInvariant()} since {TextTable.Time(session.ActiveSince ?? session.StartTime)}");
            context.Out.WriteLine($"  branch: {session.ActiveBranch ?? "-"}   previous: {session.PreviousSession ?? "-"}   reality consensus: {session.RealityConsensus:0.##}");
            // Counted from the recorded events; the session's commits, files and lines are measured from git at the close.
            context.Out.WriteLine($"  events: {events.Count}   commit events: {events.Count(e => e.Type == "git_commit")}   errors: {events.Count(e => e.Type == "error_occurred")}");
            foreach (var task in session.OpenTasks)
            {
                context.Out.WriteLine($"  task {task.Id} (priority {task.Priority}): {task.Title}{(task.BlockedReason is null ? "" : $" [blocked: {task.BlockedReason}]")}");
            }

            foreach (var blocker in session.Blockers)
            {
                context.Out.WriteLine($"  blocker: {blocker}");
            }

            return ExitCodes.Ok;
        });
}
