using Lifecycle.Activities.Configuration;
using Lifecycle.Activities.Reality;
using Lifecycle.Activities.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Lifecycle.Activities.Tests.Reality.RealityConfigs;

namespace Lifecycle.Activities.Tests.Reality;

public class BuiltinAgentTests
{
    [Fact]
    public async Task RunAsync_AHealthyRepository_AllBuiltinsAreHealthy()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "one\n");
        repo.CommitAll("first");

        var report = await Run(repo.Path);

        Assert.Equal(["git-integrity", "no-merge-conflicts", "disk-space"], report.Agents.Select(a => a.Name));
        Assert.All(report.Agents, a => Assert.Equal(1, a.Health));
        Assert.Equal(1.0, report.Consensus);
        Assert.True(report.Passes());
    }

    [Fact]
    public async Task GitIntegrity_UnbornHead_IsHealthy()
    {
        using var repo = new TempRepository();

        var agent = Find(await Run(repo.Path), "git-integrity");

        Assert.Equal(1, agent.Health);
        Assert.Equal("HEAD is unborn (no commits yet).", agent.Reason);
    }

    [Fact]
    public async Task GitIntegrity_NotARepository_IsZeroWithTheReason()
    {
        using var folder = new TempRepository(init: false);

        var report = await Run(folder.Path);

        var git = Find(report, "git-integrity");
        Assert.Equal(0, git.Health);
        Assert.Equal($"'{folder.Path}' is not a git repository; run 'git init' there or point Lifecycle at a repository root.", git.Reason);
        Assert.Equal(0, Find(report, "no-merge-conflicts").Health);
        Assert.Equal(1, Find(report, "disk-space").Health);
        Assert.Equal(1.0 / 3, report.Consensus, 12);
        Assert.False(report.Passes());
    }

    [Fact]
    public async Task GitIntegrity_HeadTreeMissingFromTheObjectStore_IsZero()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "one\n");
        repo.CommitAll("first");
        var tree = repo.Git("rev-parse", "HEAD^{tree}").Trim();
        File.Delete(Path.Combine(repo.Path, ".git", "objects", tree[..2], tree[2..]));

        var agent = Find(await Run(repo.Path), "git-integrity");

        Assert.Equal(0, agent.Health);
        Assert.StartsWith("git cannot read the repository:", agent.Reason);
        Assert.EndsWith("Run 'git fsck' to see what is damaged.", agent.Reason);
    }

    [Fact]
    public async Task GitIntegrity_HeadCommitMissingFromTheObjectStore_IsZero()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "one\n");
        var commit = repo.CommitAll("first");
        File.Delete(Path.Combine(repo.Path, ".git", "objects", commit[..2], commit[2..]));

        var agent = Find(await Run(repo.Path), "git-integrity");

        Assert.Equal(0, agent.Health);
        Assert.NotNull(agent.Reason);
    }

    [Fact]
    public async Task NoMergeConflicts_ARealConflict_IsZeroWithThePaths()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "base\n");
        repo.Write("b.txt", "base\n");
        repo.Write("c.txt", "same\n");
        repo.CommitAll("base");
        repo.Git("checkout", "-q", "-b", "other");
        repo.Write("a.txt", "theirs\n");
        repo.Write("b.txt", "theirs\n");
        repo.CommitAll("theirs");
        repo.Git("checkout", "-q", "main");
        repo.Write("a.txt", "ours\n");
        repo.Write("b.txt", "ours\n");
        repo.CommitAll("ours");
        Assert.Throws<InvalidOperationException>(() => repo.Git("merge", "other"));

        var report = await Run(repo.Path);

        var agent = Find(report, "no-merge-conflicts");
        Assert.Equal(0, agent.Health);
        Assert.Equal("2 conflicted paths: a.txt, b.txt; a merge (MERGE_HEAD) in progress. Resolve and commit, or abort it (e.g. 'git merge --abort').", agent.Reason);
        Assert.Equal(1, Find(report, "git-integrity").Health);
        Assert.Equal(2.0 / 3, report.Consensus, 12);
    }

    [Fact]
    public async Task NoMergeConflicts_MergeInProgressWithoutConflicts_IsZero()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "base\n");
        repo.CommitAll("base");
        repo.Git("checkout", "-q", "-b", "other");
        repo.Write("b.txt", "new\n");
        repo.CommitAll("theirs");
        repo.Git("checkout", "-q", "main");
        repo.Git("merge", "--no-commit", "--no-ff", "other");

        var agent = Find(await Run(repo.Path), "no-merge-conflicts");

        Assert.Equal(0, agent.Health);
        Assert.Equal("a merge (MERGE_HEAD) in progress. Resolve and commit, or abort it (e.g. 'git merge --abort').", agent.Reason);
    }

    [Fact]
    public async Task NoMergeConflicts_RebaseStoppedOnAConflict_IsZero()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "base\n");
        repo.CommitAll("base");
        repo.Git("checkout", "-q", "-b", "other");
        repo.Write("a.txt", "theirs\n");
        repo.CommitAll("theirs");
        repo.Git("checkout", "-q", "main");
        repo.Write("a.txt", "ours\n");
        repo.CommitAll("ours");
        Assert.Throws<InvalidOperationException>(() => repo.Git("rebase", "other"));

        var agent = Find(await Run(repo.Path), "no-merge-conflicts");

        Assert.Equal(0, agent.Health);
        Assert.StartsWith("1 conflicted path: a.txt; a rebase in progress.", agent.Reason);
    }

    [Fact]
    public async Task DiskSpace_BelowTheMinimum_IsScaledWithTheNumbers()
    {
        using var repo = new TempRepository();
        const long minimum = 1L << 40;

        var agent = Find(await Run(repo.Path, BuiltinsOnly(minimum)), "disk-space");

        Assert.InRange(agent.Health, 0, 0.999);
        Assert.StartsWith("Only ", agent.Reason);
        Assert.EndsWith($"MB free, below the minimum of {minimum} MB; free some space or lower realityChecks.minimumFreeDiskMegabytes.", agent.Reason);
    }

    [Theory]
    [InlineData(500L * 1024 * 1024, 500, 1.0)]
    [InlineData(600L * 1024 * 1024, 500, 1.0)]
    [InlineData(250L * 1024 * 1024, 500, 0.5)]
    [InlineData(0L, 500, 0.0)]
    [InlineData(0L, 0, 1.0)]
    public void DiskSpaceScore_FreeAgainstMinimum_IsTheRatioCappedAtOne(long freeBytes, long minimumMegabytes, double health)
    {
        Assert.Equal(health, DiskSpaceAgent.Score(freeBytes, minimumMegabytes).Health);
    }

    [Fact]
    public void DiskSpaceScore_Reason_QuotesBothNumbers()
    {
        Assert.Equal("Only 250 MB free, below the minimum of 500 MB; free some space or lower realityChecks.minimumFreeDiskMegabytes.", DiskSpaceAgent.Score(250L * 1024 * 1024, 500).Reason);
        Assert.Equal("600 MB free (minimum 500 MB).", DiskSpaceAgent.Score(600L * 1024 * 1024, 500).Reason);
    }

    [Fact]
    public async Task RunAsync_DisabledBuiltins_DoNotRun()
    {
        using var repo = new TempRepository();
        var config = new LifecycleConfig
        {
            RealityChecks = new RealityChecksConfig
            {
                Builtins = new BuiltinChecksConfig { DiskSpace = new BuiltinCheckConfig { Enabled = false } },
            },
        };

        var report = await Run(repo.Path, config);

        Assert.Equal(["git-integrity", "no-merge-conflicts"], report.Agents.Select(a => a.Name));
    }

    private static AgentReport Find(RealityReport report, string name) => Assert.Single(report.Agents, a => a.Name == name);

    private static Task<RealityReport> Run(string path, LifecycleConfig? config = null) =>
        new RealityChecker(new FakeTimeProvider()).RunAsync(path, config ?? BuiltinsOnly(), quick: false, CancellationToken.None).WaitAsync(ProcessProbe.Safety);
}
