using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>A start that fails half-way must not make the next start forget the work the last close put away.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class InterruptedStartTests
{
    [Fact]
    public async Task Start_AfterAStartThatFailedWhileRestoring_RestoresTheLastClosedSessionsWork()
    {
        using var folder = new TempFolder();
        var cli = await StartedAsync(folder);
        folder.Write("idea.txt", "precious work\n");
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);

        var failed = await StartWithTheIndexLockedAsync(cli, folder);
        var again = await cli.RunAsync("--json", "start", "--yes");

        Assert.Equal(4, failed.ExitCode);
        Assert.Contains("error: Another git process is using the repository", failed.Stderr);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal("00003", again.Json["sessionId"]!.GetValue<string>());
        Assert.Equal("00001", again.Json["previousSession"]!.GetValue<string>());
        Assert.Equal("precious work\n", File.ReadAllText(Path.Combine(folder.Path, "idea.txt")));
        Assert.Equal("", Git.Run(folder.Path, "stash", "list"));
    }

    [Fact]
    public async Task TaskAdd_AfterAStartThatFailed_ReachesTheNextSession()
    {
        using var folder = new TempFolder();
        var cli = await StartedAsync(folder);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "carried before")).ExitCode);
        folder.Write("draft.txt", "half-done\n"); // put away at the close; the failing start restores it
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);
        Assert.Equal(4, (await StartWithTheIndexLockedAsync(cli, folder)).ExitCode);

        var added = await cli.RunAsync("task", "add", "queued between sessions");
        var listed = await cli.RunAsync("--json", "task", "list");
        var started = await cli.RunAsync("--json", "start", "--yes");
        var now = await cli.RunAsync("--json", "task", "list");

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Equal("Added T2: queued between sessions\nSession 00001 is closed: its open tasks carry over to the next 'lifecycle start'.\n", added.Stdout);
        Assert.Equal("00001", listed.Json["sessionId"]!.GetValue<string>());
        Assert.True(started.ExitCode == 0, started.ToString());
        Assert.Equal("00003", now.Json["sessionId"]!.GetValue<string>());
        Assert.Equal(["carried before", "queued between sessions"], now.Json["tasks"]!.AsArray().Select(t => t!["title"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Start_WithABrokenConfigFile_ExitsTwoWithItsProblems()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        folder.Write(".lifecycle/config.json", """{ "idleThresholdMinutes": "soon" }""");
        var cli = new CliRunner(folder.Path);

        var result = await cli.RunAsync("start", "--yes");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("idleThresholdMinutes", result.Stderr);
    }

    /// <summary>A repository with lifecycle initialized and session 00001 started.</summary>
    private static async Task<CliRunner> StartedAsync(TempFolder folder)
    {
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("start", "--yes")).ExitCode);
        return cli;
    }

    /// <summary>A start while another git process holds the index: it fails once it needs to restore work.</summary>
    private static async Task<CliResult> StartWithTheIndexLockedAsync(CliRunner cli, TempFolder folder)
    {
        var lockFile = Path.Combine(folder.Path, ".git", "index.lock");
        File.WriteAllText(lockFile, "");
        try
        {
            return await cli.RunAsync("start", "--yes");
        }
        finally
        {
            File.Delete(lockFile);
        }
    }
}
