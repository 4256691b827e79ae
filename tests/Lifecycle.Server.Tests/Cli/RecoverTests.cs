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
}
