using Lifecycle.Activities.Continuity;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Reality;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Tests.Handoff;

public class SessionLogTests
{
    [Fact]
    public void StartEntriesAndClose_ForTheExample_GiveTheWholeLog()
    {
        var expected =
        """
        # Session 00004 Log

        - **Started**: 2026-11-24 14:00 UTC
        - **Branch**: main
        - **Previous Session**: 00003
        - **Reality Consensus**: 97% (build 91%, git-integrity 100%, no-merge-conflicts 100%)

        ## Mission
        RESOLVE_BLOCKERS: 1 blocker stands in the way: T4 blocked: waiting for the API key.

        ## Open Tasks (3)
        - T5 (priority 1): Wire lifecycle end
        - T3 (priority 2): Document the JSON shape
        - T4 (priority 3, blocked): Publish the package

        ## Blockers (1)
        - T4 blocked: waiting for the API key

        ## Warnings (1)
        - Previous session missing handoff

        ## Log
        - 2026-11-24 14:00:00 [start] session 00004 started on branch main after session 00003
        - 2026-11-24 14:00:00 [reality] consensus 97% at start: git-integrity 100%, build 91%
        - 2026-11-24 14:00:00 [reality] build 91%: reported health 0.91
        - 2026-11-24 14:00:00 [override] Rule 'reality-consensus' overridden with --force by alice: consensus 62% is below 80%
        - 2026-11-24 14:01:00 [stash] restored 1 file put away by session 00003: src/Builder.cs
        - 2026-11-24 14:05:00 [task] added T5 (priority 1): Wire lifecycle end
        - 2026-11-24 14:23:00 [commit] a1b2c3d feat: handoff model (on main)
        - 2026-11-24 14:30:00 [branch] switched to feature/log from a1b2c3d
        - 2026-11-24 14:50:00 [error] build failed: CS1002 ; expected
        - 2026-11-24 15:00:00 [checkpoint] state saved: CLOSING, 3 open tasks, 1 blocker
        - 2026-11-24 15:10:00 [task] done T2: Write the renderers
        - 2026-11-24 15:20:00 [task] blocked T4: Publish the package (waiting for the API key)
        - 2026-11-24 16:35:00 [override] Confirmed with --yes: Update task status before closing (3 open)
        - 2026-11-24 16:36:00 [reality] consensus 97% at close (quick check): build 91%
        - 2026-11-24 16:36:00 [stash] put away 2 files (48 lines) in stash 'lifecycle session 00004': src/Builder.cs, tests/日本語.txt
        - 2026-11-24 16:37:00 [close] handoff written: score 65/100, 3 commits, 2 tasks completed, 3 open items, 2 errors

        ## Closed
        - **Ended**: 2026-11-24 16:37 UTC
        - **Duration**: 2h 37m
        - **Productivity Score**: 65/100
        - **Work**: 3 commits, 2 tasks completed, 3 open items
        - **Files Changed**: 6 (docs/ 2, src/ 2, tests/ 2)
        - **Work Put Away**: 2 files (48 lines) in stash 'lifecycle session 00004', restored by name at the next start
        - **Health Status**: STABLE ✅
        - **Handoff**: SESSION-00004-HANDOFF.md, SESSION-00004-HANDOFF.json, SESSION-00004-REPORT.md
        - **Docs Commit**: committed with the handoff and the report when the close finishes
        - **Next Session**: 00005
        - **Errors**: 2
          - 14:50 build failed: CS1002 ; expected
          - 15:40 dotnet test: 2 failed   HandoffTests.Render
        """ + "\n";
        var context = HandoffExample.Context();
        var handoff = HandoffExample.Handoff();

        var log = SessionLog.Start(context, ContinuationStrategy.Determine(context), ["Previous session missing handoff"]);
        log += SessionLog.Entries([SessionLogEntries.Start(context)]);
        log += SessionLog.Entries(SessionLogEntries.Reality(HandoffExample.Start, 0.97,
            [new AgentReport("git-integrity", 1, 1, null, TimeSpan.Zero), new AgentReport("build", 0.91, 1, "reported health 0.91", TimeSpan.Zero)], atClose: false));
        log += SessionLog.Entries([SessionLogEntries.Override(HandoffExample.Start, "Rule 'reality-consensus' overridden with --force by alice: consensus 62% is below 80%")]);
        log += SessionLog.Entries([SessionLogEntries.Restore(HandoffExample.At(14, 1), "restored", ["src/Builder.cs"], "00003")!]);
        log += SessionLog.Entries(
        [
            SessionLogEntries.TaskAdded(HandoffExample.At(14, 5), new SessionTask("T5", "Wire lifecycle end", 1)),
            SessionLogEntry.From(new SessionEvent("00004", "git_commit", HandoffExample.At(14, 23),
                new() { ["sha"] = "a1b2c3d4e5f6", ["message"] = "feat: handoff model", ["branch"] = "main", ["hook"] = "post-commit" })),
            SessionLogEntry.From(new SessionEvent("00004", "branch_switched", HandoffExample.At(14, 30),
                new() { ["from"] = "a1b2c3d4e5f6", ["to"] = "b2c3d4e5f607", ["branch"] = "feature/log" })),
            SessionLogEntry.From(new SessionEvent("00004", "error_occurred", HandoffExample.At(14, 50), new() { ["message"] = "build failed: CS1002 ; expected" })),
            SessionLogEntries.Checkpoint(HandoffExample.At(15, 0), context),
            SessionLogEntries.TaskDone(HandoffExample.At(15, 10), new SessionTask("T2", "Write the renderers", 2, SessionTaskStatus.Done)),
            SessionLogEntries.TaskBlocked(HandoffExample.At(15, 20), new SessionTask("T4", "Publish the package", 3, SessionTaskStatus.Blocked, "waiting for the API key")),
        ]);
        context.PutAway = HandoffExample.Stash();
        log += SessionLog.Entries(
        [
            SessionLogEntries.Override(HandoffExample.At(16, 35), "Confirmed with --yes: Update task status before closing (3 open)"),
            .. SessionLogEntries.Reality(HandoffExample.At(16, 36), 0.97, [new AgentReport("build", 0.91, 1, null, TimeSpan.Zero)], atClose: true),
            SessionLogEntries.PutAway(HandoffExample.At(16, 36), context),
            SessionLogEntries.Close(HandoffExample.At(16, 37), handoff),
        ]);
        log += SessionLog.Closing(handoff, docsCommit: "committed with the handoff and the report when the close finishes");

        Assert.Equal(expected, log);
    }

