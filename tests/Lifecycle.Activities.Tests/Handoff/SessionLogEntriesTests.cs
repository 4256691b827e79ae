using System.Text.Json.Nodes;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Metrics;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Tests.Handoff;

public class SessionLogEntriesTests
{
    private static readonly DateTimeOffset Time = HandoffExample.At(14, 23);

    private static string Line(SessionLogEntry entry) => SessionLog.Entry(entry).TrimEnd('\n')[22..];

    private static string Event(string type, JsonObject? data = null) => Line(SessionLogEntries.Event(new SessionEvent("00004", type, Time, data)));

    [Theory]
    [InlineData("""{"sha":"a1b2c3d4e5f6","message":"fix: parser"}""", "[commit] a1b2c3d fix: parser")]
    [InlineData("""{"sha":"a1b2c3d4e5f6","subject":"fix: parser","branch":"main"}""", "[commit] a1b2c3d fix: parser (on main)")]
    [InlineData("""{"sha":"a1b2c3d4e5f6"}""", "[commit] a1b2c3d")]
    [InlineData("""{"message":"fix: parser"}""", "[commit] fix: parser")]
    [InlineData("{}", "[commit] a commit (no sha given)")]
    public void Event_GitCommit_GivesTheShortShaAndTheSubject(string data, string expected)
    {
        Assert.Equal(expected, Event(SessionEventTypes.GitCommit, JsonNode.Parse(data)!.AsObject()));
    }

    [Theory]
    [InlineData("""{"from":"a1b2c3d4e5f6","to":"b2c3d4e5f607","branch":"feature"}""", "[branch] switched to feature from a1b2c3d")]
    [InlineData("""{"fromBranch":"main","toBranch":"feature","branch":"feature"}""", "[branch] switched to feature from main")]
    [InlineData("""{"to":"b2c3d4e5f607"}""", "[branch] switched to b2c3d4e")]
    [InlineData("""{"fromBranch":"main"}""", "[branch] switched from main")]
    [InlineData(null, "[branch] switched branch")]
    public void Event_BranchSwitched_SaysFromAndTo(string? data, string expected)
    {
        Assert.Equal(expected, Event(SessionEventTypes.BranchSwitched, data is null ? null : JsonNode.Parse(data)!.AsObject()));
    }

    [Theory]
    [InlineData("""{"message":"  dotnet build failed\nCS1002  "}""", "[error] dotnet build failed CS1002")]
    [InlineData("""{"message":""}""", "[error] (no message given)")]
    [InlineData("""{"message":42}""", "[error] (no message given)")]
    [InlineData(null, "[error] (no message given)")]
    public void Event_ErrorOccurred_GivesItsMessage(string? data, string expected)
    {
        Assert.Equal(expected, Event(SessionEventTypes.ErrorOccurred, data is null ? null : JsonNode.Parse(data)!.AsObject()));
    }

    [Fact]
    public void Event_OtherTypes_HaveTheirOwnKinds()
    {
        Assert.Equal("[file] src/a.cs", Event(SessionEventTypes.FileModified, new() { ["path"] = "src/a.cs" }));
        Assert.Equal("[file] a file changed (no path given)", Event(SessionEventTypes.FileModified));
        Assert.Equal("[heartbeat] still working", Event(SessionEventTypes.Heartbeat));
        Assert.Equal("[heartbeat] running the tests", Event(SessionEventTypes.Heartbeat, new() { ["message"] = "running the tests" }));
        Assert.Equal("[event] deployed env=prod count=2 ok=true", Event("deployed", new() { ["env"] = "prod", ["count"] = 2, ["ok"] = true }));
    }

    [Fact]
    public void Event_TheTaskCommandsEvents_SayWhatHappenedToWhichTask()
    {
        JsonObject Task(string? reason = null) => new() { ["task"] = "T3", ["title"] = "Document the JSON shape", ["priority"] = 2, ["reason"] = reason };

        Assert.Equal("[task] added T3 (priority 2): Document the JSON shape", Event(SessionEventTypes.TaskAdded, Task()));
        Assert.Equal("[task] done T3: Document the JSON shape", Event(SessionEventTypes.TaskCompleted, Task()));
        Assert.Equal("[task] done T3", Event(SessionEventTypes.TaskCompleted, new() { ["task"] = "T3" }));
        Assert.Equal("[task] blocked T3: Document the JSON shape (waiting for review)", Event(SessionEventTypes.TaskBlocked, Task("waiting for review")));
        Assert.Equal("[task] edited T3 (priority 2): Document the JSON shape", Event(SessionEventTypes.TaskEdited, Task()));
        Assert.Equal("[task] reopened T3: Document the JSON shape", Event(SessionEventTypes.TaskReopened, Task()));
        Assert.Equal("[task] removed T3: Document the JSON shape", Event(SessionEventTypes.TaskRemoved, Task()));
        Assert.Equal("[task] switched to T4", Event(SessionEventTypes.TaskSwitched, new() { ["task"] = "T4" }));
        Assert.Equal("[task] added a task", Event(SessionEventTypes.TaskAdded));
    }

