using System.Text.Json;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Metrics;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;
using Lifecycle.Activities.Continuity;
using Lifecycle.Activities.State;
using Lifecycle.Activities.Tests.Handoff;
using System.Text.Json.Serialization.Metadata;

namespace Lifecycle.Activities.Tests.Sessions;

public class SessionJsonTests
{
    [Fact]
    public void SessionJson_WritesAndReadsExactlyWhatTheReflectionSerializerDoes()
    {
        var session = SampleSession();

        var generated = JsonSerializer.Serialize(session, SessionJson.Default.SessionContext);
        var reflected = JsonSerializer.Serialize(session, JsonSerializerOptions.Web);

        Assert.Equal(reflected, generated);
        var read = JsonSerializer.Deserialize(reflected, SessionJson.Default.SessionContext)!;
        Assert.Equal(reflected, JsonSerializer.Serialize(read, JsonSerializerOptions.Web));
    }

    [Fact]
    public void StateFileSettings_WriteAndReadTheSessionExactlyAsByReflection() =>
        AssertSameAsReflection(SampleSession(), StateFileOptions.DefaultSerializerOptions);

    [Fact]
    public void HandoffDocument_IsWrittenAndReadExactlyAsByReflection()
    {
        AssertSameAsReflection(HandoffExample.Handoff(), HandoffJson.Options);
        AssertSameAsReflection(HandoffBuilder.Build(HandoffExample.Empty()), HandoffJson.Options);
    }

    [Fact]
    public void ActivityOutputs_AreWrittenExactlyAsByReflection()
    {
        Assert.Equal(
            JsonSerializer.Serialize(HandoffExample.Metrics(), JsonSerializerOptions.Web),
            JsonSerializer.Serialize(HandoffExample.Metrics(), SessionJson.Default.ProductivityMetrics));
        var task = new SessionTask("T2", "deploy \"it\"", 1, SessionTaskStatus.Blocked, "API key");
        Assert.Equal(JsonSerializer.Serialize(task, JsonSerializerOptions.Web), JsonSerializer.Serialize(task, SessionJson.Default.SessionTask));
        Assert.Equal("\"CONTINUE_TASKS\"", JsonSerializer.Serialize(WorkStrategy.ContinueTasks, SessionJson.Default.WorkStrategy));
        Assert.Equal(JsonSerializer.Serialize(WorkStrategy.ResolveBlockers), JsonSerializer.Serialize(WorkStrategy.ResolveBlockers, SessionJson.Default.WorkStrategy));
    }

    [Fact]
    public void SettingsOtherThanTheSessions_ResolveTheGeneratedMetadataFirst()
    {
        foreach (var options in new[] { StateFileOptions.DefaultSerializerOptions, HandoffJson.Options })
        {
            Assert.IsType<SessionJson>(options.TypeInfoResolverChain[0]);
            Assert.IsType<DefaultJsonTypeInfoResolver>(options.TypeInfoResolverChain[^1]);
        }
    }

    private static void AssertSameAsReflection<T>(T value, JsonSerializerOptions options)
    {
        var reflection = new JsonSerializerOptions(options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        var reflected = JsonSerializer.Serialize(value, reflection);
        Assert.Equal(reflected, JsonSerializer.Serialize(value, options));
        var read = JsonSerializer.Deserialize<T>(reflected, options);
        Assert.Equal(reflected, JsonSerializer.Serialize(read, reflection));
    }

    private static SessionContext SampleSession()
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
        return session;
    }
}
