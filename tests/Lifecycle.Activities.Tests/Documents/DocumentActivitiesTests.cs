using System.Globalization;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Metrics;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Activities.Tests.Documents;

public class DocumentActivitiesTests
{
    private const string Close = """
        { "type": "Sequence", "activities": [
          { "type": "RecordRealityCheck", "session": "00001", "consensus": 0.9, "agentHealth": { "git": 1, "tests": 0.8 } },
          { "id": "metrics", "type": "ComputeProductivity", "session": "00001" },
          { "type": "RecordRealityCheck", "session": "00001", "consensus": 0.7, "agentHealth": { "git": 1, "tests": 0.4 }, "atClose": true },
          { "id": "close", "type": "GenerateHandoff", "session": "00001" },
          { "type": "SetOutput", "name": "score", "value": { "js": "outputs.metrics.score" } },
          { "type": "SetOutput", "name": "metrics", "value": { "js": "outputs.metrics.metrics" } },
          { "type": "SetOutput", "name": "handoff", "value": { "js": "outputs.close.handoff" } },
          { "type": "SetOutput", "name": "paths", "value": { "js": "outputs.close.paths" } }
        ] }
        """;

    private const string Open = """
        { "type": "Sequence", "activities": [
          { "id": "log", "type": "CreateSessionLog", "session": "00001" },
          { "id": "mission", "type": "DisplayMission", "session": "00001" },
          { "type": "SetOutput", "name": "log", "value": { "js": "outputs.log.path" } },
          { "type": "SetOutput", "name": "mission", "value": { "js": "outputs.mission.mission" } }
        ] }
        """;

    [Fact]
    public async Task GenerateHandoff_SessionWithTwoCommits_CountsWhatGitLogCounts()
    {
        await using var harness = new DocumentsHarness();
        var startSha = await SessionWithTwoCommitsAsync(harness);

        var run = await harness.RunAsync(Close);

        Assert.True(run.Status == WorkflowStatus.Finished, run.Error);
        var log = NumStat(harness, startSha);
        var work = run.Outputs["handoff"]!["workCompleted"]!;
        Assert.Equal(log.Select(c => c.Sha).Order(), work["commits"]!.AsArray().Select(c => (string)c!["sha"]!).Order());
        Assert.Equal(log.Sum(c => c.Files.Sum(f => f.ChangedLines)), (int)work["linesChanged"]!);
        Assert.Equal(log.SelectMany(c => c.Files).Select(f => f.Path).Distinct().Count(), (int)work["filesModified"]!);

        var session = (await harness.Store.GetAsync("00001", default))!;
        Assert.Equal(2, session.Commits);
        Assert.Equal((int)work["linesChanged"]!, session.LinesChanged);
        Assert.Equal((int)work["filesModified"]!, session.FilesModified);
        Assert.Equal(1, session.Interruptions);
        Assert.Equal(harness.Time.GetUtcNow(), session.EndTime);
        Assert.Equal(0.9, session.RealityConsensus);
        Assert.Equal(0.4, session.CheckAtClose!.Agents["tests"]);
    }

    [Fact]
    public async Task ComputeProductivity_SessionWithTwoCommits_ScoreIsTheCalculators()
    {
        await using var harness = new DocumentsHarness();
        var startSha = await SessionWithTwoCommitsAsync(harness);

        var run = await harness.RunAsync(Close);

        Assert.True(run.Status == WorkflowStatus.Finished, run.Error);
        var expected = new ProductivityCalculator().Calculate(new SessionFacts
        {
            StartedAt = DocumentsHarness.Start,
            ActiveAt = DocumentsHarness.Start.AddMinutes(2),
            EndedAt = harness.Time.GetUtcNow(),
            ActivityTimestamps = [.. EventMinutes.Select(m => DocumentsHarness.Start.AddMinutes(m))],
            Commits = NumStat(harness, startSha),
            TasksCompleted = 1,
            ErrorsRecorded = 1,
            BranchSwitches = 1,
            TaskSwitches = 1,
            TechnicalDebtMarkersAtStart = 1,
            TechnicalDebtMarkersAtEnd = 2,
        });
        Assert.Equal(expected.Score!.Value, (double)run.Outputs["score"]!, precision: 12);
        Assert.Equal(Math.Round(expected.Score.Value, 4), (double)run.Outputs["handoff"]!["productivityScore"]!);
        Assert.Equal(expected.ActiveTime, (double)run.Outputs["metrics"]!["activeTime"]!, precision: 9);
        Assert.Equal(2, (int)run.Outputs["metrics"]!["contextSwitches"]!);
        Assert.Equal(1, (double)run.Outputs["metrics"]!["technicalDebtDelta"]!);
    }

