using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Setup;
using Lifecycle.Activities.Tasks;
using Lifecycle.Server.Persistence;

// Usage: ReportSeeder REPOSITORY [SESSIONS]
// Writes SESSIONS (default 1,000) closed sessions, one a day or so over the last years ending
// yesterday, each with its record (times, counts, tasks) and about 20 events (file changes,
// commits, task changes, heartbeats, now and then an error and an idle gap), as the product
// records them: through ISessionStore, the same code the CLI and the server use.
var repository = Path.GetFullPath(args[0]);
var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000;
var paths = LifecyclePaths.For(repository);
Directory.CreateDirectory(paths.StateFolder);
ISessionStore store = new SqliteSessionStore(paths.Database);
await store.InitializeAsync(CancellationToken.None);

var random = new Random(42);
var today = TimeProvider.System.GetUtcNow().Date;
var events = new List<SessionEvent>();
for (var i = 1; i <= count; i++)
{
    var id = SessionId.Format(i);
    var day = today.AddDays(-(count - i + 1) * 1.2);
    var start = new DateTimeOffset(day.AddHours(7 + random.Next(0, 13)).AddMinutes(random.Next(0, 60)), TimeSpan.Zero);
    var active = start.AddMinutes(1 + random.NextDouble() * 4);
    var minutes = 30 + random.Next(0, 210);
    var end = active.AddMinutes(minutes);
    var tasks = Enumerable.Range(1, 1 + random.Next(0, 4))
        .Select(t => new SessionTask($"T{i * 10 + t}", $"task {t} of session {id}", Status: random.Next(0, 3) == 0 ? SessionTaskStatus.Open : SessionTaskStatus.Done))
        .ToList();
    var commits = 0;
    var lines = 0;
    var at = active;
    while (true)
    {
        // Mostly steady work; one gap in eight is longer than the idle threshold.
        at = at.AddMinutes(random.Next(0, 8) == 0 ? 16 + random.Next(0, 30) : 1 + random.Next(0, 3));
        if (at >= end)
        {
            break;
        }

        switch (random.Next(0, 10))
        {
            case < 5:
                events.Add(new SessionEvent(id, SessionEventTypes.FileModified, at, new JsonObject { ["path"] = $"src/file{random.Next(0, 200)}.cs" }));
                break;
            case < 7:
                commits++;
                var changed = 5 + random.Next(0, 120);
                lines += changed;
                events.Add(new SessionEvent(id, SessionEventTypes.GitCommit, at, new JsonObject { ["sha"] = $"{random.NextInt64():x16}{random.NextInt64():x16}{random.NextInt64():x16}".PadRight(40, '0')[..40], ["message"] = $"change {commits} of {id}" }));
                break;
            case < 8:
                events.Add(new SessionEvent(id, SessionEventTypes.Heartbeat, at, new JsonObject { [HeartbeatPulse.DurationKey] = 60.0 * random.Next(1, 5), [HeartbeatPulse.CountKey] = 3 }));
                break;
            case < 9 when tasks.Count > 0:
                var task = tasks[random.Next(0, tasks.Count)];
                events.Add(new SessionEvent(id, task.Status == SessionTaskStatus.Done ? SessionEventTypes.TaskCompleted : SessionEventTypes.TaskAdded, at,
                    new JsonObject { ["task"] = task.Id, ["title"] = task.Title, ["priority"] = task.Priority }));
                break;
            default:
                if (random.Next(0, 3) == 0)
                {
                    events.Add(new SessionEvent(id, SessionEventTypes.ErrorOccurred, at, new JsonObject { ["message"] = "build failed: CS0103" }));
                }

                break;
        }
    }

    var session = new SessionContext
    {
        SessionId = id,
        StartTime = start,
        ActiveSince = active,
        EndTime = end.AddMinutes(1),
        State = SessionState.Dormant,
        ActiveBranch = "main",
        Tasks = tasks,
        Commits = commits,
        LinesChanged = lines,
        FilesModified = Math.Min(commits * 3, 40),
        PreviousSession = i > 1 ? SessionId.Format(i - 1) : null,
        NextSession = SessionId.Format(i + 1),
        CloseReason = "end",
        TaskNumbersUsed = i * 10 + tasks.Count,
    };
    await store.SaveAsync(session, CancellationToken.None);
    if (events.Count > 5000 || i == count)
    {
        await store.AppendEventsAsync(events, null, CancellationToken.None);
        events.Clear();
    }
}

Console.WriteLine($"Seeded {count} closed sessions into {Path.GetRelativePath(repository, paths.Database)}.");
