using Lifecycle.Activities.Tracking;

namespace Lifecycle.Activities.Tests.Tracking;

public class SpoolLineTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";
    private const string Boot = "287b1af1-9056-4aae-a86e-3ba8c545c384";

    [Fact]
    public void Parse_ACommitOnABranch()
    {
        var line = SpoolLine.Parse($"v1 post-commit {Boot}+802.62 refs/heads/feature/x {Sha}");

        Assert.NotNull(line);
        Assert.Equal("post-commit", line.Hook);
        Assert.Equal($"{Boot}+802.62", line.Clock);
        Assert.Equal("feature/x", line.Branch);
        Assert.False(line.Rebase);
        Assert.Equal(Sha, line.Sha);
        Assert.Empty(line.Arguments);
    }

    [Fact]
    public void Parse_ACommitOfARebase_NamesTheRebasedBranch()
    {
        var line = SpoolLine.Parse($"v1 post-commit @1740819600 rebase:refs/heads/side {Sha}");

        Assert.Equal(("side", true), (line!.Branch, line.Rebase));
    }

    [Fact]
    public void Parse_ACheckoutToADetachedHead()
    {
        var line = SpoolLine.Parse($"v1 post-checkout @1 - - {Sha} {Sha} 1");

        Assert.Null(line!.Branch);
        Assert.Null(line.Sha);
        Assert.Equal([Sha, Sha, "1"], line.Arguments);
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1 post-commit @1 refs/heads/main")]
    [InlineData("v2 post-commit @1 refs/heads/main " + Sha)]
    [InlineData("v1 pre-commit @1 refs/heads/main " + Sha)]
    [InlineData("v1 post-commit now refs/heads/main " + Sha)]
    [InlineData("v1 post-commit @1 main " + Sha)]
    [InlineData("v1 post-commit @1 rebase:- " + Sha)]
    [InlineData("v1 post-commit @1 refs/heads/main ABCDEF")]
    [InlineData("v1 post-commit @1 refs/heads/main " + Sha + " extra")]
    [InlineData("v1 post-commit @1 refs/heads/main  " + Sha)]
    [InlineData("v1 post-checkout @1 refs/heads/main - a b")]
    [InlineData("v1 post-merge @1 refs/heads/main " + Sha)]
    [InlineData("v1 post-merge @1 refs/heads/main " + Sha + " 0 ")]
    public void Parse_AnythingElse_IsNull(string text)
    {
        Assert.Null(SpoolLine.Parse(text));
    }
}
