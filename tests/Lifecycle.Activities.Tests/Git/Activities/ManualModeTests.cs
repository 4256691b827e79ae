namespace Lifecycle.Activities.Tests.Git.Activities;

public class ManualModeTests
{
    [Fact]
    public async Task ManualMode_EveryGitActivity_LeavesTheRepositoryAsItIs()
    {
        await using var test = await GitActivityHarness.StartAsync(config: """{ "manualMode": true }""");
        test.Repository.Git("branch", "feature");
        test.Repository.Write("a.txt", "alpha\nput away by hand\n");
        test.Repository.Git("stash", "push", "-q", "-m", "lifecycle session 00001");
        test.Repository.Write("a.txt", "alpha\nstaged\n");
        test.Repository.Git("add", "a.txt");
        test.Repository.Write("b.txt", "beta\nunstaged\n");
        test.Repository.Write("docs/sessions/SESSION-00002-LOG.md", "# log\n");
        await test.AddSessionAsync("00001");
        await test.AddSessionAsync("00002", previous: "00001");
        var (status, head, stashes) = (test.Status(), test.Head(), test.Stashes());

        var outputs = await test.RunAsync(
            """{ "id": "facts", "type": "RecordStartFacts", "session": "00002" }""",
            """{ "id": "checkout", "type": "CheckoutBranch", "session": "00002", "branch": "feature" }""",
            """{ "id": "restore", "type": "RestoreStash", "session": "00002" }""",
            """{ "id": "stash", "type": "StashWork", "session": "00002" }""",
            """{ "id": "docs", "type": "CommitSessionDocs", "session": "00002" }""");

        Assert.Equal(status, test.Status());
        Assert.Equal(head, test.Head());
        Assert.Equal(stashes, test.Stashes());
        Assert.Equal("main", test.Repository.Git("branch", "--show-current").Trim());
        Assert.Equal(head, (string?)outputs["facts"]!["startSha"]);
        Assert.False((bool)outputs["checkout"]!["switched"]!);
        Assert.Equal("skipped", (string?)outputs["restore"]!["status"]);
        Assert.False((bool)outputs["stash"]!["stashed"]!);
        Assert.Null(outputs["docs"]!["sha"]);
        var session = test.Store.Get("00002");
        // The session's own log is Lifecycle's, not the user's uncommitted work.
        Assert.Equal(["a.txt", "b.txt"], session.UncommittedFiles);
        Assert.Null(session.PutAway);
        Assert.Empty(session.Blockers);
    }
}
