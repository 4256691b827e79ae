using System.Text.Json;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Metrics;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Tests.Sessions;

public class SessionJsonTests
{
    [Fact]
    public void SessionJson_WritesAndReadsExactlyWhatTheReflectionSerializerDoes()
    {
        var session = new SessionContext
        {
            SessionId = "00007",
            StartTime = new DateTimeOffset(2026, 11, 24, 9, 30, 15, TimeSpan.FromHours(2)),
            EndTime = new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.Zero),
            State = SessionState.Closing,
            StartedBy = "ada",
            ActiveSince = new DateTimeOffset(2026, 11, 24, 9, 31, 0, TimeSpan.Zero),
            ActiveBranch = "feature/ü",
            UncommittedFiles = ["a.txt", "日本.md"],
            RealityConsensus = 0.875,
            AgentHealth = new() { ["git-integrity"] = 1, ["tests"] = 0.5 },
            LastError = "boom \"quoted\"",
            Commits = 3,
            FilesModified = 4,
            LinesChanged = 120,
            Interruptions = 1,
            PreviousSession = "00006",
            NextSession = null,
            HandoffNotes = "notes\nover lines",
            Blockers = ["API key"],
            StartSha = "0123456789abcdef0123456789abcdef01234567",
            DebtMarkersAtStart = 12,
            EndSha = "89abcdef0123456789abcdef0123456789abcdef",
            DebtMarkersAtEnd = 10,
            CoverageAtStart = 0.75,
            PutAway = new StashedWork("lifecycle session 00007", [new FileChange("a.txt", 2, 1)], ["sub"]),
            CheckAtClose = new HealthReading(0.9, new Dictionary<string, double> { ["git-integrity"] = 1 }),
            Warnings = ["HEAD moved"],
            CloseNote = "handing over",
        };
        TaskBoard.Block(session.Tasks, TaskBoard.Add(session.Tasks, "deploy", 2).Id, "API key");
        TaskBoard.Done(session.Tasks, TaskBoard.Add(session.Tasks, "write tests").Id);

        var generated = JsonSerializer.Serialize(session, SessionJson.Default.SessionContext);
        var reflected = JsonSerializer.Serialize(session, JsonSerializerOptions.Web);

        Assert.Equal(reflected, generated);
        var read = JsonSerializer.Deserialize(reflected, SessionJson.Default.SessionContext)!;
        Assert.Equal(reflected, JsonSerializer.Serialize(read, JsonSerializerOptions.Web));
    }
}