    [Fact]
    public void Tasks_SayWhatHappenedToWhichTask()
    {
        var task = new SessionTask("T3", "Document the JSON shape", 2);

        Assert.Equal("[task] added T3 (priority 2): Document the JSON shape", Line(SessionLogEntries.TaskAdded(Time, task)));
        Assert.Equal("[task] done T3: Document the JSON shape", Line(SessionLogEntries.TaskDone(Time, task with { Status = SessionTaskStatus.Done })));
        Assert.Equal("[task] blocked T3: Document the JSON shape (no reason given)", Line(SessionLogEntries.TaskBlocked(Time, task with { Status = SessionTaskStatus.Blocked })));
        Assert.Equal("[task] edited T3 (priority 1, open): Document the handoff", Line(SessionLogEntries.TaskEdited(Time, task with { Priority = 1, Title = "Document the handoff" })));
        Assert.Equal("[task] edited T3 (priority 2, blocked: review): Document the JSON shape",
            Line(SessionLogEntries.TaskEdited(Time, task with { Status = SessionTaskStatus.Blocked, BlockedReason = "review" })));
    }

    [Theory]
    [InlineData("restored", 1, "[stash] restored 1 file put away by session 00003: f0.txt")]
    [InlineData("partial", 2, "[stash] restored 2 files put away by session 00003, but not all: the stash is kept (see the blockers): f0.txt, f1.txt")]
    [InlineData("conflict", 1, "[stash] not restored: the stash of session 00003 is kept, because 1 file changed since it was made: f0.txt")]
    [InlineData("skipped", 0, "[stash] restore skipped: the stash of session 00003, if any, stays in 'git stash list'")]
    [InlineData("restored", 12, "[stash] restored 12 files put away by session 00003: f0.txt, f1.txt, f2.txt, f3.txt, f4.txt, f5.txt, f6.txt, f7.txt, f8.txt, f9.txt, and 2 more")]
    public void Restore_SaysWhatBecameOfThePreviousStash(string status, int files, string expected)
    {
        var entry = SessionLogEntries.Restore(Time, status, [.. Enumerable.Range(0, files).Select(i => $"f{i}.txt")], "00003");

        Assert.Equal(expected, Line(entry!));
    }

    [Fact]
    public void Restore_WithNothingToRestore_GivesNoEntry()
    {
        Assert.Null(SessionLogEntries.Restore(Time, "nothing", [], "00003"));
    }

    [Fact]
    public void PutAway_SaysWhereTheUncommittedWorkWent()
    {
        var session = new SessionContext { SessionId = "00004" };
        Assert.Equal("[stash] nothing to put away: no uncommitted work", Line(SessionLogEntries.PutAway(Time, session)));

        session.UncommittedFiles = ["a.txt", "b.txt"];
        Assert.Equal("[stash] nothing put away: 2 uncommitted files left in the work tree: a.txt, b.txt", Line(SessionLogEntries.PutAway(Time, session)));

        session.PutAway = new StashedWork("lifecycle session 00004", [new FileChange("a.txt", 1, 0)], ["vendor/lib"]);
        Assert.Equal("[stash] put away 1 file (1 line) in stash 'lifecycle session 00004': a.txt; left in place: vendor/lib", Line(SessionLogEntries.PutAway(Time, session)));
    }

    [Fact]
    public void Close_WhenTooShortToScore_SaysNotScored()
    {
        var sources = HandoffExample.Empty();
        var handoff = HandoffBuilder.Build(sources with
        {
            Metrics = sources.Metrics with { CommitsPerHour = null, LinesPerHour = null, TasksPerHour = null, ScoreUnavailableReason = "too short to score: 0.5 minutes of working time, under the 15-minute minimum" },
        });

        Assert.Equal(
            "[close] handoff written: not scored (too short to score: 0.5 minutes of working time, under the 15-minute minimum), 0 commits, 0 tasks completed, 0 open items, 0 errors",
            Line(SessionLogEntries.Close(Time, handoff)));
    }
}
