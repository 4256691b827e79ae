namespace Lifecycle.Activities.Tests.Git.Activities;

public class CommitSessionDocsTests
{
    private const string Commit = """{ "id": "docs", "type": "CommitSessionDocs", "session": "00003", "message": "docs: session 00003" }""";

    [Fact]
    public async Task CommitSessionDocs_WithAStagedChangeOfTheUser_CommitsOnlyTheDocumentsAndKeepsTheChangeStaged()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await test.AddSessionAsync("00003");
        test.Repository.Write("a.txt", "alpha\nstaged by the user\n");
        test.Repository.Git("add", "a.txt");
        test.Repository.Write("docs/sessions/SESSION-00003-LOG.md", "# log\n");
        test.Repository.Write("docs/sessions/SESSION-00003-HANDOFF.md", "# handoff\n");
        test.Repository.Write("docs/sessions/SESSION-00002-LOG.md", "# another session's log\n");

        var outputs = await test.RunAsync(Commit);

        var sha = (string?)outputs["docs"]!["sha"];
        Assert.Equal(test.Head(), sha);
        Assert.Equal("docs/sessions/SESSION-00003-HANDOFF.md\ndocs/sessions/SESSION-00003-LOG.md\n", test.Repository.Git("show", "--name-only", "--format=", sha!));
        Assert.Equal("docs: session 00003\n", test.Repository.Git("log", "-1", "--format=%s"));
        Assert.Equal("M  a.txt\n?? docs/sessions/SESSION-00002-LOG.md\n", test.Status());
    }

    [Fact]
    public async Task CommitSessionDocs_RunTwice_CommitsOnce()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await test.AddSessionAsync("00003");
        test.Repository.Write("docs/sessions/SESSION-00003-REPORT.md", "# report\n");

        var outputs = await test.RunAsync(Commit, Commit.Replace("\"docs\"", "\"again\""));

        Assert.Equal(test.Head(), (string?)outputs["docs"]!["sha"]);
        Assert.Null(outputs["again"]!["sha"]);
        Assert.Equal("2\n", test.Repository.Git("rev-list", "--count", "HEAD"));
        Assert.Equal("", test.Status());
    }

    [Fact]
    public async Task CommitSessionDocs_WithCommitDocsOff_CommitsNothing()
    {
        await using var test = await GitActivityHarness.StartAsync(config: """{ "commitDocs": false }""");
        await test.AddSessionAsync("00003");
        test.Repository.Write("docs/sessions/SESSION-00003-LOG.md", "# log\n");
        var head = test.Head();

        var outputs = await test.RunAsync(Commit);

        Assert.Null(outputs["docs"]!["sha"]);
        Assert.Equal(head, test.Head());
    }

    [Fact]
    public async Task CommitSessionDocs_WithoutDocuments_CommitsNothing()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await test.AddSessionAsync("00003");
        var head = test.Head();

        var outputs = await test.RunAsync(Commit);

        Assert.Null(outputs["docs"]!["sha"]);
        Assert.Equal(head, test.Head());
    }
}