    [Fact]
    public void Close_ReplacesAnEarlierClosingSection_AndKnowsTheLogIsClosed()
    {
        var context = HandoffExample.Context();
        var open = SessionLog.Start(context, ContinuationStrategy.Determine(context), []) + SessionLog.Entries([SessionLogEntries.Start(context)]);

        var closed = SessionLog.Close(open, HandoffExample.Handoff());

        Assert.False(SessionLog.IsClosed(open));
        Assert.True(SessionLog.IsClosed(closed));
        Assert.Equal(open, SessionLog.WithoutClosing(closed));
        Assert.Equal(closed, SessionLog.Close(SessionLog.WithoutClosing(closed), HandoffExample.Handoff()));
        Assert.True(SessionLog.HasEntry(open, SessionLogEntryKind.Start));
        Assert.False(SessionLog.HasEntry(open, SessionLogEntryKind.Close));
    }

    [Fact]
    public void HasEntry_DoesNotMistakeTextInAnotherEntryForAnEntry()
    {
        var log = SessionLog.Entries([SessionLogEntries.Note(HandoffExample.Start, "see [start] below")]);

        Assert.False(SessionLog.HasEntry(log, SessionLogEntryKind.Start));
        Assert.True(SessionLog.HasEntry(log, SessionLogEntryKind.Note));
    }