    [Fact]
    public async Task GenerateHandoff_SessionWithTwoCommits_WritesTheFourDocuments()
    {
        await using var harness = new DocumentsHarness();
        await SessionWithTwoCommitsAsync(harness);

        var run = await harness.RunAsync(Close);

        Assert.True(run.Status == WorkflowStatus.Finished, run.Error);
        var folder = Path.Combine(harness.Repository.Path, "docs", "sessions");
        Assert.Equal(
            ["SESSION-00001-HANDOFF.json", "SESSION-00001-HANDOFF.md", "SESSION-00001-LOG.md", "SESSION-00001-REPORT.md"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var paths = run.Outputs["paths"]!;
        Assert.Equal(Path.Combine(folder, "SESSION-00001-HANDOFF.json"), (string)paths["handoffJson"]!);
        var written = HandoffJson.Parse(File.ReadAllText((string)paths["handoffJson"]!));
        Assert.Equal(run.Outputs["handoff"]!["workCompleted"]!["linesChanged"]!.GetValue<int>(), written.WorkCompleted.LinesChanged);
        Assert.Contains("Fix the 'tests' check", string.Join("\n", written.NextActions));
        Assert.Contains("## Closed", File.ReadAllText((string)paths["log"]!));
    }

    [Fact]
    public async Task GenerateHandoff_RunTwice_ClosesTheLogOnce()
    {
        await using var harness = new DocumentsHarness();
        await SessionWithTwoCommitsAsync(harness);

        var first = await harness.RunAsync(Close);
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await harness.RunAsync(Close);

        Assert.True(second.Status == WorkflowStatus.Finished, second.Error);
        Assert.Equal(first.Outputs["handoff"]!.ToJsonString(), second.Outputs["handoff"]!.ToJsonString());
        var log = File.ReadAllText((string)second.Outputs["paths"]!["log"]!);
        Assert.Equal(2, log.Split("## Closed").Length);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(log, @"\[close\] handoff written"));
        Assert.StartsWith("# Session 00001 Log", log);
    }

    [Fact]
    public async Task CreateSessionLog_AfterAForcedStart_LogsTheStartTheCheckTheOverrideAndTheRestore()
    {
        await using var harness = new DocumentsHarness();
        await SessionWithTwoCommitsAsync(harness);

        var run = await harness.RunAsync("""
            { "type": "Sequence", "activities": [
              { "id": "consensus", "type": "Block", "rule": "reality-consensus", "message": "consensus 62% is below 80%", "force": true, "actor": "alice" },
              { "id": "log", "type": "CreateSessionLog", "session": "00001",
                "reality": { "consensus": 0.62, "agentHealth": { "git-integrity": 1, "build": 0 }, "agents": [
                  { "name": "git-integrity", "health": 1, "weight": 1, "reason": null, "seconds": 0.1 },
                  { "name": "build", "health": 0, "weight": 2, "reason": "exited with code 1: error CS1002: ; expected", "seconds": 3.2 } ] },
                "restore": { "status": "restored", "files": ["src/a.cs"] } },
              { "type": "SetOutput", "name": "log", "value": { "js": "outputs.log.path" } }
            ] }
            """);

        Assert.True(run.Status == WorkflowStatus.Finished, run.Error);
        var log = File.ReadAllText((string)run.Outputs["log"]!);
        Assert.EndsWith(
            """
            ## Log
            - 2026-11-24 09:00:00 [start] session 00001 started on branch main (first session)
            - 2026-11-24 09:00:00 [reality] consensus 62% at start: git-integrity 100%, build 0%
            - 2026-11-24 09:00:00 [reality] build 0%: exited with code 1: error CS1002: ; expected
            - 2026-11-24 10:00:00 [override] Rule 'reality-consensus' overridden with --force by alice: consensus 62% is below 80%
            - 2026-11-24 10:00:00 [stash] restored 1 file put away by the previous session: src/a.cs
            """ + "\n",
            log);
        Assert.Equal(
            "Rule 'reality-consensus' overridden with --force by alice: consensus 62% is below 80%",
            (string)run.Outputs["overrides"]![0]!["text"]!);
    }

    [Fact]
    public async Task CreateSessionLog_AfterARealCheckWithAFailingCommand_LogsWhatTheCommandPrinted()
    {
        await using var harness = new DocumentsHarness();
        await SessionWithTwoCommitsAsync(harness);
        harness.Repository.Write(".lifecycle/config.json", """
            { "realityChecks": {
                "builtins": { "gitIntegrity": { "enabled": false }, "noMergeConflicts": { "enabled": false }, "diskSpace": { "enabled": false } },
                "agents": [ { "name": "build", "run": "echo 'error CS1002: ; expected' >&2; exit 1" } ] } }
            """);

        var run = await harness.RunAsync("""
            { "type": "Sequence", "activities": [
              { "id": "reality", "type": "RealityCheck" },
              { "id": "log", "type": "CreateSessionLog", "session": "00001", "reality": { "js": "outputs.reality" } },
              { "type": "SetOutput", "name": "log", "value": { "js": "outputs.log.path" } }
            ] }
            """);

        Assert.True(run.Status == WorkflowStatus.Finished, run.Error);
        Assert.EndsWith(
            "- 2026-11-24 09:00:00 [reality] consensus 0% at start: build 0%\n"
            + "- 2026-11-24 09:00:00 [reality] build 0%: exited with code 1: error CS1002: ; expected\n",
            File.ReadAllText((string)run.Outputs["log"]!));
    }

    [Fact]
    public async Task GenerateHandoff_AfterAConfirmedRequirement_LogsTheCloseAndTheErrors()
    {
        await using var harness = new DocumentsHarness();
        await SessionWithTwoCommitsAsync(harness);
        await harness.Store.AppendEventAsync(new SessionEvent("00001", SessionEventTypes.ErrorOccurred, DocumentsHarness.Start.AddMinutes(40),
            new JsonObject { ["message"] = "dotnet test: 2 failed" }), default);
        var close = Close.Replace(
            "{ \"type\": \"Sequence\", \"activities\": [",
            "{ \"type\": \"Sequence\", \"activities\": [ { \"type\": \"Require\", \"action\": \"Update task status before closing (1 open)\", \"yes\": true },",
            StringComparison.Ordinal);

        var run = await harness.RunAsync(close);

        Assert.True(run.Status == WorkflowStatus.Finished, run.Error);
        var log = File.ReadAllText((string)run.Outputs["paths"]!["log"]!);
        Assert.Contains(
            """
            ## Log
            - 2026-11-24 10:00:00 [override] Confirmed with --yes: Update task status before closing (1 open)
            - 2026-11-24 10:00:00 [reality] consensus 70% at close (quick check): git 100%, tests 40%
            - 2026-11-24 10:00:00 [stash] nothing to put away: no uncommitted work
            """,
            log);
        Assert.Matches(@"\n- 2026-11-24 10:00:00 \[close\] handoff written: score \d+/100, 2 commits, 1 task completed, 1 open item, 2 errors\n\n## Closed\n", log);
        Assert.Contains("- **Docs Commit**: committed with the handoff and the report when the close finishes\n", log);
        Assert.EndsWith("- **Errors**: 2\n  - 09:12 (no message given)\n  - 09:40 dotnet test: 2 failed\n", log);
        var errors = run.Outputs["handoff"]!["errors"]!.AsArray();
        Assert.Equal(["(no message given)", "dotnet test: 2 failed"], errors.Select(e => (string)e!["message"]!));
        Assert.Contains("## Errors (2)\n- 09:12 (no message given)\n- 09:40 dotnet test: 2 failed\n", File.ReadAllText((string)run.Outputs["paths"]!["handoff"]!));
    }

    [Fact]
    public async Task GenerateHandoff_AnEighteenSecondSessionWithTwoCommits_IsNotScored()
    {
        await using var harness = new DocumentsHarness();
        await SessionWithTwoCommitsAsync(harness);
        var session = (await harness.Store.GetAsync("00001", default))!;
        var now = harness.Time.GetUtcNow();
        session.StartTime = now.AddSeconds(-20);
        session.ActiveSince = now.AddSeconds(-18);
        await harness.Store.SaveAsync(session, default);

        var run = await harness.RunAsync(Close);

        Assert.True(run.Status == WorkflowStatus.Finished, run.Error);
        Assert.Null(run.Outputs["score"]);
        var handoff = run.Outputs["handoff"]!;
        Assert.Null(handoff["productivityScore"]);
        Assert.Null(handoff["metrics"]!["commitsPerHour"]);
        Assert.Equal("too short to score: 0.3 minutes of working time, under the 15-minute minimum", (string)handoff["metrics"]!["scoreUnavailableReason"]!);
        Assert.DoesNotContain(handoff["insights"]!.AsArray(), i => ((string)i!).Contains("commit frequency", StringComparison.Ordinal));
        var report = File.ReadAllText((string)run.Outputs["paths"]!["report"]!);
        Assert.Contains("- **Productivity Score**: not scored (too short to score: 0.3 minutes of working time, under the 15-minute minimum)\n", report);
    }

    [Fact]
    public async Task ComputeProductivity_WorkPutAway_CountsItsLinesAndFilesOnce()
    {
        await using var harness = new DocumentsHarness();
        var startSha = await SessionWithTwoCommitsAsync(harness);
        var session = (await harness.Store.GetAsync("00001", default))!;
        session.PutAway = new StashedWork("lifecycle/session-00001", [new FileChange("src/b.cs", 3, 1), new FileChange("notes.txt", 2, 0)], []);
        await harness.Store.SaveAsync(session, default);

        var run = await harness.RunAsync("""{ "type": "ComputeProductivity", "session": "00001" }""");

        Assert.True(run.Status == WorkflowStatus.Finished, run.Error);
        var committed = NumStat(harness, startSha).SelectMany(c => c.Files).ToList();
        var stored = (await harness.Store.GetAsync("00001", default))!;
        Assert.Equal(committed.Sum(f => f.ChangedLines) + 6, stored.LinesChanged);
        Assert.Equal(committed.Select(f => f.Path).Append("notes.txt").Distinct().Count(), stored.FilesModified);
        Assert.Null(stored.EndTime);
    }

    [Fact]
    public async Task GenerateHandoff_ConfiguredFolderAndCoverage_FollowsTheConfiguration()
    {
        await using var harness = new DocumentsHarness();
        await SessionWithTwoCommitsAsync(harness);
        harness.Repository.Write(".lifecycle/config.json", """{ "docsFolder": "handoffs", "coverageReport": "coverage.xml", "idleThresholdMinutes": 5 }""");
        harness.Repository.Write("coverage.xml", """<?xml version="1.0"?><coverage line-rate="0.8" branch-rate="0"></coverage>""");
        var session = (await harness.Store.GetAsync("00001", default))!;
        session.CoverageAtStart = 0.75;
        await harness.Store.SaveAsync(session, default);

        var run = await harness.RunAsync(Close);

        Assert.True(run.Status == WorkflowStatus.Finished, run.Error);
        var metrics = run.Outputs["handoff"]!["metrics"]!;
        Assert.Equal(0.05, (double)metrics["testCoverageDelta"]!, precision: 9);
        // Gaps from minute 2: 3, 5, 2, 2, 6, 10, 30; over 5 minutes are idle (the default 15 would give 30).
        Assert.Equal(46, (double)metrics["idleTime"]!, precision: 9);
        Assert.Equal(Path.Combine(harness.Repository.Path, "handoffs", "SESSION-00001-REPORT.md"), (string)run.Outputs["paths"]!["report"]!);
        Assert.True(File.Exists((string)run.Outputs["paths"]!["report"]!));
    }

    [Fact]
    public async Task DisplayMission_OpenTask_MissionNamesTheStrategy()
    {
        await using var harness = new DocumentsHarness();
        await SessionWithTwoCommitsAsync(harness);

        var run = await harness.RunAsync(Open);

        Assert.True(run.Status == WorkflowStatus.Finished, run.Error);
        var mission = (string)run.Outputs["mission"]!;
        Assert.StartsWith("Session 00001 on branch main\nMission: CONTINUE_TASKS: ", mission);
        Assert.Contains("  T2 (priority 1): Write the report", mission);
        Assert.Contains("Warnings (1):\n  Previous session missing handoff\n", mission);
        var log = File.ReadAllText((string)run.Outputs["log"]!);
        Assert.Contains("CONTINUE_TASKS", log);
        Assert.Contains("- Previous session missing handoff", log);
    }

    [Theory]
    [InlineData(1, "Restored 1 changed file put away by session 00000: f00.txt\n")]
    [InlineData(12, "Restored 12 changed files put away by session 00000: f00.txt, f01.txt, f02.txt, f03.txt, f04.txt, f05.txt, f06.txt, f07.txt, f08.txt, f09.txt, and 2 more\n")]
    public async Task DisplayMission_WithRestoredFiles_NamesThem(int count, string expected)
    {
        await using var harness = new DocumentsHarness();
        await SessionWithTwoCommitsAsync(harness);
        var session = (await harness.Store.GetAsync("00001", default))!;
        session.PreviousSession = "00000";
        await harness.Store.SaveAsync(session, default);
        var files = string.Join(", ", Enumerable.Range(0, count).Select(i => $"\"f{i:00}.txt\""));

        var run = await harness.RunAsync($$"""
            { "type": "Sequence", "activities": [
              { "id": "mission", "type": "DisplayMission", "session": "00001", "restored": [{{files}}] },
              { "type": "SetOutput", "name": "mission", "value": { "js": "outputs.mission.mission" } }
            ] }
            """);

        Assert.True(run.Status == WorkflowStatus.Finished, run.Error);
        var lines = ((string)run.Outputs["mission"]!).Split('\n');
        Assert.Equal(expected.TrimEnd('\n'), lines[2]);
        Assert.StartsWith("Open tasks (", lines[3]);
    }

    [Fact]
    public async Task CreateSessionLog_LogExists_KeepsItsEntries()
    {
        await using var harness = new DocumentsHarness();
        await SessionWithTwoCommitsAsync(harness);
        var first = await harness.RunAsync(Open);
        var path = (string)first.Outputs["log"]!;
        File.AppendAllText(path, "- 2026-11-24 09:30:00 [event] git_commit sha=abc1234\n");

        var second = await harness.RunAsync(Open);

        Assert.True(second.Status == WorkflowStatus.Finished, second.Error);
        Assert.EndsWith("[event] git_commit sha=abc1234\n", File.ReadAllText(path));
    }

    [Fact]
    public async Task RecordRealityCheck_ConsensusOutOfRange_Faults()
    {
        await using var harness = new DocumentsHarness();
        await SessionWithTwoCommitsAsync(harness);

        var run = await harness.RunAsync("""
            { "type": "RecordRealityCheck", "session": "00001", "consensus": { "js": "1.5" }, "agentHealth": { "git": 2 } }
            """);

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Contains("consensus is 1.5; agent 'git' has health 2", run.Error);
    }

    private static readonly int[] EventMinutes = [5, 10, 12, 14, 20, 30];

    /// <summary>
    /// Session 00001, active from minute 2, on main, one task done and one open, with two commits
    /// after its start and events; the clock stands at minute 60.
    /// </summary>
    private static async Task<string> SessionWithTwoCommitsAsync(DocumentsHarness harness)
    {
        var repo = harness.Repository;
        repo.Write("src/a.cs", "class A { } // TODO one\n");
        var startSha = repo.CommitAll("initial");
        repo.Write("src/a.cs", "class A\n{\n    // TODO two\n}\n");
        repo.Write("src/b.cs", "class B { }\n");
        repo.CommitAll("First change");
        repo.Write("README.md", "# Readme\n\nSome docs.\n");
        repo.Write("src/b.cs", "class B { int x; } // FIXME later\n");
        repo.CommitAll("Second change");

        var start = DocumentsHarness.Start;
        await harness.Store.SaveAsync(new SessionContext
        {
            SessionId = "00001",
            StartTime = start,
            ActiveSince = start.AddMinutes(2),
            State = SessionState.Active,
            ActiveBranch = "main",
            StartSha = startSha,
            DebtMarkersAtStart = 1,
            Tasks = [new SessionTask("T1", "Write the log", 2, SessionTaskStatus.Done), new SessionTask("T2", "Write the report", 1)],
            Warnings = ["Previous session missing handoff"],
        }, default);
        string[] types =
        [
            SessionEventTypes.FileModified, SessionEventTypes.GitCommit, SessionEventTypes.ErrorOccurred,
            SessionEventTypes.BranchSwitched, SessionEventTypes.TaskSwitched, SessionEventTypes.GitCommit,
        ];
        for (var i = 0; i < types.Length; i++)
        {
            await harness.Store.AppendEventAsync(new SessionEvent("00001", types[i], start.AddMinutes(EventMinutes[i])), default);
        }

        harness.Time.SetUtcNow(start.AddMinutes(60));
        return startSha;
    }

    /// <summary>The commits after <paramref name="fromSha"/> as <c>git log --numstat</c> prints them.</summary>
    private static List<SessionCommit> NumStat(DocumentsHarness harness, string fromSha)
    {
        var commits = new List<SessionCommit>();
        string? sha = null;
        var files = new List<FileChange>();
        foreach (var line in harness.Repository.Git("log", "--numstat", "--no-renames", "--format=%H", $"{fromSha}..HEAD").Split('\n'))
        {
            var parts = line.Split('\t');
            if (parts.Length == 3)
            {
                files.Add(new FileChange(parts[2], int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture)));
            }
            else if (line.Length == 40)
            {
                if (sha is not null)
                {
                    commits.Add(new SessionCommit(sha, files));
                }

                (sha, files) = (line, []);
            }
        }

        commits.Add(new SessionCommit(sha!, files));
        return commits;
    }
}
