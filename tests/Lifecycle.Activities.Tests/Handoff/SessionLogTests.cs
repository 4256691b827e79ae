using Lifecycle.Activities.Continuity;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Tests.Handoff;

public class SessionLogTests
{
    [Fact]
    public void StartAppendClose_ForTheExample_GiveTheWholeLog()
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
        - 2026-11-24 14:23:00 [event] git_commit sha=a1b2c3d files=2
        - 2026-11-24 14:30:00 [checkpoint] context persisted

        ## Closed
        - **Ended**: 2026-11-24 16:37 UTC
        - **Duration**: 2h 37m
        - **Productivity Score**: 65/100
        - **Work**: 3 commits, 2 tasks completed, 3 open items
        - **Work Put Away**: 2 files (48 lines) in stash 'lifecycle session 00004', restored by name at the next start
        - **Health Status**: STABLE ✅
        - **Handoff**: SESSION-00004-HANDOFF.md, SESSION-00004-HANDOFF.json, SESSION-00004-REPORT.md
        - **Next Session**: 00005
        """ + "\n";
        var context = HandoffExample.Context();

        var log = SessionLog.Start(context, ContinuationStrategy.Determine(context), ["Previous session missing handoff"]);
        log = SessionLog.Append(log, SessionLogEntry.From(new SessionEvent("00004", "git_commit", HandoffExample.At(14, 23), new() { ["sha"] = "a1b2c3d", ["files"] = 2 })));
        log = SessionLog.Append(log, new SessionLogEntry(HandoffExample.At(14, 30), SessionLogEntryKind.Checkpoint, "context persisted"));
        log = SessionLog.Close(log, HandoffExample.Handoff());

        Assert.Equal(expected, log);
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
    public void Entry_ForAnEventWithoutData_IsJustTheType()
    {
        var entry = SessionLogEntry.From(new SessionEvent("00004", "heartbeat", HandoffExample.At(0, 5, day: 25)));

        Assert.Equal("- 2026-11-25 00:05:00 [event] heartbeat\n", SessionLog.Entry(entry));
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
