using Lifecycle.Activities.Git;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Git;

public sealed class GitWorkspaceTests
{
    [Fact]
    public void Open_OutsideARepository_ThrowsExitCode2()
    {
        var folder = Directory.CreateTempSubdirectory("lifecycle-not-a-repo-");
        try
        {
            var error = Assert.Throws<SessionException>(() => GitWorkspace.Open(folder.FullName));

            Assert.Equal(ErrorKind.InvalidInput, error.Kind);
            Assert.Contains("not inside a git repository", error.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Open_InASubfolder_FindsTheRepositoryAndReportsBranchAndHead()
    {
        using var repo = new TempRepository();
        repo.Write("src/a.txt", "a\n");
        var head = repo.CommitAll("first");

        using var workspace = GitWorkspace.Open(Path.Combine(repo.Path, "src"));

        Assert.Equal("main", workspace.CurrentBranch);
        Assert.Equal(head, workspace.HeadSha);
    }

    [Fact]
    public void UncommittedFiles_ListsStagedUnstagedAndUntrackedButNotIgnored()
    {
        using var repo = new TempRepository();
        repo.Write(".gitignore", "*.log\n");
        repo.Write("a.txt", "a\n");
        repo.Write("b.txt", "b\n");
        repo.CommitAll("first");
        repo.Write("a.txt", "changed\n");
        repo.Write("b.txt", "staged\n");
        repo.Git("add", "b.txt");
        repo.Write("new/deep/c.txt", "c\n");
        repo.Write("new/debug.log", "ignored\n");

        using var workspace = GitWorkspace.Open(repo.Path);

        Assert.Equal(["a.txt", "b.txt", "new/deep/c.txt"], workspace.Status.UncommittedFiles());
    }

    [Fact]
    public void Checkout_AnotherBranch_SwitchesAndKeepsUnrelatedChanges()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("first");
        repo.Git("branch", "feature");
        repo.Write("notes.txt", "untracked\n");

        using var workspace = GitWorkspace.Open(repo.Path);
        workspace.Checkout("feature");

        Assert.Equal("feature", workspace.CurrentBranch);
        Assert.Equal("feature\n", repo.Git("branch", "--show-current"));
        Assert.True(File.Exists(Path.Combine(repo.Path, "notes.txt")));
    }

    [Fact]
    public void Checkout_WhenLocalChangesWouldBeOverwritten_RefusesWithExitCode4AndChangesNothing()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("first");
        repo.Git("checkout", "-q", "-b", "feature");
        repo.Write("a.txt", "feature\n");
        repo.CommitAll("feature change");
        repo.Git("checkout", "-q", "main");
        repo.Write("a.txt", "local edit\n");

        using var workspace = GitWorkspace.Open(repo.Path);
        var error = Assert.Throws<SessionException>(() => workspace.Checkout("feature"));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains("local changes would be overwritten (a.txt). Commit, stash or move them first", error.Message);
        Assert.Equal("main", workspace.CurrentBranch);
        Assert.Equal("local edit\n", File.ReadAllText(Path.Combine(repo.Path, "a.txt")));
    }

    [Fact]
    public void Checkout_AMissingBranch_ThrowsExitCode2()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("first");
        using var workspace = GitWorkspace.Open(repo.Path);

        Assert.Equal(ErrorKind.InvalidInput, Assert.Throws<SessionException>(() => workspace.Checkout("nope")).Kind);
    }
}
