using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary><c>status</c>: the current session's state and context, live while it is ACTIVE (<c>--json</c>: the SessionContext).</summary>
public static class StatusCommand
{
    public static Command Build(TextWriter output, TextWriter error) =>
        new Command("status", "Show the current session: state, branch, live counts, tasks, blockers").Handle(output, error, async (context, ct) =>
        {
            var status = await context.Sessions.StatusAsync(ct);
            var session = status.Session;
            if (context.Json)
            {
                context.Out.WriteLine(Json(status).ToJsonString(CliJson.Options));
                return ExitCodes.Ok;
            }

            var state = session.State.ToString().ToUpperInvariant();
            context.Out.WriteLine($"Session {session.SessionId}: {state} since {TextTable.Time(session.State == SessionState.Dormant && session.EndTime is { } ended ? ended : session.ActiveSince ?? session.StartTime)}" +
                                  (status.LastActivity is { } last ? $", last activity {TextTable.Time(last)}" : ""));
            context.Out.WriteLine($"  branch: {Where(status)}   previous: {session.PreviousSession ?? "-"}   reality consensus: {session.RealityConsensus:0%}");
            if (session.State == SessionState.Closing)
            {
                context.Out.WriteLine("  its close did not finish: run 'lifecycle end' to finish it.");
            }

            context.Out.WriteLine(session.State == SessionState.Active
                ? $"  so far: {Count(session.Commits, "commit")}, {Count(session.FilesModified, "file")} modified, {Count(session.LinesChanged, "line")} changed in commits; {Count(session.UncommittedFiles.Count, "file")} uncommitted now"
                : $"  recorded: {Count(session.Commits, "commit")}, {Count(session.FilesModified, "file")} modified, {Count(session.LinesChanged, "line")} changed");
            context.Out.WriteLine($"  events: {status.Events}   commit events: {status.CommitEvents}   errors: {status.Errors.Count}");
            foreach (var failure in status.Errors.TakeLast(3))
            {
                context.Out.WriteLine($"  error at {TextTable.Time(failure.Timestamp)}: {failure.Data?["message"]}");
            }

            foreach (var task in session.OpenTasks)
            {
                context.Out.WriteLine($"  task {task.Id} (priority {task.Priority}): {task.Title}{(task.BlockedReason is null ? "" : $" [blocked: {task.BlockedReason}]")}");
            }

            foreach (var blocker in session.Blockers)
            {
                context.Out.WriteLine($"  blocker: {blocker}");
            }

            if (status.Timing is { } timing)
            {
                TimingLines(context.Out, timing);
            }

            return ExitCodes.Ok;
        });

    /// <summary>The SessionContext (live counts while ACTIVE), with where HEAD is now and the last activity.</summary>
    private static JsonObject Json(SessionStatus status)
    {
        var json = JsonSerializer.SerializeToNode(status.Session, CliJson.Options)!.AsObject();
        json["currentBranch"] = status.Branch;
        json["headDetached"] = status.Detached;
        json["headSha"] = status.HeadSha;
        json["lastActivity"] = status.LastActivity?.ToString("O");
        json["errors"] = new JsonArray([.. status.Errors.Select(e => (JsonNode)new JsonObject
        {
            ["time"] = e.Timestamp.ToString("O"),
            ["message"] = e.Data?["message"]?.DeepClone(),
        })]);
        json["timing"] = status.Timing is null ? null : JsonSerializer.SerializeToNode(status.Timing, CliJson.Options);
        // Plainly at the top for the agents' hooks: the reminders due now, one message each.
        json["reminders"] = new JsonArray([.. (status.Timing?.Reminders ?? []).Select(r => (JsonNode)new JsonObject
        {
            ["kind"] = r.Kind,
            ["message"] = r.Message,
            ["dueAt"] = r.DueAt.ToString("O"),
        })]);
        return json;
    }

    /// <summary>The timebox, the current stretch of activity, and one <c>reminder:</c> line per reminder due now.</summary>
    private static void TimingLines(TextWriter output, Timing.SessionTiming timing)
    {
        if (timing is { TimeboxMinutes: { } box, EndsAt: { } end, MinutesLeft: { } left })
        {
            output.WriteLine($"  timebox: {Timing.TimeboxText.Describe(box)}, " +
                             (left > 0 ? $"{Count(left, "minute")} left" : $"over by {Count(-left, "minute")}") + $" (ends {TextTable.Time(end)})");
        }

        output.WriteLine(timing.StretchSince is { } since
            ? $"  activity: {Count(timing.StretchMinutes, "minute")} without a break (since {TextTable.Time(since)}{(timing.BreakAfterMinutes > 0 ? $"; a break is due after {timing.BreakAfterMinutes}" : "")})"
            : "  activity: idle now (a break)");
        foreach (var reminder in timing.Reminders)
        {
            output.WriteLine($"  reminder: {reminder.Message}");
        }
    }

    private static string Where(SessionStatus status) =>
        status.Detached
            ? $"detached HEAD at {status.HeadSha![..7]} ({Lifecycle.Activities.Sessions.SessionBranch.DetachedAdvice})"
            : status.Branch ?? status.Session.ActiveBranch ?? "-";

    private static string Count(int n, string unit) => $"{n} {unit}{(n == 1 ? "" : "s")}";
}
