namespace Lifecycle.Activities.Tests.Support;

public class TempRepositoryTests
{
    [Fact]
    public void CommitAll_InANewRepository_CreatesACommitOnMain()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "hello\n");

        var sha = repo.CommitAll("first");

        Assert.Equal(40, sha.Length);
        Assert.Equal("main", repo.Git("branch", "--show-current").Trim());
    }
}
