using System.Text.Json.Nodes;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Metrics;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Tests.Handoff;

public class HandoffJsonTests
{
    [Fact]
    public void Render_ForTheExample_GivesTheIndentedCamelCaseDocument()
    {
        var expected =
        """
        {
          "sessionId": "00004",
          "duration": 9420,
          "workCompleted": {
            "commits": [
              {"sha": "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4", "message": "feat: handoff model", "time": "2026-11-24T14:23:00+00:00"},
              {"sha": "b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5", "message": "test: renderers", "time": "2026-11-24T15:12:00+00:00"},
              {"sha": "c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6", "message": "docs: notes from the café", "time": "2026-11-24T16:20:00+00:00"}
            ],
            "tasksCompleted": 2,
            "filesModified": 6,
            "linesChanged": 430,
            "completedTasks": [
              {"id": "T1", "title": "Draft the handoff model", "priority": 2, "status": "done", "blockedReason": null, "assignee": null},
              {"id": "T2", "title": "Write the renderers", "priority": 2, "status": "done", "blockedReason": null, "assignee": null}
            ],
            "files": [
              {"path": "docs/handoff.md", "added": 30, "deleted": 2, "putAway": false, "kind": "modified", "from": null, "lines": 32},
              {"path": "docs/notes/café.md", "added": 12, "deleted": 0, "putAway": false, "kind": "added", "from": null, "lines": 12},
              {"path": "src/Builder.cs", "added": 40, "deleted": 5, "putAway": true, "kind": "staged", "from": null, "lines": 45},
              {"path": "src/Handoff.cs", "added": 125, "deleted": 3, "putAway": false, "kind": "added", "from": null, "lines": 128},
              {"path": "tests/HandoffTests.cs", "added": 200, "deleted": 10, "putAway": false, "kind": "modified", "from": null, "lines": 210},
              {"path": "tests/日本語.txt", "added": 3, "deleted": 0, "putAway": true, "kind": "untracked", "from": null, "lines": 3}
            ]
          },
          "openItems": [
            {"id": "T5", "title": "Wire lifecycle end", "priority": 1, "status": "open", "blockedReason": null, "assignee": null},
            {"id": "T3", "title": "Document the JSON shape", "priority": 2, "status": "open", "blockedReason": null, "assignee": null},
            {"id": "T4", "title": "Publish the package", "priority": 3, "status": "blocked", "blockedReason": "waiting for the API key", "assignee": null}
          ],
          "blockers": [
            "T4 blocked: waiting for the API key"
          ],
          "nextActions": [
            "Resolve blocker: T4 blocked: waiting for the API key",
            "Restore and finish the 2 files put away in stash 'lifecycle session 00004'",
            "Fix the 'build' check (health 91% at close)",
            "Continue T5 (priority 1): Wire lifecycle end",
            "Continue T3 (priority 2): Document the JSON shape"
          ],
          "productivityScore": 0.6494,
          "metrics": {
            "setupTime": 2,
            "activeTime": 141,
            "idleTime": 12,
            "commitsPerHour": 1.2,
            "linesPerHour": 168,
            "tasksPerHour": 0.8,
            "testCoverageDelta": 0.03,
            "testCoverageUnavailableReason": null,
            "documentationRatio": 0.25,
            "technicalDebtDelta": -1,
            "interruptionCount": 3,
            "contextSwitches": 1,
            "focusScore": 0.75,
            "score": 0.6493936651583709,
            "scoreUnavailableReason": null,
            "setupMinutes": 2,
            "activeMinutes": 141,
            "idleMinutes": 12,
            "workingMinutes": 153
          },
          "insights": [
            "Setup optimized: 2 minutes to active state"
          ],
          "durationSeconds": 9420,
          "startTime": "2026-11-24T14:00:00+00:00",
          "activeSince": "2026-11-24T14:02:00+00:00",
          "closingSince": "2026-11-24T16:35:00+00:00",
          "endTime": "2026-11-24T16:37:00+00:00",
          "branch": "main",
          "detachedHead": false,
          "headSha": "c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6",
          "previousSession": "00003",
          "nextSession": "00005",
          "continuation": {
            "strategy": "RESOLVE_BLOCKERS",
            "reason": "1 blocker stands in the way: T4 blocked: waiting for the API key.",
            "priorityTask": null
          },
          "stash": {
            "name": "lifecycle session 00004",
            "files": [
              {"path": "src/Builder.cs", "added": 40, "deleted": 5, "kind": "staged", "from": null, "changedLines": 45},
              {"path": "tests/日本語.txt", "added": 3, "deleted": 0, "kind": "untracked", "from": null, "changedLines": 3}
            ],
            "skipped": [],
            "linesChanged": 48,
            "thisSession": null
          },
          "health": {
            "startConsensus": 0.97,
            "endConsensus": 0.97,
            "status": "STABLE",
            "agentsAtStart": {
              "build": 0.91,
              "git-integrity": 1,
              "no-merge-conflicts": 1
            },
            "agentsAtClose": {
              "build": 0.91,
              "git-integrity": 1,
              "no-merge-conflicts": 1
            }
          },
          "errors": [
            {"time": "2026-11-24T14:50:00+00:00", "message": "build failed: CS1002 ; expected"},
            {"time": "2026-11-24T15:40:00+00:00", "message": "dotnet test: 2 failed\n  HandoffTests.Render"}
          ],
          "notes": "Pick up the wiring in Cli/EndCommand.cs first.",
          "ranBy": null,
          "handoffTo": null
        }
        """ + "\n";

        Assert.Equal(expected, HandoffJson.Render(HandoffExample.Handoff()));
    }

