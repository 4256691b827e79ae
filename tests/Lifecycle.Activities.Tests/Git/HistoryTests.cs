using Lifecycle.Activities.Git;
using FileChangeKind = Lifecycle.Activities.Metrics.FileChangeKind;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Git;

public sealed class HistoryTests
{
    [Fact]
    public void CommitsSince_MatchesGitLogNumstat()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "1\n2\n3\n");
        var start = repo.CommitAll("start");
        repo.Write("a.txt", "1\ntwo\n3\n4\n");
        repo.Write("bin/data.bin", new byte[] { 0, 1, 2, 3 });
        repo.Write("no-newline.txt", "x\ny");
        repo.CommitAll("second\n\nbody text");
        repo.Write("docs/session.md", "notes\n");
        var docs = repo.CommitAll("docs commit");
        Directory.CreateDirectory(Path.Combine(repo.Path, "moved"));
        repo.Git("mv", "a.txt", "moved/a.txt");
        repo.Write("bin/data.bin", new byte[] { 0, 9 });
        repo.Write("no-newline.txt", "x\ny\n");
        repo.Write("ünï.txt", "u\r\nv\r\n");
        repo.CommitAll("third");

        using var workspace = GitWorkspace.Open(repo.Path);
        var commits = workspace.History.CommitsSince(start, new HashSet<string> { docs });

        var log = repo.Git("-c", "core.quotepath=false", "log", "--numstat", "-M", "--format=@%H %s", $"{start}..HEAD");
        var expected = log.Split('@', StringSplitOptions.RemoveEmptyEntries)
            .Where(block => !block.StartsWith(docs, StringComparison.Ordinal))
            .SelectMany(block => block.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var actual = commits.SelectMany(c => new[] { $"{c.Sha} {c.Message}" }
            .Concat(c.Files.Select(f => (f.Binary ? "-\t-\t" : $"{f.Added}\t{f.Deleted}\t") + (f.From is null ? f.Path : $"{f.From} => {f.Path}"))));
        Assert.Equal(expected, actual);
        Assert.Equal(["third", "second"], commits.Select(c => c.Message));
        Assert.Equal("Test User", commits[0].Author);
    }

    [Fact]
    public void ChangedPathsSince_ListsTheCommitsAndPathsOfCommitsSince()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "1\n");
        var start = repo.CommitAll("start");
        repo.Write("a.txt", "2\n");
        repo.Write("bin/data.bin", new byte[] { 0, 1 });
        repo.CommitAll("second");
        repo.Git("checkout", "-q", "-b", "side", "HEAD~1");
        repo.Write("side.txt", "side\n");
        repo.CommitAll("on the side");
        repo.Git("checkout", "-q", "main");
        repo.Git("merge", "-q", "--no-edit", "side");

        using var workspace = GitWorkspace.Open(repo.Path);
        var expected = workspace.History.CommitsSince(start).Select(c => (c.Sha, c.Author, string.Join(",", c.Files.Select(f => f.Path))));
        var actual = workspace.History.ChangedPathsSince(start).Select(c => (c.Sha, c.Author, string.Join(",", c.Paths)));

        Assert.Equal(expected, actual);
        Assert.Equal(3, actual.Count());
    }

    [Fact]
    public void CommitsSince_WithoutAStart_ListsTheWholeHistoryNewestFirst()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        var first = repo.CommitAll("first");
        repo.Write("a.txt", "b\n");
        var second = repo.CommitAll("second");

        using var workspace = GitWorkspace.Open(repo.Path);

        Assert.Equal([second, first], workspace.History.CommitsSince(null).Select(c => c.Sha));
        Assert.Equal([new FileChange("a.txt", 1, 0, false, FileChangeKind.Added)], workspace.History.CommitsSince(null)[1].Files);
    }

    [Fact]
    public void CommitsSince_WithAnUnknownStart_IsNotFound()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("first");
        using var workspace = GitWorkspace.Open(repo.Path);

        Assert.Equal(ErrorKind.NotFound, Assert.Throws<SessionException>(() => workspace.History.CommitsSince("0123456789abcdef0123456789abcdef01234567")).Kind);
        Assert.Equal(ErrorKind.NotFound, Assert.Throws<SessionException>(() => workspace.History.CommitsSince("not a sha")).Kind);
    }

    [Fact]
    public void CountDebtMarkers_CountsWholeWordsInTrackedTextFilesOnly()
    {
        using var repo = new TempRepository();
        repo.Write("a.cs", "// TODO: one\n// FIXME two HACK three\n// TODOS and XTODO are not markers\nTODO");
        repo.Write("b.bin", [0, .. "TODO"u8.ToArray()]);
        repo.Write("big.txt", string.Concat(Enumerable.Repeat("TODO\n", 220_000)));
        var first = repo.CommitAll("first");
        repo.Write("a.cs", "// done\n");
        repo.CommitAll("second");
        repo.Write("untracked.txt", "TODO TODO\n");

        using var workspace = GitWorkspace.Open(repo.Path);

        Assert.Equal(4, workspace.History.CountDebtMarkers(first));
        Assert.Equal(0, workspace.History.CountDebtMarkers());
    }
}
