using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Metrics;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Tests.Handoff;

/// <summary>
/// A fixed closing session (00004, 2026-11-24 14:00 to 16:37 UTC on main) and variants of it, for
/// exact-text tests of the handoff documents.
/// </summary>
internal static class HandoffExample
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int hour, int minute, int day = 24) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    public static SessionContext Context()
    {
        var context = new SessionContext
        {
            SessionId = "00004",
            StartTime = Start,
            ActiveSince = At(14, 2),
            EndTime = At(16, 37),
            State = SessionState.Closing,
            ActiveBranch = "main",
            PreviousSession = "00003",
            RealityConsensus = 0.97,
            AgentHealth = new() { ["git-integrity"] = 1.0, ["build"] = 0.91, ["no-merge-conflicts"] = 1.0 },
        };
        TaskBoard.Done(context.Tasks, TaskBoard.Add(context.Tasks, "Draft the handoff model", 2).Id);
        TaskBoard.Done(context.Tasks, TaskBoard.Add(context.Tasks, "Write the renderers", 2).Id);
        TaskBoard.Add(context.Tasks, "Document the JSON shape", 2);
        TaskBoard.Block(context.Tasks, TaskBoard.Add(context.Tasks, "Publish the package", 3).Id, "waiting for the API key");
        TaskBoard.Add(context.Tasks, "Wire lifecycle end", 1);
        return context;
    }

    public static IReadOnlyList<CommitRecord> Commits() =>
    [
        new("b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5", "test: renderers", At(15, 12),
            [new FileChange("tests/HandoffTests.cs", 200, 10, FileChangeKind.Modified)]),
        new("a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4", "feat: handoff model", At(14, 23),
            [new FileChange("src/Handoff.cs", 120, 0, FileChangeKind.Added), new FileChange("docs/handoff.md", 30, 2, FileChangeKind.Modified)]),
        new("c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6", "docs: notes from the café", At(16, 20),
            [new FileChange("docs/notes/café.md", 12, 0, FileChangeKind.Added), new FileChange("src/Handoff.cs", 5, 3, FileChangeKind.Modified)]),
    ];

    public static StashedWork Stash() =>
        new("lifecycle session 00004", [new FileChange("src/Builder.cs", 40, 5, FileChangeKind.Staged), new FileChange("tests/日本語.txt", 3, 0, FileChangeKind.Untracked)], []);

    public static IReadOnlyList<SessionError> Errors() =>
    [
        new(At(15, 40), "dotnet test: 2 failed\n  HandoffTests.Render"),
        new(At(14, 50), "build failed: CS1002 ; expected"),
    ];

    public static ProductivityMetrics Metrics() => new()
    {
        SetupTime = 2,
        ActiveTime = 141,
        IdleTime = 12,
        CommitsPerHour = 1.2,
        LinesPerHour = 168,
        TasksPerHour = 0.8,
        TestCoverageDelta = 0.03,
        DocumentationRatio = 0.25,
        TechnicalDebtDelta = -1,
        InterruptionCount = 3,
        ContextSwitches = 1,
        FocusScore = 0.75,
    };

    public static HealthReading CheckAtClose() =>
        new(0.97, new Dictionary<string, double> { ["git-integrity"] = 1.0, ["no-merge-conflicts"] = 1.0, ["build"] = 0.91 });

    public static HandoffSources Sources() => new()
    {
        Context = Context(),
        Commits = Commits(),
        PutAway = Stash(),
        Metrics = Metrics(),
        Insights = ["Setup optimized: 2 minutes to active state"],
        CheckAtClose = CheckAtClose(),
        Note = "Pick up the wiring in Cli/EndCommand.cs first.",
        HeadSha = "c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6",
        ClosingAt = At(16, 35),
        Errors = Errors(),
    };

    public static Lifecycle.Activities.Handoff.Handoff Handoff() => HandoffBuilder.Build(Sources());

    /// <summary>A session that did nothing: no commits, no tasks, nothing put away, coverage unavailable, no check at close.</summary>
    public static HandoffSources Empty() => new()
    {
        Context = new SessionContext
        {
            SessionId = "00001",
            StartTime = Start,
            ActiveSince = At(14, 1),
            EndTime = At(14, 31),
            ActiveBranch = "main",
            RealityConsensus = 1.0,
        },
        Metrics = Metrics() with
        {
            SetupTime = 1, ActiveTime = 0, IdleTime = 29, CommitsPerHour = 0, LinesPerHour = 0, TasksPerHour = 0,
            TestCoverageDelta = null, TestCoverageUnavailableReason = "no coverage report was recorded at the session's start",
            DocumentationRatio = 0, TechnicalDebtDelta = 0, InterruptionCount = 0, ContextSwitches = 0, FocusScore = 1,
        },
    };

    /// <summary>The example moved to start at 23:30 on the 24th and end at 01:15 on the 25th, with commits either side of midnight.</summary>
    public static HandoffSources AcrossMidnight()
    {
        var sources = Sources();
        var context = sources.Context;
        context.StartTime = At(23, 30);
        context.ActiveSince = At(23, 32);
        context.EndTime = At(1, 15, day: 25);
        var times = new[] { At(0, 10, day: 25), At(23, 45), At(1, 5, day: 25) };
        return sources with
        {
            Commits = sources.Commits.Select((c, i) => c with { Time = times[i] }).ToList(),
            ClosingAt = At(1, 13, day: 25),
        };
    }
}
