using System.Security.Cryptography;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>The whole cycle through the real binary on a real repository: init, start, work, end, start again.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class SessionCycleTests
{
    [Fact]
    public async Task FullCycle_HandsOffEverything_AndTheNextStartGetsItBack()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);

        var start = await cli.RunAsync("--json", "start");
        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal("00001", start.Json["sessionId"]!.GetValue<string>());
        Assert.Equal("ACTIVE", start.Json["state"]!.GetValue<string>());
        Assert.Equal(0, (await cli.RunAsync("task", "add", "ship the parser", "--priority", "1")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "write docs")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "done", "T2")).ExitCode);

        folder.Write("src/parser.cs", "class Parser {}\n// TODO: errors\n");
        Git.Run(folder.Path, "add", "-A");
        Git.Run(folder.Path, "commit", "-q", "-m", "parser");
        folder.Write("docs/guide.md", "# Guide\n\nline\n");
        folder.Write("src/parser.cs", "class Parser { }\n");
        Git.Run(folder.Path, "add", "-A");
        Git.Run(folder.Path, "commit", "-q", "-m", "guide and tidy");
        var sessionCommits = Git.Run(folder.Path, "log", "--format=%H", "HEAD~2..HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var numstat = Git.Run(folder.Path, "log", "--numstat", "--format=", "HEAD~2..HEAD")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();

        folder.Write("notes/todo.txt", "untracked\r\nwith CRLF\r\n");
        var script = folder.Write("run.sh", "#!/bin/sh\necho hi\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        folder.Write("README.md", "# test\nstaged change\n");
        Git.Run(folder.Path, "add", "README.md");
        var before = Snapshot(folder.Path);
        var stagedBefore = Git.Run(folder.Path, "diff", "--cached");

        var end = await cli.RunAsync("--json", "end", "--yes", "--note", "parser next");

        Assert.True(end.ExitCode == 0, end.ToString());
        var handoff = end.Json;
        Assert.Equal("00001", handoff["sessionId"]!.GetValue<string>());
        var commits = handoff["workCompleted"]!["commits"]!.AsArray().Select(c => c!["sha"]!.GetValue<string>()).ToList();
        Assert.Equal(sessionCommits.Order(), commits.Order());
        var putAway = new[] { ("notes/todo.txt", 2, 0), ("run.sh", 2, 0), ("README.md", 1, 0) };
        var expectedLines = numstat.Sum(n => int.Parse(n[0]) + int.Parse(n[1])) + putAway.Sum(p => p.Item2 + p.Item3);
        Assert.Equal(expectedLines, handoff["workCompleted"]!["linesChanged"]!.GetValue<int>());
        var expectedFiles = numstat.Select(n => n[2]).Concat(putAway.Select(p => p.Item1)).Distinct().Count();
        Assert.Equal(expectedFiles, handoff["workCompleted"]!["filesModified"]!.GetValue<int>());
        Assert.Equal("T1", Assert.Single(handoff["openItems"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal("", Git.Run(folder.Path, "status", "--porcelain"));

        var docsCommit = Git.Run(folder.Path, "show", "--name-only", "--format=", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(docsCommit);
        Assert.All(docsCommit, path => Assert.StartsWith("docs/sessions/SESSION-00001-", path));

        var again = await cli.RunAsync("--json", "start");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal("00002", again.Json["sessionId"]!.GetValue<string>());
        Assert.Equal("T1", again.Json["openTasks"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(before, Snapshot(folder.Path));
        Assert.Equal(stagedBefore, Git.Run(folder.Path, "diff", "--cached"));
    }

    [Fact]
    public async Task Start_WhileAClosingSessionNeverFinished_ClosesItFirstFromItsRecordedFacts()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "keep going")).ExitCode);
        folder.Write("work.txt", "in progress\n");

        // A close whose process died after CLOSING, and whose instance is gone (a store restored from elsewhere).
        cli.Environment["LIFECYCLE_CRASH_AT"] = "stash";
        Assert.NotEqual(0, (await cli.RunAsync("end", "--yes")).ExitCode);
        cli.Environment.Remove("LIFECYCLE_CRASH_AT");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder.Path, ".lifecycle", "lifecycle.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE WorkflowInstances SET Status = 'Faulted', Owner = NULL WHERE Status = 'Running'";
            command.ExecuteNonQuery();
        }

        var again = await cli.RunAsync("--json", "start");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("session 00001 was never closed; closing it from its recorded facts", again.Stderr);
        Assert.Equal("00002", again.Json["sessionId"]!.GetValue<string>());
        Assert.Equal("keep going", again.Json["openTasks"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("in progress\n", File.ReadAllText(Path.Combine(folder.Path, "work.txt")));
        Assert.Contains("docs/sessions/SESSION-00001-HANDOFF.json", Git.Run(folder.Path, "log", "--name-only", "--format="));
    }

    [Fact]
    public async Task Start_AfterACloseThatPutWorkAway_SaysWhichFilesItRestored()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        folder.Write("notes.txt", "half-done\n");
        folder.Write("README.md", "# test\nedited\n");
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);

        var start = await cli.RunAsync("start");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Contains("\nRestored 2 changed files put away by session 00001: README.md, notes.txt\nOpen tasks (0):\n", start.Stdout);
    }

    [Fact]
    public async Task AStashConflictBlocker_ClearsOnceTheUserHasTakenTheStash()
    {
        using var folder = new TempFolder();
        var cli = await StashedWithAFileInTheWayAsync(folder);

        var blocked = await cli.RunAsync("--json", "start", "--yes", "--force");
        File.Delete(Path.Combine(folder.Path, "draft.txt"));
        Git.Run(folder.Path, "stash", "pop", "--index");
        Assert.Equal(0, (await cli.RunAsync("end", "--yes", "--no-stash")).ExitCode);
        var later = await cli.RunAsync("--json", "start", "--yes");

        Assert.Contains(blocked.Json["blockers"]!.AsArray(), b => b!.GetValue<string>().StartsWith("The stash 'lifecycle session 00001' was not restored", StringComparison.Ordinal));
        Assert.True(later.ExitCode == 0, later.ToString());
        Assert.Empty(later.Json["blockers"]!.AsArray());
        Assert.Equal("put away\n", File.ReadAllText(Path.Combine(folder.Path, "draft.txt")));
    }

    [Fact]
    public async Task Start_AfterGitCleanRemovedTheSessionStore_ContinuesFromTheCommittedHandoff()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        var cli = new CliRunner(folder.Path);
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        folder.Write(".lifecycle/config.json", SessionRepositories.Config);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "finish the parser", "--priority", "1")).ExitCode);
        folder.Write("draft.txt", "half-done\n");
        Assert.Equal(0, (await cli.RunAsync("end", "--yes", "--note", "parser next")).ExitCode);

        Git.Run(folder.Path, "clean", "-q", "-xfd");
        Assert.False(Directory.Exists(Path.Combine(folder.Path, ".lifecycle")));
        var start = await cli.RunAsync("--json", "start", "--yes");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal("00002", start.Json["sessionId"]!.GetValue<string>());
        Assert.Equal("00001", start.Json["previousSession"]!.GetValue<string>());
        Assert.Equal("finish the parser", start.Json["openTasks"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("parser next", start.Json["handoffNotes"]!.GetValue<string>());
        Assert.Equal("half-done\n", File.ReadAllText(Path.Combine(folder.Path, "draft.txt")));
        Assert.Equal("", Git.Run(folder.Path, "stash", "list"));
    }

    [Fact]
    public async Task Start_NeverTakesTheIdOfACommittedHandoff_EvenOneThatDoesNotRead()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);
        folder.Write("docs/sessions/SESSION-00007-HANDOFF.json", "<<<<<<< a merge left this\n");
        Git.Run(folder.Path, "add", "-A");
        Git.Run(folder.Path, "commit", "-q", "-m", "a colleague's session docs, badly merged");

        var start = await cli.RunAsync("--json", "start", "--yes");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal("00008", start.Json["sessionId"]!.GetValue<string>());
        Assert.Equal("00001", start.Json["previousSession"]!.GetValue<string>());
        Assert.Equal("<<<<<<< a merge left this\n", File.ReadAllText(Path.Combine(folder.Path, "docs/sessions/SESSION-00007-HANDOFF.json")));
    }

    [Fact]
    public async Task Start_InAFreshClone_KeepsBlockersAboutStashesTheOtherCloneHas()
    {
        using var folder = new TempFolder();
        var cli = await StashedWithAFileInTheWayAsync(folder);
        Assert.Equal(0, (await cli.RunAsync("start", "--yes", "--force")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("end", "--yes", "--no-stash")).ExitCode);
        using var clone = new TempFolder();
        Git.Run(clone.Path, "clone", "-q", folder.Path, ".");
        Git.Run(clone.Path, "config", "user.name", "Colleague");
        Git.Run(clone.Path, "config", "user.email", "colleague@example.com");
        clone.Write(".lifecycle/config.json", SessionRepositories.Config);

        var first = await new CliRunner(clone.Path).RunAsync("--json", "start", "--yes");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("00003", first.Json["sessionId"]!.GetValue<string>());
        var blocker = Assert.Single(first.Json["blockers"]!.AsArray())!.GetValue<string>();
        Assert.StartsWith("In the clone that made it: The stash 'lifecycle session 00001' was not restored", blocker);
    }

    [Fact]
    public async Task Start_AfterAnEndWithANote_ShowsTheNote_AndStatusCarriesIt()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("end", "--yes", "--note", "parser next")).ExitCode);

        var start = await cli.RunAsync("start");
        var status = await cli.RunAsync("--json", "status");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Contains("\nHandoff notes: parser next\n", start.Stdout);
        Assert.Equal("parser next", status.Json["handoffNotes"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_SaysWhatChangedSinceTheHandoff_CommitsByOthersAndChecksThatNowFail()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        folder.Write(".lifecycle/config.json", """
            { "realityChecks": { "builtins": { "diskSpace": { "enabled": false } },
                                 "agents": [ { "name": "flag", "run": "test -f ok.flag", "quick": true, "weight": 0.01 } ] } }
            """);
        folder.Write("ok.flag", "");
        Git.Run(folder.Path, "add", "-A");
        Git.Run(folder.Path, "commit", "-q", "-m", "flag");
        var cli = new CliRunner(folder.Path);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);
        folder.Write("theirs.txt", "from a colleague\n");
        Git.Run(folder.Path, "add", "theirs.txt");
        Git.Run(folder.Path, "-c", "user.name=Colleague", "commit", "-q", "-m", "their work");
        Git.Run(folder.Path, "rm", "-q", "ok.flag");
        Git.Run(folder.Path, "commit", "-q", "-m", "drop the flag");

        var start = await cli.RunAsync("start");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Contains("HEAD moved since session 00001 closed: 2 new commits, 1 by others (Colleague).", start.Stdout);
        Assert.Contains("Check 'flag' passed at the close of session 00001 and fails now (health 0", start.Stdout);
    }

    [Fact]
    public async Task BrokenOverride_FailsWithItsValidationErrors_BeforeAnythingRuns()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        folder.Write(".lifecycle/workflows/session-start.json", """{ "id": "session-start", "root": { "type": "Stash" } }""");

        var result = await new CliRunner(folder.Path).RunAsync("start");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: .lifecycle/workflows/session-start.json is not a valid workflow (1 problem); fix it and run the command again:\n  $.root.type: Unknown activity type 'Stash'", result.Stderr);
        Assert.Contains("No sessions yet", (await new CliRunner(folder.Path).RunAsync("sessions")).Stdout);
    }

    /// <summary>Session 00001 closed with draft.txt put away, and another draft.txt now in the way of its restore.</summary>
    private static async Task<CliRunner> StashedWithAFileInTheWayAsync(TempFolder folder)
    {
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        folder.Write("draft.txt", "put away\n");
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);
        folder.Write("draft.txt", "in the way\n");
        return cli;
    }

    /// <summary>Every file outside .git and .lifecycle (and the session docs) with its bytes' hash and executable bit.</summary>
    private static string Snapshot(string root) => string.Join("\n",
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/") && !f.StartsWith(".lifecycle/") && !f.StartsWith("docs/sessions/"))
            .Order(StringComparer.Ordinal)
            .Select(f => $"{f} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(root, f))))} {File.GetUnixFileMode(Path.Combine(root, f)).HasFlag(UnixFileMode.UserExecute)}"));
}
