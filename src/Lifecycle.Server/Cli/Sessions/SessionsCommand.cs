using System.CommandLine;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary><c>sessions</c>: every session of the repository, oldest first.</summary>
public static class SessionsCommand
{
    public static Command Build(TextWriter output, TextWriter error) =>
        new Command("sessions", "List the repository's sessions").Handle(output, error, async (context, ct) =>
        {
            CurrentSession.RequireGitRepository(context);
            var sessions = File.Exists(Path.Combine(context.Repository, ".lifecycle", "lifecycle.db"))
                ? await CurrentSession.Store(context).ListAsync(ct)
                : [];
            if (context.Json)
            {
                context.WriteJson(new
                {
                    sessions = sessions.Select(s => new
                    {
                        sessionId = s.SessionId, state = s.State, startTime = s.StartTime, endTime = s.EndTime,
                        activeBranch = s.ActiveBranch, openTasks = s.OpenTasks.Count, blockers = s.Blockers.Count,
                    }),
                });
                return ExitCodes.Ok;
            }

            if (sessions.Count == 0)
            {
                context.Out.WriteLine("No sessions yet. Start one with 'lifecycle start'.");
                return ExitCodes.Ok;
            }

            var table = new TextTable("SESSION", "STATE", "STARTED", "ENDED", "BRANCH", "OPEN TASKS");
            foreach (var s in sessions)
            {
                table.Add(s.SessionId, s.State.ToString().ToUpperInvariant(), TextTable.Time(s.StartTime), TextTable.Time(s.EndTime),
                    s.ActiveBranch ?? "-", s.OpenTasks.Count.ToString());
            }

            table.WriteTo(context.Out);
            return ExitCodes.Ok;
        });
}
