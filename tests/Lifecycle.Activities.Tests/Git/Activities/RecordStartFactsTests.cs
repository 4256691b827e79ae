namespace Lifecycle.Activities.Tests.Git.Activities;

public class RecordStartFactsTests
{
    private const string Record = """{ "id": "facts", "type": "RecordStartFacts", "session": "00001" }""";

    [Fact]
    public async Task RecordStartFacts_RecordsHeadDebtCoverageAndBranch()
    {
        await using var test = await GitActivityHarness.StartAsync(config: """{ "coverageReport": "coverage.xml" }""");
        test.Repository.Write("code.cs", "// TODO one\n// FIXME two\n");
        test.Repository.Write("coverage.xml", """<coverage line-rate="0.75"></coverage>""");
        var head = test.Repository.CommitAll("code");
        await test.AddSessionAsync("00001");

        var outputs = await test.RunAsync(Record);

        Assert.Equal(head, (string?)outputs["facts"]!["startSha"]);
        Assert.Equal("main", (string?)outputs["facts"]!["branch"]);
        var session = test.Store.Get("00001");
        Assert.Equal(head, session.StartSha);
        Assert.Equal(2, session.DebtMarkersAtStart);
        Assert.Equal(0.75, session.CoverageAtStart);
        Assert.Equal("main", session.ActiveBranch);
    }

    [Fact]
    public async Task RecordStartFacts_RunAgainAfterACommit_KeepsTheFirstFacts()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await test.AddSessionAsync("00001");
        var head = test.Head();

        await test.RunAsync(Record);
        test.Repository.Write("c.txt", "TODO later\n");
        test.Repository.CommitAll("more");
        var outputs = await test.RunAsync(Record);

        Assert.Equal(head, (string?)outputs["facts"]!["startSha"]);
        Assert.Equal(0, test.Store.Get("00001").DebtMarkersAtStart);
        Assert.Null(test.Store.Get("00001").CoverageAtStart);
    }

    [Fact]
    public async Task RecordStartFacts_BeforeTheFirstCommit_RecordsNoSha()
    {
        await using var test = await GitActivityHarness.StartAsync(commit: false);
        await test.AddSessionAsync("00001");

        var outputs = await test.RunAsync(Record);

        Assert.Null(outputs["facts"]!["startSha"]);
        Assert.Equal("main", (string?)outputs["facts"]!["branch"]);
        Assert.Equal(0, test.Store.Get("00001").DebtMarkersAtStart);
    }
}
