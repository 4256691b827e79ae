using Lifecycle.Activities.Git;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Git;

public sealed class StatusSnapshotTests
{
    [Fact]
    public void StashWork_WithASnapshotThatStillHolds_PutsAwayWhatItListedAndLeavesLaterEditsInPlace()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.Write("b.txt", "b\n");
        repo.CommitAll("initial");
        repo.Write("a.txt", "a changed\n");
        StatusSnapshot snapshot;
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            snapshot = workspace.Status.TakeSnapshot();
        }

        repo.Write("b.txt", "b changed after the snapshot\n");
        StashOutcome outcome;
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            outcome = workspace.StashWriter.Write("s", snapshot: snapshot);
        }

        Assert.Equal(["a.txt"], outcome.Files.Select(f => f.Path));
        Assert.Equal(" M b.txt\n", repo.Git("status", "--porcelain"));
        Assert.Equal("b changed after the snapshot\n", File.ReadAllText(Path.Combine(repo.Path, "b.txt")));
    }

    [Fact]
    public void StashWork_WithASnapshotTakenBeforeTheIndexOrHeadChanged_TakesAFreshStatus()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.Write("b.txt", "b\n");
        repo.CommitAll("initial");
        repo.Write("a.txt", "a changed\n");
        StatusSnapshot snapshot;
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            snapshot = workspace.Status.TakeSnapshot();
        }

        repo.Write("b.txt", "b staged\n");
        repo.Git("add", "b.txt");
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            Assert.Equal(["a.txt", "b.txt"], workspace.Status.UncommittedFiles(snapshot));
            Assert.Equal(["a.txt", "b.txt"], workspace.StashWriter.Write("s", snapshot: snapshot).Files.Select(f => f.Path));
        }

        Assert.Equal("", repo.Git("status", "--porcelain"));
    }

    [Fact]
    public void StashWork_AfterAFileWasStagedInTheSameSecondToAnIndexOfTheSameSize_TakesAFreshStatus()
    {
        // Restaging keeps the index's size, and within one second its time: only its content tells.
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.Write("b.txt", "b\n");
        repo.CommitAll("initial");
        repo.Write("a.txt", "A\n");
        repo.Git("add", "a.txt");
        StatusSnapshot snapshot;
        using (var workspace = GitWorkspace.Open(repo.Path, readOnly: true))
        {
            snapshot = workspace.Status.TakeSnapshot();
        }

        var index = Path.Combine(repo.Path, ".git", "index");
        var (size, time) = (new FileInfo(index).Length, File.GetLastWriteTimeUtc(index));
        repo.Write("b.txt", "B\n");
        repo.Git("add", "b.txt");
        File.SetLastWriteTimeUtc(index, time);
        Assert.Equal(size, new FileInfo(index).Length);

        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            Assert.Equal(["a.txt", "b.txt"], workspace.StashWriter.Write("s", snapshot: snapshot).Files.Select(f => f.Path));
        }

        Assert.Equal("", repo.Git("status", "--porcelain"));
    }

    [Fact]
    public void StashWork_WhenAnUntrackedFileOfTheSnapshotIsGone_PutsAwayTheRest()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        repo.Write("a.txt", "changed\n");
        var temporary = repo.Write("4913", "an editor's probe file\n");
        StatusSnapshot snapshot;
        using (var workspace = GitWorkspace.Open(repo.Path, readOnly: true))
        {
            snapshot = workspace.Status.TakeSnapshot();
        }

        File.Delete(temporary);
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            Assert.Equal(["a.txt"], workspace.StashWriter.Write("s", snapshot: snapshot).Files.Select(f => f.Path));
        }

        Assert.Equal("", repo.Git("status", "--porcelain"));
    }

    [Fact]
    public void ReadOnlyWorkspace_LeavesTheIndexFileAsItIsAndRefusesToWrite()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        repo.Write("a.txt", "changed\n");
        var index = Path.Combine(repo.Path, ".git", "index");
        var time = File.GetLastWriteTimeUtc(index);

        using var workspace = GitWorkspace.Open(repo.Path, readOnly: true);
        _ = workspace.Status.TakeSnapshot();

        Assert.Equal(time, File.GetLastWriteTimeUtc(index));
        Assert.Throws<InvalidOperationException>(() => workspace.StashWriter.Write("s"));
    }

    [Fact]
    public async Task PrefetchedStatus_IsTakenOnce_AndADiscardedOneIsNotUsed()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        repo.Write("a.txt", "changed\n");
        var prefetch = new StatusPrefetch(new RepositoryContext(repo.Path));

        await prefetch.Start();
        var first = await prefetch.TakeAsync();
        var second = await prefetch.TakeAsync();
        await prefetch.Start();
        prefetch.Discard();
        var discarded = await prefetch.TakeAsync();

        Assert.Equal(["a.txt"], first!.Entries.Select(e => e.Path));
        Assert.Null(second);
        Assert.Null(discarded);
    }

    [Fact]
    public async Task PrefetchedStatus_OutsideARepository_IsNull()
    {
        var folder = Directory.CreateTempSubdirectory("lifecycle-not-a-repo-").FullName;
        try
        {
            var prefetch = new StatusPrefetch(new RepositoryContext(folder));
            await prefetch.Start();

            Assert.Null(await prefetch.TakeAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class IndexContentHashTests
{
    [Fact]
    public void IndexContentHash_FollowsTheIndexContent_FromItsTrailerOrItsBytes()
    {
        using var repo = new Lifecycle.Activities.Tests.Support.TempRepository();
        var index = Path.Combine(repo.Path, ".git", "index");
        Assert.Null(Lifecycle.Activities.Git.WorkTreeStatus.IndexContentHash(index));

        repo.Write("a.txt", "one\n");
        repo.Git("add", "a.txt");
        var first = Lifecycle.Activities.Git.WorkTreeStatus.IndexContentHash(index);
        repo.Write("a.txt", "two\n"); // same size, staged again at once
        repo.Git("add", "a.txt");
        var second = Lifecycle.Activities.Git.WorkTreeStatus.IndexContentHash(index);

        Assert.StartsWith("trailer ", first);
        Assert.NotEqual(first, second);
        Assert.Equal(second, Lifecycle.Activities.Git.WorkTreeStatus.IndexContentHash(index));

        // index.skipHash (git 2.40+, part of feature.manyFiles) writes a trailer of zeros: the bytes are hashed.
        var skipHash = Path.Combine(repo.Path, "skiphash-index");
        string? ZeroTrailerHash(string content)
        {
            repo.Write("a.txt", content);
            repo.Git("add", "a.txt");
            var bytes = File.ReadAllBytes(index);
            Array.Clear(bytes, bytes.Length - 20, 20);
            File.WriteAllBytes(skipHash, bytes);
            return Lifecycle.Activities.Git.WorkTreeStatus.IndexContentHash(skipHash);
        }

        var third = ZeroTrailerHash("one\n");
        var fourth = ZeroTrailerHash("two\n");

        Assert.StartsWith("sha256 ", third);
        Assert.NotEqual(third, fourth);
    }
}
