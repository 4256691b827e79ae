using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>The git hooks spool one line per event without starting a process; the next command records every one.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class HookSpoolTests
{
    [Fact]
    public async Task CommitsAndBranchSwitches_MadeWithGit_AreRecordedByTheNextCommand_EachOnce()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);

        for (var i = 1; i <= 3; i++)
        {
            folder.Write($"file{i}.txt", $"{i}\n");
            Git.Run(folder.Path, "add", "-A");
            Git.Run(folder.Path, "commit", "-q", "-m", $"change {i}");
        }

        Git.Run(folder.Path, "checkout", "-q", "-b", "feature");
        Git.Run(folder.Path, "checkout", "-q", "--", "file1.txt");
        Assert.True(File.Exists(Path.Combine(folder.Path, ".lifecycle", "events.spool")));

        var status = await cli.RunAsync("status");
        var again = await cli.RunAsync("status");

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("commit events: 3", status.Stdout);
        Assert.Contains("events: 4", status.Stdout);
        Assert.Contains("events: 4", again.Stdout);
        var shown = await cli.RunAsync("--json", "sessions", "show", "1");
        Assert.True(shown.ExitCode == 0, shown.ToString());
        var end = await cli.RunAsync("--json", "end", "--yes");
        Assert.True(end.ExitCode == 0, end.ToString());
        Assert.Equal(["change 1", "change 2", "change 3"],
            end.Json["workCompleted"]!["commits"]!.AsArray().Select(c => c!["message"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task ACommitBetweenSessions_IsNotRecordedInTheNextSession()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);
        folder.Write("between.txt", "x\n");
        Git.Run(folder.Path, "add", "-A");
        Git.Run(folder.Path, "commit", "-q", "-m", "between sessions");

        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        var status = await cli.RunAsync("status");

        Assert.Contains("commit events: 0", status.Stdout);
    }
}
