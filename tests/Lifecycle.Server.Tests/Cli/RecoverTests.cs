using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary><c>lifecycle recover</c> rebuilds the store from the checkpoint and the committed session docs, saying what it used.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class RecoverTests
{
    [Fact]
    public async Task Recover_OfADamagedDatabase_MovesItAside_AndRebuildsEverySessionFromTheDocsAndTheCheckpoint()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "first")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "second")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "done", "T2")).ExitCode);
        folder.Write("draft.txt", "half-done\n");
        Assert.Equal(0, (await cli.RunAsync("end", "--yes", "--note", "go on")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "third")).ExitCode);
        var database = Path.Combine(folder.Path, ".lifecycle", "lifecycle.db");
        File.WriteAllText(database, "not a database any more");

        var broken = await cli.RunAsync("status");
        var recovered = await cli.RunAsync("recover");

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("run 'lifecycle recover'", broken.Stderr);
        Assert.True(recovered.ExitCode == 0, recovered.ToString());
        Assert.Contains("database: damaged", recovered.Stdout);
        Assert.Contains("found docs/sessions/SESSION-00001-HANDOFF.json: session 00001", recovered.Stdout);
        Assert.Contains("imported 00001 from docs/sessions/SESSION-00001-HANDOFF.json", recovered.Stdout);
        Assert.Contains("imported 00002 from .lifecycle/state.json", recovered.Stdout);
        Assert.Single(Directory.GetFiles(Path.Combine(folder.Path, ".lifecycle"), "lifecycle.db.damaged-*"));

        var status = await cli.RunAsync("--json", "status");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Equal("00002", status.Json["sessionId"]!.GetValue<string>());
        Assert.Equal(["first", "third"], status.Json["openTasks"]!.AsArray().Select(t => t!["title"]!.GetValue<string>()));
        var all = await cli.RunAsync("--json", "task", "list", "--all");
        Assert.Equal("second", all.Json["earlier"]![0]!["task"]!["title"]!.GetValue<string>());
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);
        var next = await cli.RunAsync("--json", "start");
        Assert.Equal("00003", next.Json["sessionId"]!.GetValue<string>());
        Assert.Equal("half-done\n", File.ReadAllText(Path.Combine(folder.Path, "draft.txt")));
    }

    [Fact]
    public async Task Recover_WithAnIntactStore_KeepsWhatItHolds()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);

        var recovered = await cli.RunAsync("--json", "recover");

        Assert.True(recovered.ExitCode == 0, recovered.ToString());
        Assert.StartsWith("intact", recovered.Json["database"]!.GetValue<string>());
        Assert.Empty(recovered.Json["imported"]!.AsArray());
        Assert.Equal("00001", recovered.Json["latest"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("corrupted")]
    public async Task Recover_OfADatabaseLostBetweenSessions_UsesTheCheckpointSavedAfterTheHandoff_AndSaysWhy(string loss)
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "first")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "between sessions")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "done", "T1")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("checkpoint")).ExitCode);
        var before = await cli.RunAsync("--json", "status");
        var database = Path.Combine(folder.Path, ".lifecycle", "lifecycle.db");
        if (loss == "deleted")
        {
            File.Delete(database);
        }
        else
        {
            var noise = new byte[2000];
            new Random(7).NextBytes(noise);
            File.WriteAllBytes(database, noise);
        }

        var recovered = await cli.RunAsync("recover");

        Assert.True(recovered.ExitCode == 0, recovered.ToString());
        Assert.Matches(@"imported 00001 from \.lifecycle/state\.json \(saved [-\d]+ [:\d]+Z, newer than the handoff of [-\d]+ [:\d]+Z\)", recovered.Stdout);
        Assert.DoesNotContain("imported 00001 from docs/sessions/SESSION-00001-HANDOFF.json", recovered.Stdout);
        Assert.DoesNotContain("kept 00001", recovered.Stdout);
        var status = await cli.RunAsync("--json", "status");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Equal("DORMANT", status.Json["state"]!.GetValue<string>());
        Assert.Equal(["between sessions"], status.Json["openTasks"]!.AsArray().Select(t => t!["title"]!.GetValue<string>()));
        Assert.Equal(["first"], status.Json["completedTasks"]!.AsArray().Select(t => t!["title"]!.GetValue<string>()));
        Assert.Equal(before.Json["realityConsensus"]!.GetValue<double>(), status.Json["realityConsensus"]!.GetValue<double>());
        var next = await cli.RunAsync("--json", "start");
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal("00002", next.Json["sessionId"]!.GetValue<string>());
        var carried = await cli.RunAsync("--json", "status");
        Assert.Equal(["between sessions"], carried.Json["openTasks"]!.AsArray().Select(t => t!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Recover_WhenTheHandoffIsNewerThanTheCheckpoint_UsesTheHandoff_AndSaysWhy()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "first")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("checkpoint")).ExitCode);
        var stateFolder = Path.Combine(folder.Path, ".lifecycle");
        var checkpoint = Directory.GetFiles(stateFolder, "state.json*").Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))
            .ToDictionary(f => f, File.ReadAllBytes);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "second")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);
        File.Delete(Path.Combine(stateFolder, "lifecycle.db"));
        foreach (var file in Directory.GetFiles(stateFolder, "state.json.*").Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            File.Delete(file);
        }

        foreach (var (path, bytes) in checkpoint)
        {
            // The checkpoint as it was mid-session: older than the close.
            File.WriteAllBytes(path, bytes);
        }

        var recovered = await cli.RunAsync("recover");

        Assert.True(recovered.ExitCode == 0, recovered.ToString());
        Assert.Matches(@"imported 00001 from docs/sessions/SESSION-00001-HANDOFF\.json \(closed [-\d]+ [:\d]+Z, newer than \.lifecycle/state\.json saved [-\d]+ [:\d]+Z\)", recovered.Stdout);
        var status = await cli.RunAsync("--json", "status");
        Assert.Equal("DORMANT", status.Json["state"]!.GetValue<string>());
        Assert.Equal(["first", "second"], status.Json["openTasks"]!.AsArray().Select(t => t!["title"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Commands_WhenTheDatabaseIsLostButTheCheckpointHoldsTheActiveSession_SayToRecover_AndChangeNothing()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "added in 00002")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("event", "error_occurred", "--message", "build broke")).ExitCode);
        var stateFolder = Path.Combine(folder.Path, ".lifecycle");
        File.Delete(Path.Combine(stateFolder, "lifecycle.db"));
        var files = Snapshot(stateFolder);
        var head = Git.Run(folder.Path, "rev-parse", "HEAD");

        foreach (var command in new[] { new[] { "status" }, ["start"], ["end", "--yes"], ["task", "add", "more"], ["task", "list"], ["task", "done", "T1"], ["sessions"] })
        {
            var refused = await cli.RunAsync(command);

            Assert.True(refused.ExitCode == 4, $"{string.Join(' ', command)}: {refused}");
            Assert.Matches(
                @"^error: The database \.lifecycle/lifecycle\.db is missing, but \.lifecycle/state\.json holds session 00002 \(ACTIVE, saved [-\d]+ [:\d]+Z\)\. Run 'lifecycle recover' to rebuild it\.\n$",
                refused.Stderr);
        }

        var manualEvent = await cli.RunAsync("event", "error_occurred", "--message", "lost?");
        var oldHook = await cli.RunAsync("event", "git_commit", "--hook", "post-commit");

        Assert.Equal(4, manualEvent.ExitCode);
        Assert.Contains("Run 'lifecycle recover' to rebuild it.", manualEvent.Stderr);
        Assert.True(oldHook.ExitCode == 0, oldHook.ToString());
        Assert.StartsWith("note: nothing was recorded. The database .lifecycle/lifecycle.db is missing", oldHook.Stderr);
        Assert.Equal(files, Snapshot(stateFolder));
        Assert.Equal(head, Git.Run(folder.Path, "rev-parse", "HEAD"));

        File.Delete(Path.Combine(stateFolder, "state.json"));
        var fromBackup = await cli.RunAsync("status");
        Assert.Equal(4, fromBackup.ExitCode);
        Assert.Contains(".lifecycle/state.json (its backup state.json.1) holds session 00002 (ACTIVE", fromBackup.Stderr);
        Assert.False(File.Exists(Path.Combine(stateFolder, "state.json")));
        Assert.False(File.Exists(Path.Combine(stateFolder, "lifecycle.db")));

        Assert.Equal(0, (await cli.RunAsync("recover")).ExitCode);
        var status = await cli.RunAsync("--json", "status");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Equal("00002", status.Json["sessionId"]!.GetValue<string>());
        Assert.Equal("ACTIVE", status.Json["state"]!.GetValue<string>());
        Assert.Equal(["added in 00002"], status.Json["openTasks"]!.AsArray().Select(t => t!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Commands_WhenTheDatabaseHoldsNoSessionButTheCheckpointDoes_SayToRecover()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "kept")).ExitCode);
        File.WriteAllBytes(Path.Combine(folder.Path, ".lifecycle", "lifecycle.db"), []);

        var start = await cli.RunAsync("start");

        Assert.Equal(4, start.ExitCode);
        Assert.Contains("The database .lifecycle/lifecycle.db is empty, but .lifecycle/state.json holds session 00001 (ACTIVE", start.Stderr);
        Assert.Equal(0, (await cli.RunAsync("recover")).ExitCode);
        var status = await cli.RunAsync("--json", "status");
        Assert.Equal(["kept"], status.Json["openTasks"]!.AsArray().Select(t => t!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Recover_RecordsAgainTheErrorsTheSessionLogHolds_WithTheirTimes()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("event", "error_occurred", "--message", "err")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("event", "error_occurred", "--message", "second err")).ExitCode);
        var recorded = (await cli.RunAsync("--json", "status")).Json["errors"]!.AsArray()
            .Select(e => (Time: e!["time"]!.GetValue<DateTimeOffset>(), Message: e["message"]!.GetValue<string>())).ToList();
        File.Delete(Path.Combine(folder.Path, ".lifecycle", "lifecycle.db"));

        var recovered = await cli.RunAsync("recover");

        Assert.True(recovered.ExitCode == 0, recovered.ToString());
        Assert.Contains("re-recorded 00001: 2 errors from docs/sessions/SESSION-00001-LOG.md (", recovered.Stdout);
        var errors = (await cli.RunAsync("--json", "status")).Json["errors"]!.AsArray()
            .Select(e => (Time: e!["time"]!.GetValue<DateTimeOffset>(), Message: e["message"]!.GetValue<string>())).ToList();
        Assert.Equal(recorded.Select(e => e.Message), errors.Select(e => e.Message));
        Assert.All(recorded.Zip(errors), pair => Assert.Equal(pair.First.Time.ToUnixTimeSeconds(), pair.Second.Time.ToUnixTimeSeconds()));
        var end = await cli.RunAsync("--json", "end", "--yes");
        Assert.True(end.ExitCode == 0, end.ToString());
        Assert.Equal(["err", "second err"], end.Json["errors"]!.AsArray().Select(e => e!["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Recover_WithoutASessionLog_RecordsTheCheckpointsLastErrorAgain()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("event", "error_occurred", "--message", "only this")).ExitCode);
        File.Delete(Path.Combine(folder.Path, ".lifecycle", "lifecycle.db"));
        File.Delete(Path.Combine(folder.Path, "docs", "sessions", "SESSION-00001-LOG.md"));

        var recovered = await cli.RunAsync("recover");

        Assert.True(recovered.ExitCode == 0, recovered.ToString());
        Assert.Contains("re-recorded 00001: 1 error from its last error in .lifecycle/state.json (time unknown)", recovered.Stdout);
        var status = await cli.RunAsync("--json", "status");
        Assert.Equal(["only this"], status.Json["errors"]!.AsArray().Select(e => e!["message"]!.GetValue<string>()));
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal) && !f.EndsWith(".holder", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(File.ReadAllBytes(f)));
}
