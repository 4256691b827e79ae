namespace Lifecycle.Activities.Tests.Git.Activities;

public class CheckoutBranchTests
{
    private const string Checkout = """{ "id": "checkout", "type": "CheckoutBranch", "session": "00001" }""";

    [Fact]
    public async Task CheckoutBranch_ToTheSessionsBranch_SwitchesOnceWhenRunTwice()
    {
        await using var test = await GitActivityHarness.StartAsync();
        test.Repository.Git("branch", "feature");
        await test.Store.SaveAsync(new() { SessionId = "00001", ActiveBranch = "feature" }, CancellationToken.None);

        var outputs = await test.RunAsync(Checkout, Checkout.Replace("\"checkout\"", "\"again\""));

        Assert.Equal("feature", test.Repository.Git("branch", "--show-current").Trim());
        Assert.True((bool)outputs["checkout"]!["switched"]!);
        Assert.Equal("feature", (string?)outputs["again"]!["branch"]);
        Assert.False((bool)outputs["again"]!["switched"]!);
    }

    [Fact]
    public async Task CheckoutBranch_WhenLocalChangesAreInTheWay_StaysAndRecordsABlocker()
    {
        await using var test = await GitActivityHarness.StartAsync();
        test.Repository.Git("checkout", "-q", "-b", "feature");
        test.Repository.Write("a.txt", "alpha on feature\n");
        test.Repository.CommitAll("feature change");
        test.Repository.Git("checkout", "-q", "main");
        test.Repository.Write("a.txt", "alpha with local work\n");
        await test.AddSessionAsync("00001");

        var outputs = await test.RunAsync("""{ "id": "checkout", "type": "CheckoutBranch", "session": "00001", "branch": "feature" }""");

        Assert.False((bool)outputs["checkout"]!["switched"]!);
        Assert.Equal("main", test.Repository.Git("branch", "--show-current").Trim());
        Assert.Equal(" M a.txt\n", test.Status());
        var blocker = Assert.Single(test.Store.Get("00001").Blockers);
        Assert.Contains("'feature'", blocker);
    }

    [Fact]
    public async Task CheckoutBranch_WithoutABranch_HasNothingToDo()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await test.AddSessionAsync("00001");

        var outputs = await test.RunAsync(Checkout);

        Assert.Null(outputs["checkout"]!["branch"]);
        Assert.False((bool)outputs["checkout"]!["switched"]!);
    }

    [Fact]
    public async Task CheckoutBranch_ToABranchThatIsGone_WarnsAndStays()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await test.Store.SaveAsync(new() { SessionId = "00001", ActiveBranch = "deleted" }, CancellationToken.None);

        var outputs = await test.RunAsync(Checkout);

        Assert.False((bool)outputs["checkout"]!["switched"]!);
        Assert.Contains("'deleted'", Assert.Single(test.Store.Get("00001").Warnings));
    }
}
