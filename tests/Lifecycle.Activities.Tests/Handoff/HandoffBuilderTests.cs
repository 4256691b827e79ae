using Lifecycle.Activities.Continuity;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Metrics;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Tests.Handoff;

public class HandoffBuilderTests
{
    [Fact]
    public void Build_SummarizesTheWork_CommitsOldestFirst_FilesCountedOnce_LinesEveryTime()
    {
        var handoff = HandoffExample.Handoff();

        Assert.Equal(9420, handoff.Duration);
        Assert.Equal(["feat: handoff model", "test: renderers", "docs: notes from the café"], handoff.WorkCompleted.Commits.Select(c => c.Message));
        Assert.Equal(2, handoff.WorkCompleted.TasksCompleted);
        Assert.Equal(6, handoff.WorkCompleted.FilesModified);
        Assert.Equal(152 + 210 + 20 + 48, handoff.WorkCompleted.LinesChanged);
        Assert.Equal(new HandoffFile("src/Handoff.cs", 125, 3, PutAway: false, FileChangeKind.Added), handoff.WorkCompleted.Files.Single(f => f.Path == "src/Handoff.cs"));
        Assert.Equal(handoff.Duration, handoff.DurationSeconds);
    }

    [Theory]
    [InlineData(new FileChangeKind[0], FileChangeKind.Unknown)]
    [InlineData(new[] { FileChangeKind.Unknown, FileChangeKind.Unknown }, FileChangeKind.Unknown)]
    [InlineData(new[] { FileChangeKind.Added, FileChangeKind.Modified, FileChangeKind.Staged }, FileChangeKind.Added)]
    [InlineData(new[] { FileChangeKind.Untracked }, FileChangeKind.Untracked)]
    [InlineData(new[] { FileChangeKind.Modified, FileChangeKind.Deleted }, FileChangeKind.Deleted)]
    [InlineData(new[] { FileChangeKind.Added, FileChangeKind.Deleted }, FileChangeKind.Deleted)]
    [InlineData(new[] { FileChangeKind.Renamed, FileChangeKind.Modified }, FileChangeKind.Renamed)]
    [InlineData(new[] { FileChangeKind.Modified, FileChangeKind.Unknown, FileChangeKind.Mode }, FileChangeKind.Mode)]
    [InlineData(new[] { FileChangeKind.Unknown, FileChangeKind.Modified }, FileChangeKind.Modified)]
    public void KindOf_GivesTheNetKindOfChangeOverTheSession(FileChangeKind[] oldestFirst, FileChangeKind expected)
    {
        Assert.Equal(expected, HandoffFile.KindOf(oldestFirst));
    }

    [Fact]
    public void Build_CarriesTheErrorsOldestFirst()
    {
        var handoff = HandoffExample.Handoff();

        Assert.Equal(
            [new SessionError(HandoffExample.At(14, 50), "build failed: CS1002 ; expected"), new SessionError(HandoffExample.At(15, 40), "dotnet test: 2 failed\n  HandoffTests.Render")],
            handoff.Errors);
    }

    [Fact]
    public void Build_WhenTooShortToScore_HasNoScore()
    {
        var sources = HandoffExample.Sources();

        var handoff = HandoffBuilder.Build(sources with
        {
            Metrics = sources.Metrics with { CommitsPerHour = null, LinesPerHour = null, TasksPerHour = null, ScoreUnavailableReason = "too short to score" },
        });

        Assert.Null(handoff.ProductivityScore);
        Assert.Equal("too short to score", handoff.Metrics.ScoreUnavailableReason);
    }

    [Fact]
    public void Build_WithManyPathsLeftInPlace_NamesTenInTheNextAction()
    {
        var sources = HandoffExample.Sources();
        var skipped = Enumerable.Range(0, 30).Select(i => $"vendor/lib{i:00}").ToList();

        var handoff = HandoffBuilder.Build(sources with { PutAway = sources.PutAway! with { Skipped = skipped } });

        var action = handoff.NextActions.Single(a => a.StartsWith("Check 30 paths", StringComparison.Ordinal));
        Assert.EndsWith(": vendor/lib00, vendor/lib01, vendor/lib02, vendor/lib03, vendor/lib04, vendor/lib05, vendor/lib06, vendor/lib07, vendor/lib08, vendor/lib09, and 20 more", action);
    }

    [Fact]
    public void Build_ListsOpenAndBlockedTasksByPriority_AndBlockedTasksAsBlockers()
    {
        var sources = HandoffExample.Sources();
        sources.Context.Blockers.Add("stash conflict on src/a.cs");

        var handoff = HandoffBuilder.Build(sources);

        Assert.Equal(["T5", "T3", "T4"], handoff.OpenItems.Select(t => t.Id));
        Assert.Equal(["stash conflict on src/a.cs", "T4 blocked: waiting for the API key"], handoff.Blockers);
    }

    [Fact]
    public void Build_OrdersNextActions_BlockersStashChecksThenTasks()
    {
        var sources = HandoffExample.Sources() with
        {
            CheckAtClose = new HealthReading(0.7, new Dictionary<string, double> { ["tests"] = 0.4, ["build"] = 0.9, ["git-integrity"] = 1 }),
        };
        sources = sources with { PutAway = sources.PutAway! with { Skipped = ["vendor/lib", "tools/sub"] } };

        Assert.Equal(
            [
                "Resolve blocker: T4 blocked: waiting for the API key",
                "Restore and finish the 2 files put away in stash 'lifecycle session 00004'",
                "Check 2 paths left in place (submodules and nested repositories, which a stash cannot hold, or files written while the session closed, whose earlier version the stash holds): vendor/lib, tools/sub",
                "Fix the 'tests' check (health 40% at close)",
                "Fix the 'build' check (health 90% at close)",
                "Continue T5 (priority 1): Wire lifecycle end",
                "Continue T3 (priority 2): Document the JSON shape",
            ],
            HandoffBuilder.Build(sources).NextActions);
    }

