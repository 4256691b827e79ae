using Lifecycle.Activities.Git;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Git;

public sealed class CommitPathsTests
{
    [Fact]
    public void CommitPaths_WithTheUsersStagedChanges_CommitsOnlyThePathsAndLeavesTheRestStaged()
    {
        using var repo = new TempRepository();
        repo.Write("code.cs", "class A {}\n");
        repo.Write("docs/session.md", "old notes\n");
        repo.CommitAll("initial");
        repo.Write("code.cs", "class B {}\n");
        repo.Git("add", "code.cs");
        repo.Write("staged-new.cs", "new\n");
        repo.Git("add", "staged-new.cs");
        repo.Write("code.cs", "class C {}\n");
        repo.Write("docs/session.md", "new notes\n");
        repo.Write("docs/handoff.md", "handoff\n");
        var stagedBefore = repo.Git("diff", "--cached", "--", "code.cs", "staged-new.cs");
        var unstagedBefore = repo.Git("diff", "--", "code.cs");

        string? sha;
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            sha = workspace.DocsCommit.CommitPaths(["docs/session.md", Path.Combine(repo.Path, "docs", "handoff.md")], "docs: session notes").Sha;
        }

        Assert.Equal(repo.Git("rev-parse", "HEAD").Trim(), sha);
        Assert.Equal("docs/handoff.md\ndocs/session.md\n", repo.Git("show", "--name-only", "--format=", "HEAD"));
        Assert.EndsWith("\n\ndocs: session notes\n", repo.Git("cat-file", "commit", "HEAD"));
        Assert.Equal(stagedBefore, repo.Git("diff", "--cached", "--", "code.cs", "staged-new.cs"));
        Assert.Equal(unstagedBefore, repo.Git("diff", "--", "code.cs"));
        Assert.Equal("MM code.cs\nA  staged-new.cs\n", repo.Git("status", "--porcelain"));
        Assert.Contains("commit: docs: session notes", repo.Git("reflog", "-1"));
    }

    [Fact]
    public void CommitPaths_WithAFileEditedInTheSameSecondAsItsGitAdd_KeepsTheEditVisibleAsUnstaged()
    {
        // git (built without USE_NSEC, as Debian's is) compares whole seconds; libgit2 compares
        // nanoseconds. A file added at S.1 and edited at S.3 to the same size, with the index
        // written at S.2, is "racily clean" to git (it compares content) but not to libgit2, which
        // then rewrote the index without smudging the entry: git took the edit for the staged
        // content. ctime is not trusted here so the test does not depend on the clock's second.
        using var repo = new TempRepository();
        repo.Git("config", "core.trustctime", "false");
        repo.Write("code.cs", "class A {}\n");
        repo.CommitAll("initial");
        var code = repo.Write("code.cs", "class B {}\n");
        Touch("-d", "@1700000000.1", code);
        repo.Git("add", "code.cs");
        Touch("-d", "@1700000000.2", Path.Combine(repo.Path, ".git", "index"));
        repo.Write("code.cs", "class C {}\n");
        Touch("-d", "@1700000000.3", code);
        Assert.Equal("MM code.cs\n", repo.Git("--no-optional-locks", "status", "--porcelain", "--untracked-files=no"));
        repo.Write("docs/handoff.md", "handoff\n");

        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            workspace.DocsCommit.CommitPaths(["docs/handoff.md"], "docs: handoff");
        }

        Assert.Equal("MM code.cs\n", repo.Git("status", "--porcelain"));
        Assert.Equal("class B {}\n", repo.Git("show", ":code.cs"));
        Assert.Contains("+class C {}", repo.Git("diff", "--", "code.cs"));
        Assert.Contains("+class B {}", repo.Git("diff", "--cached", "--", "code.cs"));
    }

    [Fact]
    public void CommitPaths_WithADeletedFile_CommitsTheDeletion()
    {
        using var repo = new TempRepository();
        repo.Write("docs/old.md", "old\n");
        repo.Write("keep.txt", "keep\n");
        repo.CommitAll("initial");
        File.Delete(Path.Combine(repo.Path, "docs", "old.md"));

        using var workspace = GitWorkspace.Open(repo.Path);
        workspace.DocsCommit.CommitPaths(["docs/old.md"], "docs: remove old");

        Assert.Equal("keep.txt\n", repo.Git("ls-tree", "-r", "--name-only", "HEAD"));
        Assert.Equal("", repo.Git("status", "--porcelain"));
    }

    [Fact]
    public void CommitPaths_WhenThePathsMatchHead_MakesNoCommit()
    {
        using var repo = new TempRepository();
        repo.Write("docs/a.md", "a\n");
        var head = repo.CommitAll("initial");

        using var workspace = GitWorkspace.Open(repo.Path);

        Assert.Equal(new DocsCommitResult(null, false, null), workspace.DocsCommit.CommitPaths(["docs/a.md"], "docs"));
        Assert.Equal(head, workspace.HeadSha);
    }

    [Fact]
    public void CommitPaths_InARepositoryWithoutCommits_MakesTheFirstCommit()
    {
        using var repo = new TempRepository();
        repo.Write("docs/a.md", "a\n");
        repo.Write("other.txt", "not mine\n");

        using var workspace = GitWorkspace.Open(repo.Path);
        var sha = workspace.DocsCommit.CommitPaths(["docs/a.md"], "docs: first").Sha;

        Assert.Equal(sha, repo.Git("rev-parse", "main").Trim());
        Assert.Equal("?? other.txt\n", repo.Git("status", "--porcelain"));
    }

    [Fact]
    public void CommitPaths_WithCrlfUnderTextAuto_CommitsNormalisedContentLikeGitAdd()
    {
        using var repo = new TempRepository();
        repo.Write(".gitattributes", "* text=auto\n");
        repo.CommitAll("initial");
        repo.Write("docs/a.md", "one\r\ntwo\r\n");

        using var workspace = GitWorkspace.Open(repo.Path);
        workspace.DocsCommit.CommitPaths(["docs/a.md"], "docs");

        Assert.Equal("one\ntwo\n", repo.Git("cat-file", "blob", "HEAD:docs/a.md"));
        Assert.Equal("", repo.Git("status", "--porcelain"));
    }

    [Theory]
    [InlineData("../outside.md")]
    [InlineData("docs")]
    [InlineData(".git/config")]
    public void CommitPaths_WithABadPath_ThrowsExitCode2(string path)
    {
        using var repo = new TempRepository();
        repo.Write("docs/a.md", "a\n");
        repo.CommitAll("initial");
        using var workspace = GitWorkspace.Open(repo.Path);

        var error = Assert.Throws<SessionException>(() => workspace.DocsCommit.CommitPaths([path], "docs"));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
    }

    /// <summary>touch(1) copies a timestamp to the nanosecond; .NET's file times stop at 100 ns.</summary>
    private static void Touch(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("touch");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
