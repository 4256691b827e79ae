using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>A session continues on the branch it ended on, and a detached HEAD is said plainly.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class BranchContinuityTests
{
    [Fact]
    public async Task ASessionThatSwitchedBranch_IsContinuedOnTheBranchItEndedOn()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Git.Run(folder.Path, "checkout", "-q", "-b", "feat");
        folder.Write("feature.txt", "committed on feat\n");
        Git.Run(folder.Path, "add", "feature.txt");
        Git.Run(folder.Path, "commit", "-q", "-m", "feature on feat");
        var featSha = Git.Run(folder.Path, "rev-parse", "HEAD").Trim();
        folder.Write("feature.txt", "committed on feat\nand more, uncommitted\n");

        var end = await cli.RunAsync("--json", "end", "--yes");
        Assert.True(end.ExitCode == 0, end.ToString());
        Assert.Equal("feat", end.Json["branch"]!.GetValue<string>());
        Assert.Equal(featSha, end.Json["headSha"]!.GetValue<string>());
        Assert.False(end.Json["detachedHead"]!.GetValue<bool>());

        // The user goes back to main between sessions; the next start takes them back to feat.
        Git.Run(folder.Path, "checkout", "-q", "main");
        var start = await cli.RunAsync("start");
        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Contains("on branch feat", start.Stdout);
        Assert.Equal("feat", Git.Run(folder.Path, "branch", "--show-current").Trim());
        Assert.Equal("committed on feat\nand more, uncommitted\n", File.ReadAllText(Path.Combine(folder.Path, "feature.txt")));
        Assert.Equal("", Git.Run(folder.Path, "stash", "list"));

        var report = await cli.RunAsync("report", "00001");
        Assert.True(report.ExitCode == 0, report.ToString());
    }

    [Fact]
    public async Task ASessionEndedOnADetachedHead_SaysSoInTheHandoffTheEndAndTheNextMission()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        var tip = Git.Run(folder.Path, "rev-parse", "HEAD").Trim();
        Git.Run(folder.Path, "checkout", "-q", "--detach");
        folder.Write("experiment.txt", "tried on a detached HEAD\n");
        Git.Run(folder.Path, "add", "experiment.txt");
        Git.Run(folder.Path, "commit", "-q", "-m", "experiment");

        var status = await cli.RunAsync("status");
        Assert.Contains("detached HEAD", status.Stdout);

        var end = await cli.RunAsync("end", "--yes");
        Assert.True(end.ExitCode == 0, end.ToString());
        Assert.Contains("warning: HEAD is detached", end.Stderr);
        Assert.Contains("git switch -c", end.Stderr);
        var handoff = File.ReadAllText(Path.Combine(folder.Path, "docs", "sessions", "SESSION-00001-HANDOFF.md"));
        Assert.Contains("detached HEAD", handoff);

        var start = await cli.RunAsync("start");
        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Contains("detached HEAD", start.Stdout);
        Assert.NotEqual(tip, Git.Run(folder.Path, "rev-parse", "HEAD").Trim());
        Assert.Equal("", Git.Run(folder.Path, "branch", "--show-current").Trim());
    }

    [Fact]
    public async Task ASessionEndedOnADetachedHead_WarnsTheNextStartOnABranchWhereItsCommitsAre()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Git.Run(folder.Path, "checkout", "-q", "--detach");
        folder.Write("experiment.txt", "tried on a detached HEAD\n");
        Git.Run(folder.Path, "add", "experiment.txt");
        Git.Run(folder.Path, "commit", "-q", "-m", "experiment");
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);
        var closedAt = Git.Run(folder.Path, "rev-parse", "HEAD").Trim();

        Git.Run(folder.Path, "checkout", "-q", "main");
        var start = await cli.RunAsync("start");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Contains("on branch main", start.Stdout);
        Assert.Contains($"ended on a detached HEAD at {closedAt[..7]}", start.Stdout);
        Assert.Equal("main", Git.Run(folder.Path, "branch", "--show-current").Trim());
    }

    [Fact]
    public async Task ASwitchRefusedByAFileInTheWay_NamesIt_StaysWhereHeadIs_AndIsNotCarriedOnForever()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Git.Run(folder.Path, "checkout", "-q", "-b", "feat");
        folder.Write("feature.txt", "tracked on feat\n");
        Git.Run(folder.Path, "add", "feature.txt");
        Git.Run(folder.Path, "commit", "-q", "-m", "feature");
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);
        Git.Run(folder.Path, "checkout", "-q", "main");
        folder.Write("feature.txt", "untracked on main, in the way\n");

        var refused = await cli.RunAsync("--json", "start");

        Assert.True(refused.ExitCode == 0, refused.ToString());
        Assert.Equal("main", refused.Json["activeBranch"]!.GetValue<string>());
        var blocker = Assert.Single(refused.Json["blockers"]!.AsArray().Select(b => b!.GetValue<string>()), b => b.StartsWith("Could not switch to branch 'feat'"));
        Assert.Contains("feature.txt", blocker);
        Assert.Equal("untracked on main, in the way\n", File.ReadAllText(Path.Combine(folder.Path, "feature.txt")));

        File.Delete(Path.Combine(folder.Path, "feature.txt"));
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);
        var next = await cli.RunAsync("--json", "start");

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.DoesNotContain(next.Json["blockers"]!.AsArray().Select(b => b!.GetValue<string>()), b => b.StartsWith("Could not switch"));
    }
}