    [Fact]
    public void Build_WithOneFilePutAway_SaysFileInTheSingular()
    {
        var sources = HandoffExample.Empty() with { PutAway = new StashedWork("lifecycle session 00001", [new FileChange("a.txt", 1, 0)], []) };

        var handoff = HandoffBuilder.Build(sources);

        Assert.Equal(["Restore and finish the 1 file put away in stash 'lifecycle session 00001'"], handoff.NextActions);
        Assert.Equal(WorkStrategy.CompleteInProgress, handoff.Continuation.Strategy);
    }

    [Fact]
    public void Build_WithWorkLeftInTheWorkTree_SaysToFinishIt()
    {
        var sources = HandoffExample.Empty();
        sources.Context.UncommittedFiles = ["a.txt", "notes/b.md"];

        var handoff = HandoffBuilder.Build(sources);

        Assert.Equal(["Finish the 2 uncommitted files left in the work tree (not put away): a.txt, notes/b.md"], handoff.NextActions);
        Assert.Equal(WorkStrategy.CompleteInProgress, handoff.Continuation.Strategy);
        Assert.Null(handoff.Stash);
    }

    [Fact]
    public void Build_WithNothingCarriedOver_SuggestsNewWork()
    {
        var handoff = HandoffBuilder.Build(HandoffExample.Empty());

        Assert.Equal(["Start new work: nothing is carried over."], handoff.NextActions);
        Assert.Equal(WorkStrategy.StartNewWork, handoff.Continuation.Strategy);
        Assert.Empty(handoff.WorkCompleted.Commits);
        Assert.Null(handoff.Stash);
        Assert.Null(handoff.Notes);
    }

    [Fact]
    public void Build_WithOnlyOpenTasks_ContinuesTheHighestPriorityTask()
    {
        var sources = HandoffExample.Sources() with { PutAway = null };
        sources.Context.Tasks.RemoveAll(t => t.Status == SessionTaskStatus.Blocked);

        var handoff = HandoffBuilder.Build(sources);

        Assert.Equal(WorkStrategy.ContinueTasks, handoff.Continuation.Strategy);
        Assert.Equal("T5", handoff.Continuation.PriorityTask!.Id);
    }

    [Fact]
    public void Build_WithoutInsights_DerivesThemFromTheMetrics()
    {
        var sources = HandoffExample.Empty();

        Assert.Equal(ProductivityInsights.Generate(sources.Metrics), HandoffBuilder.Build(sources).Insights);
    }

    [Fact]
    public void Build_JoinsTheSessionsHandoffNotesAndTheEndNote()
    {
        var sources = HandoffExample.Sources();
        sources.Context.HandoffNotes = "  Watch the flaky test. ";

        Assert.Equal("Watch the flaky test.\n\nPick up the wiring in Cli/EndCommand.cs first.", HandoffBuilder.Build(sources).Notes);
    }

    [Fact]
    public void Build_RoundsTheScoreToFourDecimals_AndKeepsTheMetrics()
    {
        var handoff = HandoffExample.Handoff();

        Assert.Equal(0.6494, handoff.ProductivityScore);
        Assert.Same(HandoffExample.Metrics().GetType(), handoff.Metrics.GetType());
        Assert.Equal(HandoffExample.Metrics(), handoff.Metrics);
    }

    [Fact]
    public void Build_CarriesTheContinuityFields()
    {
        var handoff = HandoffExample.Handoff();

        Assert.Equal(("main", "00003", "00005"), (handoff.Branch, handoff.PreviousSession, handoff.NextSession));
        Assert.Equal("c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6", handoff.HeadSha);
        Assert.Equal(HandoffExample.At(16, 35), handoff.ClosingSince);
        Assert.Equal("lifecycle session 00004", handoff.Stash!.Name);
        Assert.Equal(0.91, handoff.Health.AgentsAtClose["build"]);
    }

    [Fact]
    public void Build_PrefersTheNextSessionTheContextRecorded_AndClosesAtTheEndWhenNotTold()
    {
        var sources = HandoffExample.Sources() with { ClosingAt = null };
        sources.Context.NextSession = "00009";

        var handoff = HandoffBuilder.Build(sources);

        Assert.Equal("00009", handoff.NextSession);
        Assert.Equal(handoff.EndTime, handoff.ClosingSince);
    }

    [Fact]
    public void Build_WithoutAnEndTime_SaysHowToFixIt()
    {
        var sources = HandoffExample.Sources();
        sources.Context.EndTime = null;

        var error = Assert.Throws<ArgumentException>(() => HandoffBuilder.Build(sources));
        Assert.Contains("Session 00004 has no end time; set SessionContext.EndTime", error.Message);
    }

    [Fact]
    public void Build_WhenTheEndIsBeforeTheStart_Refuses()
    {
        var sources = HandoffExample.Sources();
        sources.Context.EndTime = HandoffExample.At(13, 0);

        Assert.Throws<ArgumentException>(() => HandoffBuilder.Build(sources));
    }

    [Fact]
    public void Build_DoesNotChangeTheContext()
    {
        var sources = HandoffExample.Sources();
        var before = System.Text.Json.JsonSerializer.Serialize(sources.Context);

        HandoffBuilder.Build(sources);

        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(sources.Context));
        Assert.Equal(SessionState.Closing, sources.Context.State);
    }
}
