using System.CommandLine;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary><c>sessions</c>: every session of the repository, oldest first; <c>sessions show ID</c>: one of them.</summary>
public static class SessionsCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var command = new Command("sessions", "List the repository's sessions (sessions show ID: one session)") { SessionShowCommand.Build(output, error) };
        return command.Handle(output, error, async (context, ct) =>
        {
            var sessions = await context.Sessions.ListAsync(ct);
            if (context.Json)
            {
                context.WriteJson(new
                {
                    sessions = sessions.Select(s => new
                    {
                        sessionId = s.SessionId, state = s.State, startTime = s.StartTime, endTime = s.EndTime,
                        activeBranch = s.ActiveBranch, openTasks = s.OpenTasks.Count, blockers = s.Blockers.Count,
                        commits = s.Commits, closeReason = s.CloseReason,
                        userName = s.UserName, userEmail = s.UserEmail, agent = s.Agent, assistedBy = s.AssistedBy,
                        kind = Lifecycle.Activities.Collaboration.SessionIdentity.Of(s)?.Kind, handoffTo = s.HandoffTo,
                    }),
                });
                return ExitCodes.Ok;
            }

            if (sessions.Count == 0)
            {
                context.Out.WriteLine("No sessions yet. Start one with 'lifecycle start'.");
                return ExitCodes.Ok;
            }

            var table = new TextTable("SESSION", "STATE", "STARTED", "ENDED", "BRANCH", "COMMITS", "OPEN TASKS", "BY");
            foreach (var s in sessions)
            {
                table.Add(s.SessionId, s.State.ToString().ToUpperInvariant(), TextTable.Time(s.StartTime), TextTable.Time(s.EndTime),
                    s.ActiveBranch ?? "-", s.Commits.ToString(), s.OpenTasks.Count.ToString(), By(s));
            }

            table.WriteTo(context);
            return ExitCodes.Ok;
        });
    }

    /// <summary>"Dana &lt;dana@example.com&gt; (person)", "… (agent: claude-code)", "-" when the session recorded no identity.</summary>
    internal static string By(Lifecycle.Activities.Sessions.SessionContext session) =>
        Lifecycle.Activities.Collaboration.SessionIdentity.Of(session)?.Describe() ?? "-";
}
