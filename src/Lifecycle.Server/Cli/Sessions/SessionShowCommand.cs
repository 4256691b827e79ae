using System.CommandLine;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary><c>sessions show ID</c>: duration, commits with subjects, tasks done and open, note, score, errors.</summary>
public static class SessionShowCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var id = new Argument<string>("id") { Description = "The session, e.g. 00004 or 4" };
        return new Command("show", "Show one session: duration, commits, tasks, note, score, errors") { id }.Handle(output, error, async (context, ct) =>
        {
            var details = await context.Sessions.ShowAsync(context.Parse.GetValue(id)!, ct);
            if (context.Json)
            {
                context.WriteJson(new
                {
                    session = details.Session,
                    handoff = details.Handoff is null ? null : System.Text.Json.Nodes.JsonNode.Parse(Lifecycle.Activities.Handoff.HandoffJson.Render(details.Handoff)),
                    errors = Errors(details).Select(e => new { time = e.Timestamp, message = e.Data?["message"]?.ToString() }),
                });
                return ExitCodes.Ok;
            }

            Write(context.Out, details);
            return ExitCodes.Ok;
        });
    }

    private static void Write(TextWriter output, SessionDetails details)
    {
        var session = details.Session;
        var handoff = details.Handoff;
        var end = session.EndTime;
        output.WriteLine($"Session {session.SessionId}: {session.State.ToString().ToUpperInvariant()}" +
                         (session.CloseReason is { } reason && reason != "end" ? $" (closed: {reason})" : ""));
        output.WriteLine($"  started {TextTable.Time(session.StartTime)}{(end is null ? "" : $", ended {TextTable.Time(end)} ({Duration(end.Value - session.StartTime)})")}");
        var where = handoff?.Branch ?? session.ActiveBranch ?? (session.DetachedHead ? Lifecycle.Activities.Sessions.SessionBranch.Of(session) : "-");
        output.WriteLine($"  branch: {where}   previous: {session.PreviousSession ?? "-"}   next: {session.NextSession ?? "-"}");
        if (Lifecycle.Activities.Collaboration.SessionIdentity.Of(session) is { } who)
        {
            output.WriteLine($"  ran by: {who.Describe()}");
        }

        if (session.HandoffTo is { } to)
        {
            output.WriteLine($"  handoff for: {to}");
        }
        if (handoff is not null)
        {
            output.WriteLine(handoff.ProductivityScore is { } score
                ? $"  productivity score: {score * 100:0}/100"
                : $"  not scored: {handoff.Metrics.ScoreUnavailableReason}");
        }

        var commits = handoff?.WorkCompleted.Commits;
        if (commits is not null)
        {
            output.WriteLine($"  commits ({commits.Count}):");
            foreach (var commit in commits)
            {
                output.WriteLine($"    {commit.Sha[..Math.Min(7, commit.Sha.Length)]} {TextTable.Time(commit.Time)}  {commit.Message}");
            }
        }
        else
        {
            output.WriteLine($"  commits: {session.Commits}   files modified: {session.FilesModified}   lines changed: {session.LinesChanged}");
        }

        var done = handoff?.WorkCompleted.CompletedTasks ?? session.CompletedTasks;
        output.WriteLine($"  tasks done ({done.Count}){(done.Count == 0 ? "" : ":")}");
        foreach (var task in done)
        {
            output.WriteLine($"    {task.Id}: {task.Title}");
        }

        var open = handoff?.OpenItems ?? session.OpenTasks;
        output.WriteLine($"  tasks open ({open.Count}){(open.Count == 0 ? "" : ":")}");
        foreach (var task in open)
        {
            output.WriteLine($"    {task.Id} (priority {task.Priority}){(task.Assignee is null ? "" : $" [for {task.Assignee}]")}{(task.BlockedReason is null ? "" : $" [blocked: {task.BlockedReason}]")}: {task.Title}");
        }

        if ((handoff?.Notes ?? session.CloseNote) is { } note)
        {
            output.WriteLine($"  note: {note}");
        }

        var errors = Errors(details);
        output.WriteLine($"  errors ({errors.Count}){(errors.Count == 0 ? "" : ":")}");
        foreach (var failure in errors)
        {
            output.WriteLine($"    {TextTable.Time(failure.Timestamp)}  {failure.Data?["message"]}");
        }
    }

    private static IReadOnlyList<SessionEvent> Errors(SessionDetails details) =>
        [.. details.Events.Where(e => e.Type == SessionEventTypes.ErrorOccurred)];

    private static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes:00}m" : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m" : $"{(int)span.TotalSeconds}s";
}
