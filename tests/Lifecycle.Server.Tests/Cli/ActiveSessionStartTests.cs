using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary><c>start</c> while the last session is still ACTIVE: a session in use is a conflict; an idle one is auto-closed first.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class ActiveSessionStartTests
{
    [Fact]
    public async Task Start_WhileTheActiveSessionIsInUse_ExitsWithAConflictNamingItAndChangesNothing()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        folder.Write("work.txt", "in progress\n");

        var again = await cli.RunAsync("start");

        Assert.Equal(4, again.ExitCode);
        Assert.StartsWith("error: Session 00001 is ACTIVE (last activity", again.Stderr);
        Assert.Contains("End it with 'lifecycle end' first", again.Stderr);
        Assert.Single(again.Stderr.Trim().Split('\n'));
        var status = await cli.RunAsync("--json", "status");
        Assert.Equal("00001", status.Json["sessionId"]!.GetValue<string>());
        Assert.Equal("ACTIVE", status.Json["state"]!.GetValue<string>());
        Assert.Equal("in progress\n", File.ReadAllText(Path.Combine(folder.Path, "work.txt")));
        Assert.Equal("", Git.Run(folder.Path, "stash", "list"));
    }

    [Fact]
    public async Task Start_AfterTheActiveSessionWasIdleLongerThanTheAutoClose_ClosesItAsAnInactivityAutoCloseAndStarts()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "keep going")).ExitCode);
        folder.Write("work.txt", "in progress\n");

        // Three hours later (the default auto-close is 60 minutes).
        cli.Environment["LIFECYCLE_CLOCK_SHIFT"] = "10800";
        var again = await cli.RunAsync("--json", "start");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("session 00001 had no activity for", again.Stderr);
        Assert.Contains("closing it as an inactivity auto-close", again.Stderr);
        Assert.Equal("00002", again.Json["sessionId"]!.GetValue<string>());
        Assert.Equal("keep going", again.Json["openTasks"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("in progress\n", File.ReadAllText(Path.Combine(folder.Path, "work.txt")));
        var sessions = await cli.RunAsync("--json", "sessions");
        Assert.Equal("inactivity", sessions.Json["sessions"]![0]!["closeReason"]!.GetValue<string>());
    }
}
