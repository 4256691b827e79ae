using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>Edges found by review: the session lock's holder, state kept out of git, --no-stash kept by a start's close, tasks during a start.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class SessionEdgeTests
{
    [Fact]
    public async Task AnEndWhileAnotherCommandHoldsTheSessionLock_ChangesNothingAndNamesTheHolder()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        folder.Write("work.txt", "in progress\n");

        int exitCode;
        string stderr;
        using (new FileStream(Path.Combine(folder.Path, ".lifecycle", "session.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            File.WriteAllText(Path.Combine(folder.Path, ".lifecycle", "session.lock.holder"), "'end', process 4242");
            var refused = await cli.RunAsync("end", "--yes");
            (exitCode, stderr) = (refused.ExitCode, refused.Stderr);
        }

        Assert.Equal(4, exitCode);
        Assert.StartsWith("error: Another lifecycle command ('end', process 4242) is starting or ending the session; nothing was changed.", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
        var status = await cli.RunAsync("--json", "status");
        Assert.Equal("ACTIVE", status.Json["state"]!.GetValue<string>());
        Assert.Equal("in progress\n", File.ReadAllText(Path.Combine(folder.Path, "work.txt")));
    }

    [Fact]
    public async Task EndOrRecoverBeforeAnySession_LeaveNothingForGitToCommit()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        var cli = new CliRunner(folder.Path);

        var end = await cli.RunAsync("end");
        Assert.Equal(4, end.ExitCode);
        await cli.RunAsync("recover");

        Assert.Equal("", Git.Run(folder.Path, "status", "--porcelain", "--untracked-files=all"));
    }

    [Fact]
    public async Task StartNoStash_AfterAnIdleSession_AutoClosesItWithoutTouchingTheWorkTree()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        folder.Write("work.txt", "in progress\n");

        cli.Environment["LIFECYCLE_CLOCK_SHIFT"] = "10800";
        var again = await cli.RunAsync("--json", "start", "--no-stash");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal("00002", again.Json["sessionId"]!.GetValue<string>());
        Assert.Equal("in progress\n", File.ReadAllText(Path.Combine(folder.Path, "work.txt")));
        Assert.Equal("", Git.Run(folder.Path, "stash", "list"));
    }

    [Fact]
    public async Task ATaskCommandWhileAStartIsUnfinished_IsRefusedUntilTheStartIsFinished()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);
        cli.Environment["LIFECYCLE_INTERRUPT_AT"] = "stash";
        Assert.Equal(130, (await cli.RunAsync("start")).ExitCode);
        cli.Environment.Remove("LIFECYCLE_INTERRUPT_AT");

        var refused = await cli.RunAsync("task", "add", "written during the start");
        var listed = await cli.RunAsync("--json", "task", "list");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Equal("00001", listed.Json["sessionId"]!.GetValue<string>());

        Assert.Equal(4, refused.ExitCode);
        Assert.StartsWith("error: Session 00002 has not finished starting. Run 'lifecycle start' to finish it", refused.Stderr);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "written after the start")).ExitCode);
        var tasks = await cli.RunAsync("--json", "task", "list");
        Assert.Contains("written after the start", tasks.Stdout);
    }

    [Fact]
    public async Task EndRunFromAnUntrackedFolder_SaysItWasPutAway_AndTheNextCommandThereSaysWhatToDo()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        folder.Write("deep/nested/idea.txt", "untracked\n");
        var lifecycle = $"dotnet exec '{Path.Combine(AppContext.BaseDirectory, "lifecycle.dll")}'";

        var inside = await Shell.RunAsync("bash", $"{lifecycle} end --yes; echo \"end exit $?\"; {lifecycle} status; echo \"status exit $?\"",
            Path.Combine(folder.Path, "deep", "nested"), new Dictionary<string, string>());

        Assert.Contains("end exit 0", inside.Stdout);
        Assert.Contains("note: the folder you are in was untracked and was put away with the session's work", inside.Stderr);
        Assert.Contains("status exit 2", inside.Stdout);
        Assert.Contains("error: The current folder no longer exists", inside.Stderr);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal("untracked\n", File.ReadAllText(Path.Combine(folder.Path, "deep", "nested", "idea.txt")));
    }
}