    [Fact]
    public void Render_StartsWithTheContractsNineFields_InTheirOrder()
    {
        var json = JsonNode.Parse(HandoffJson.Render(HandoffExample.Handoff()))!.AsObject();

        Assert.Equal(
            ["sessionId", "duration", "workCompleted", "openItems", "blockers", "nextActions", "productivityScore", "metrics", "insights"],
            json.Select(p => p.Key).Take(9));
        Assert.Equal(
            ["commits", "tasksCompleted", "filesModified", "linesChanged"],
            json["workCompleted"]!.AsObject().Select(p => p.Key).Take(4));
        Assert.Equal(["sha", "message", "time"], json["workCompleted"]!["commits"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal(
            ["id", "title", "priority", "status", "blockedReason", "assignee"],
            json["openItems"]![0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Render_ForAnEmptySession_WritesNullsAndEmptyLists()
    {
        var json = JsonNode.Parse(HandoffJson.Render(HandoffBuilder.Build(HandoffExample.Empty())))!.AsObject();

        Assert.Empty(json["workCompleted"]!["commits"]!.AsArray());
        Assert.True(json.ContainsKey("stash"));
        Assert.Null(json["stash"]);
        Assert.Null(json["metrics"]!["testCoverageDelta"]);
        Assert.Equal("UNCHECKED", json["health"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void Parse_ReadsBackWhatRenderWrote()
    {
        var text = HandoffJson.Render(HandoffExample.Handoff());

        var handoff = HandoffJson.Parse(text);

        Assert.Equal(text, HandoffJson.Render(handoff));
        Assert.Equal("tests/日本語.txt", handoff.Stash!.Files[1].Path);
    }

    /// <summary>A handoff as the first version wrote it (indented, without errors, kinds or unit-named fields), as committed in repositories.</summary>
    private static string FirstVersion() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Handoff", "Fixtures", "SESSION-00004-HANDOFF.v1.json"));

    [Fact]
    public void Parse_AHandoffWrittenByTheFirstVersion_ReadsEveryField()
    {
        var handoff = HandoffJson.Parse(FirstVersion());

        var expected = HandoffExample.Handoff();
        Assert.Equal("00004", handoff.SessionId);
        Assert.Equal(9420, handoff.Duration);
        Assert.Equal(9420, handoff.DurationSeconds);
        Assert.Equal(0.6494, handoff.ProductivityScore);
        Assert.Equal(expected.Metrics.SetupTime, handoff.Metrics.SetupTime);
        Assert.Equal(141, handoff.Metrics.ActiveMinutes);
        Assert.Null(handoff.Metrics.ScoreUnavailableReason);
        Assert.Equal(expected.Metrics.Score, handoff.Metrics.Score);
        Assert.Equal(expected.OpenItems, handoff.OpenItems);
        Assert.Equal(expected.Blockers, handoff.Blockers);
        Assert.Equal(expected.NextActions, handoff.NextActions);
        Assert.Equal(expected.WorkCompleted.Commits, handoff.WorkCompleted.Commits);
        Assert.All(handoff.WorkCompleted.Files, f => Assert.Equal(FileChangeKind.Unknown, f.Kind));
        Assert.Equal(expected.Stash!.Files.Select(f => (f.Path, f.Added, f.Deleted)), handoff.Stash!.Files.Select(f => (f.Path, f.Added, f.Deleted)));
        Assert.Empty(handoff.Errors);
        Assert.Equal(expected.Notes, handoff.Notes);
    }

    [Fact]
    public void CommittedHandoff_WrittenByTheFirstVersion_IsImportedInAFreshClone()
    {
        var root = Directory.CreateTempSubdirectory("lifecycle-handoff-v1-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "docs", "sessions"));
            File.WriteAllText(Path.Combine(root, "docs", "sessions", "SESSION-00004-HANDOFF.json"), FirstVersion());

            var session = CommittedHandoff.Read(root, null);

            Assert.NotNull(session);
            Assert.Equal("00004", session.SessionId);
            Assert.Equal(["T5", "T3", "T4"], session.OpenTasks.Select(t => t.Id));
            Assert.Equal(["T1", "T2"], session.CompletedTasks.Select(t => t.Id));
            Assert.Equal("lifecycle session 00004", session.PutAway!.Name);
            Assert.Equal(["src/Builder.cs", "tests/日本語.txt"], session.UncommittedFiles);
            Assert.Equal("Pick up the wiring in Cli/EndCommand.cs first.", session.HandoffNotes);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Render_WhenTooShortToScore_WritesNullScoresAndTheReason()
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

        var text = HandoffJson.Render(handoff);

        var json = JsonNode.Parse(text)!.AsObject();
        Assert.True(json.ContainsKey("productivityScore"));
        Assert.Null(json["productivityScore"]);
        Assert.Null(json["metrics"]!["score"]);
        Assert.Null(json["metrics"]!["commitsPerHour"]);
        Assert.Equal("too short to score: 0.3 minutes of working time, under the 15-minute minimum", (string)json["metrics"]!["scoreUnavailableReason"]!);
        Assert.Equal(text, HandoffJson.Render(HandoffJson.Parse(text)));
    }

    [Fact]
    public void Render_CarriesTheErrorsAndTheUnitNamedDurations()
    {
        var json = JsonNode.Parse(HandoffJson.Render(HandoffExample.Handoff()))!.AsObject();

        Assert.Equal(9420, (double)json["durationSeconds"]!);
        Assert.Equal(153, (double)json["metrics"]!["workingMinutes"]!);
        Assert.Equal("2026-11-24T14:50:00+00:00", (string)json["errors"]![0]!["time"]!);
        Assert.Equal("build failed: CS1002 ; expected", (string)json["errors"]![0]!["message"]!);
        Assert.Equal("untracked", (string)json["stash"]!["files"]![1]!["kind"]!);
    }

    [Fact]
    public void Render_AMessageWithQuotesBracesAndBackslashes_StaysOnItsLineAndReadsBack()
    {
        var sources = HandoffExample.Sources();
        var message = "fix: \"{\" and [x] in C:\\path {";
        var handoff = HandoffBuilder.Build(sources with { Commits = [sources.Commits[0] with { Message = message }] });

        var text = HandoffJson.Render(handoff);

        Assert.Contains("      {\"sha\": \"b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5\", \"message\": \"fix: \\\"{\\\" and [x] in C:\\\\path {\", \"time\": \"2026-11-24T15:12:00+00:00\"}\n", text);
        Assert.Equal(message, HandoffJson.Parse(text).WorkCompleted.Commits[0].Message);
    }
}
