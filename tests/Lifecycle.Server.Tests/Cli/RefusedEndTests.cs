using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>A refused or failed <c>end</c> changes nothing: the session stays ACTIVE and the next <c>end</c> works.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class RefusedEndTests
{
    [Fact]
    public async Task End_RefusedByAProtocolRule_LeavesTheSessionActiveAndItsNoteUnset()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "open one")).ExitCode);

        var refused = await cli.RunAsync("end", "--note", "should not stay");

        Assert.True(refused.ExitCode == 3, refused.ToString());
        var status = await cli.RunAsync("--json", "status");
        Assert.Equal("ACTIVE", status.Json["state"]!.GetValue<string>());
        Assert.Null(status.Json["closeNote"]);
        var end = await cli.RunAsync("--json", "end", "--yes");
        Assert.True(end.ExitCode == 0, end.ToString());
        Assert.Null(end.Json["notes"]);
    }

    [Fact]
    public async Task End_DuringAMergeInProgress_FailsWithAConflict_LeavesTheSessionActive_AndWorksOnceTheMergeIsDone()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Git.Run(folder.Path, "checkout", "-q", "-b", "other");
        folder.Write("README.md", "# other\n");
        Git.Run(folder.Path, "commit", "-q", "-am", "other");
        Git.Run(folder.Path, "checkout", "-q", "main");
        folder.Write("README.md", "# main\n");
        Git.Run(folder.Path, "commit", "-q", "-am", "main");
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Throws<InvalidOperationException>(() => Git.Run(folder.Path, "merge", "-q", "other"));
        folder.Write("notes.txt", "keep me\n");

        var failed = await cli.RunAsync("end", "--yes");

        Assert.True(failed.ExitCode == 4, failed.ToString());
        Assert.Equal("ACTIVE", (await cli.RunAsync("--json", "status")).Json["state"]!.GetValue<string>());
        Assert.Equal("keep me\n", File.ReadAllText(Path.Combine(folder.Path, "notes.txt")));
        Git.Run(folder.Path, "merge", "--abort");
        var end = await cli.RunAsync("end", "--yes");
        Assert.True(end.ExitCode == 0, end.ToString());
    }
}