    [Fact]
    public void Closing_WhenTooShortToScore_SaysWhy()
    {
        var sources = HandoffExample.Sources();
        var handoff = HandoffBuilder.Build(sources with
        {
            Metrics = sources.Metrics with
            {
                CommitsPerHour = null, LinesPerHour = null, TasksPerHour = null,
                ScoreUnavailableReason = "too short to score: 0.3 minutes of working time, under the 15-minute minimum",
            },
        });

        Assert.Contains(
            "- **Productivity Score**: not scored (too short to score: 0.3 minutes of working time, under the 15-minute minimum)\n",
            SessionLog.Closing(handoff));
    }

    [Fact]
    public void Closing_WithManyErrors_ListsTheFirstAndLastTen()
    {
        var sources = HandoffExample.Sources();
        var errors = Enumerable.Range(0, 40).Select(i => new SessionError(HandoffExample.At(14, 10).AddSeconds(i), $"error {i}")).ToList();

        var closing = SessionLog.Closing(HandoffBuilder.Build(sources with { Errors = errors }));

        var lines = closing.Split('\n');
        Assert.Contains("- **Errors**: 40", lines);
        Assert.Contains("  - 14:10 error 9", lines);
        Assert.Contains("  - … 20 more errors (all 40 are in SESSION-00004-HANDOFF.json) …", lines);
        Assert.Contains("  - 14:10 error 30", lines);
        Assert.DoesNotContain("  - 14:10 error 10", lines);
        Assert.Equal(21, lines.Count(l => l.StartsWith("  - ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Start_ForAFirstSessionWithNothingCarriedOver_SaysNone()
    {
        var context = new SessionContext { SessionId = "00001", StartTime = HandoffExample.Start, RealityConsensus = 1 };

        var log = SessionLog.Start(context, ContinuationStrategy.Determine(context), []);

        var expected =
            """
            # Session 00001 Log

            - **Started**: 2026-11-24 14:00 UTC
            - **Branch**: unknown
            - **Previous Session**: none (first session)
            - **Reality Consensus**: 100%

            ## Mission
            START_NEW_WORK: Nothing is carried over: start new work.

            ## Open Tasks (0)
            - None

            ## Blockers (0)
            - None

            ## Warnings (0)
            - None

            ## Log
            """ + "\n";
        Assert.Equal(expected, log);
    }

    [Fact]
    public void Entry_PutsAMultiLineTextOnOneLine()
    {
        var entry = new SessionLogEntry(HandoffExample.At(23, 59), SessionLogEntryKind.Warning, "disk nearly full\nfree 1 GB\r\n");

        Assert.Equal("- 2026-11-24 23:59:00 [warning] disk nearly full free 1 GB\n", SessionLog.Entry(entry));
    }

    [Fact]
    public void Entry_ForAnEventOfAnotherTypeWithoutData_IsJustTheType()
    {
        var entry = SessionLogEntry.From(new SessionEvent("00004", "deploy_started", HandoffExample.At(0, 5, day: 25)));

        Assert.Equal("- 2026-11-25 00:05:00 [event] deploy_started\n", SessionLog.Entry(entry));
    }

    [Fact]
    public void Append_ToALogWithoutAFinalNewline_StartsANewLine()
    {
        var entry = new SessionLogEntry(HandoffExample.At(14, 0), SessionLogEntryKind.Note, "hello");

        Assert.Equal("## Log\n- 2026-11-24 14:00:00 [note] hello\n", SessionLog.Append("## Log", entry));
    }

    [Fact]
    public void Entry_WithATimeZone_ShowsLocalTime()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("UTC-05", TimeSpan.FromHours(-5), "UTC-05", "UTC-05");
        var entry = new SessionLogEntry(HandoffExample.At(2, 0), SessionLogEntryKind.Note, "late");

        Assert.Equal("- 2026-11-23 21:00:00 [note] late\n", SessionLog.Entry(entry, zone));
    }
}
