using System.Text.Json.Nodes;
using Lifecycle.Activities.Handoff;

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
              {
                "sha": "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4",
                "message": "feat: handoff model",
                "time": "2026-11-24T14:23:00+00:00"
              },
              {
                "sha": "b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5",
                "message": "test: renderers",
                "time": "2026-11-24T15:12:00+00:00"
              },
              {
                "sha": "c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6",
                "message": "docs: notes from the café",
                "time": "2026-11-24T16:20:00+00:00"
              }
            ],
            "tasksCompleted": 2,
            "filesModified": 6,
            "linesChanged": 430,
            "completedTasks": [
              {
                "id": "T1",
                "title": "Draft the handoff model",
                "priority": 2,
                "status": "done",
                "blockedReason": null
              },
              {
                "id": "T2",
                "title": "Write the renderers",
                "priority": 2,
                "status": "done",
                "blockedReason": null
              }
            ],
            "files": [
              {
                "path": "docs/handoff.md",
                "added": 30,
                "deleted": 2,
                "putAway": false,
                "lines": 32
              },
              {
                "path": "docs/notes/café.md",
                "added": 12,
                "deleted": 0,
                "putAway": false,
                "lines": 12
              },
              {
                "path": "src/Builder.cs",
                "added": 40,
                "deleted": 5,
                "putAway": true,
                "lines": 45
              },
              {
                "path": "src/Handoff.cs",
                "added": 125,
                "deleted": 3,
                "putAway": false,
                "lines": 128
              },
              {
                "path": "tests/HandoffTests.cs",
                "added": 200,
                "deleted": 10,
                "putAway": false,
                "lines": 210
              },
              {
                "path": "tests/日本語.txt",
                "added": 3,
                "deleted": 0,
                "putAway": true,
                "lines": 3
              }
            ]
          },
          "openItems": [
            {
              "id": "T5",
              "title": "Wire lifecycle end",
              "priority": 1,
              "status": "open",
              "blockedReason": null
            },
            {
              "id": "T3",
              "title": "Document the JSON shape",
              "priority": 2,
              "status": "open",
              "blockedReason": null
            },
            {
              "id": "T4",
              "title": "Publish the package",
              "priority": 3,
              "status": "blocked",
              "blockedReason": "waiting for the API key"
            }
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
            "score": 0.6493936651583709
          },
          "insights": [
            "Setup optimized: 2 minutes to active state"
          ],
          "startTime": "2026-11-24T14:00:00+00:00",
          "activeSince": "2026-11-24T14:02:00+00:00",
          "closingSince": "2026-11-24T16:35:00+00:00",
          "endTime": "2026-11-24T16:37:00+00:00",
          "branch": "main",
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
              {
                "path": "src/Builder.cs",
                "added": 40,
                "deleted": 5,
                "changedLines": 45
              },
              {
                "path": "tests/日本語.txt",
                "added": 3,
                "deleted": 0,
                "changedLines": 3
              }
            ],
            "skipped": [],
            "linesChanged": 48
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
          "notes": "Pick up the wiring in Cli/EndCommand.cs first."
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
            ["id", "title", "priority", "status", "blockedReason"],
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
}
