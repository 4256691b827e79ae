using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Setup;
using Lifecycle.Activities.Tests.Support;
using Lifecycle.Activities.Tracking;

namespace Lifecycle.Activities.Tests.Tracking;

/// <summary>Real git commands through the installed hooks, then ingestion: what each records.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class EventSpoolGitTests
{
    // /proc/uptime counts hundredths: a time may land that much either side of the truth.
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Commits_AreIngestedInOrder_WithShaSubjectBranchAndTime()
    {
        using var hooked = new HookedRepository();
        var before = TimeProvider.System.GetUtcNow();
        hooked.Repo.Write("a.txt", "a\n");
        var first = hooked.Repo.CommitAll("add a");
        hooked.Repo.Write("b.txt", "b\n");
        var second = hooked.Repo.CommitAll("add b\n\nwith a body");
        var after = TimeProvider.System.GetUtcNow();

        var (events, skipped) = await hooked.IngestAsync();

        Assert.Equal(0, skipped);
        Assert.Equal([first, second], events.Select(e => e.Details["sha"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Equal(SessionEventTypes.GitCommit, e.Type));
        Assert.Equal(["add a", "add b"], events.Select(e => e.Details["message"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Equal("main", e.Details["branch"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Equal("post-commit", e.Details["hook"]!.GetValue<string>()));
        Assert.All(events, e => Assert.InRange(e.Timestamp, before - Slack, after + Slack));
        Assert.True(events[0].Timestamp <= events[1].Timestamp);
        Assert.Empty((await hooked.IngestAsync()).Events);
    }

    [Fact]
    public async Task Amend_RecordsTheNewCommit()
    {
        using var hooked = new HookedRepository();
        hooked.Repo.Write("a.txt", "a\n");
        var original = hooked.Repo.CommitAll("add a");

        hooked.Repo.Git("commit", "-q", "--amend", "-m", "add a, amended");
        var amended = hooked.Repo.Git("rev-parse", "HEAD").Trim();

        var (events, _) = await hooked.IngestAsync();
        Assert.NotEqual(original, amended);
        Assert.Equal([original, amended], events.Select(e => e.Details["sha"]!.GetValue<string>()));
        Assert.Equal("add a, amended", events[1].Details["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rebase_RecordsEachRewrittenCommit_OnTheRebasedBranch_AndNoBranchSwitch()
    {
        using var hooked = new HookedRepository();
        var repo = hooked.Repo;
        repo.Write("base.txt", "base\n");
        repo.CommitAll("base");
        repo.Git("checkout", "-q", "-b", "side");
        foreach (var name in new[] { "one", "two", "three" })
        {
            repo.Write($"{name}.txt", name + "\n");
            repo.CommitAll(name);
        }

        repo.Git("checkout", "-q", "main");
        repo.Write("main.txt", "main\n");
        repo.CommitAll("on main");
        repo.Git("checkout", "-q", "side");
        await hooked.IngestAsync();

        repo.Git("rebase", "-q", "main");

        var (events, skipped) = await hooked.IngestAsync();
        var rewritten = repo.Git("rev-list", "--reverse", "main..side").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, skipped);
        Assert.Equal(rewritten, events.Select(e => e.Details["sha"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Equal(SessionEventTypes.GitCommit, e.Type));
        Assert.All(events, e => Assert.Equal("side", e.Details["branch"]!.GetValue<string>()));
        Assert.All(events, e => Assert.True(e.Details["rebase"]!.GetValue<bool>()));
        Assert.Equal(["one", "two", "three"], events.Select(e => e.Details["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task BranchCheckout_RecordsFromAndTo_AndAFileCheckoutRecordsNothing()
    {
        using var hooked = new HookedRepository();
        var repo = hooked.Repo;
        repo.Write("a.txt", "a\n");
        var first = repo.CommitAll("add a");
        repo.Git("checkout", "-q", "-b", "feature");
        repo.Write("a.txt", "changed\n");
        var spoolBefore = hooked.SpoolText;

        repo.Git("checkout", "-q", "--", "a.txt");

        Assert.Equal(spoolBefore, hooked.SpoolText);
        repo.Git("checkout", "-q", "--detach", "main");
        var (events, _) = await hooked.IngestAsync();
        var switches = events.Where(e => e.Type == SessionEventTypes.BranchSwitched).ToList();
        Assert.Equal(2, switches.Count);
        Assert.Equal("feature", switches[0].Details["branch"]!.GetValue<string>());
        Assert.Equal(first, switches[0].Details["from"]!.GetValue<string>());
        Assert.Equal(first, switches[0].Details["to"]!.GetValue<string>());
        Assert.Null(switches[1].Details["branch"]);
    }

    [Fact]
    public async Task Merge_RecordsTheMergeCommit_AndASquashMergeSaysSo()
    {
        using var hooked = new HookedRepository();
        var repo = hooked.Repo;
        repo.Write("a.txt", "a\n");
        repo.CommitAll("add a");
        repo.Git("checkout", "-q", "-b", "topic");
        repo.Write("t.txt", "t\n");
        repo.CommitAll("topic work");
        repo.Git("checkout", "-q", "-b", "other", "main");
        repo.Write("o.txt", "o\n");
        repo.CommitAll("other work");
        repo.Git("checkout", "-q", "main");
        repo.Write("m.txt", "m\n");
        repo.CommitAll("main work");
        await hooked.IngestAsync();

        repo.Git("merge", "-q", "--no-edit", "topic");
        var merge = repo.Git("rev-parse", "HEAD").Trim();
        repo.Git("merge", "-q", "--squash", "other");

        var events = (await hooked.IngestAsync()).Events.Where(e => e.Details["hook"]!.GetValue<string>() == "post-merge").ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal(SessionEventTypes.GitCommit, events[0].Type);
        Assert.Equal(merge, events[0].Details["sha"]!.GetValue<string>());
        Assert.Equal("Merge branch 'topic'", events[0].Details["message"]!.GetValue<string>());
        Assert.Equal("main", events[0].Details["branch"]!.GetValue<string>());
        Assert.False(events[0].Details["squash"]!.GetValue<bool>());
        Assert.True(events[1].Details["squash"]!.GetValue<bool>());
    }

    [Fact]
    public async Task LinkedWorktree_SpoolsInItsOwnFolder_WithItsOwnHead()
    {
        using var hooked = new HookedRepository();
        hooked.Repo.Write("a.txt", "a\n");
        hooked.Repo.CommitAll("add a");
        await hooked.IngestAsync();
        var worktree = hooked.Repo.Path + "-wt";
        hooked.Repo.Git("worktree", "add", "-q", worktree, "-b", "side");
        try
        {
            var paths = LifecyclePaths.For(worktree);
            Directory.CreateDirectory(paths.EventsFolder);
            File.WriteAllText(Path.Combine(worktree, "w.txt"), "w\n");
            Git(worktree, "add", "-A");
            Git(worktree, "commit", "-q", "-m", "in the worktree");
            var sha = Git(worktree, "rev-parse", "HEAD").Trim();

            using var batch = await new EventSpool(paths, TimeProvider.System).ClaimAsync();

            var commit = Assert.Single(batch.Events);
            Assert.Equal(sha, commit.Details["sha"]!.GetValue<string>());
            Assert.Equal("side", commit.Details["branch"]!.GetValue<string>());
            Assert.Equal("in the worktree", commit.Details["message"]!.GetValue<string>());
            Assert.Empty((await hooked.IngestAsync()).Events);
        }
        finally
        {
            Directory.Delete(worktree, recursive: true);
        }

        string Git(string folder, params string[] args)
        {
            var (exitCode, stdout, stderr) = hooked.Repo.TryGit(args, folder);
            Assert.True(exitCode == 0, stderr);
            return stdout;
        }
    }

    [Fact]
    public async Task FirstHookOfABoot_AnchorsTheBootClockToTheWallClock()
    {
        using var hooked = new HookedRepository();
        var before = TimeProvider.System.GetUtcNow();
        hooked.Repo.Write("a.txt", "a\n");
        hooked.Repo.CommitAll("add a");
        var after = TimeProvider.System.GetUtcNow();
        var boot = File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim();

        var anchor = File.ReadAllText(Path.Combine(hooked.Paths.EventsFolder, "clock." + boot)).Split(' ');

        var unix = DateTimeOffset.FromUnixTimeMilliseconds((long)(decimal.Parse(anchor[1], System.Globalization.CultureInfo.InvariantCulture) * 1000));
        Assert.InRange(unix, before - TimeSpan.FromSeconds(1), after + TimeSpan.FromSeconds(1));
        Assert.Matches(@"^\d+\.\d\d$", anchor[0]);
    }

    [Fact]
    public async Task Claim_InAWorkTreeWithoutLifecycle_ReturnsNothingAndCreatesNothing()
    {
        using var repo = new TempRepository();
        HookInstaller.Install(GitPaths.Of(repo.Path));
        repo.Write("a.txt", "a\n");
        repo.CommitAll("add a");

        using var batch = await new EventSpool(LifecyclePaths.For(repo.Path), TimeProvider.System).ClaimAsync();

        Assert.Empty(batch.Events);
        batch.Complete();
        Assert.False(Directory.Exists(Path.Combine(repo.Path, ".lifecycle")));
    }
}
