using Lifecycle.Activities.Reality;
using Lifecycle.Activities.Tests.Support;
using LibGit2Sharp;

namespace Lifecycle.Activities.Tests.Reality;

/// <summary>The index file's stages read by hand agree with libgit2 on real indexes of every version.</summary>
public sealed class IndexStagesTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void HasConflicts_OnIndexesWithAndWithoutConflicts_AgreesWithLibgit2(int version)
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "base\n");
        for (var i = 0; i < 40; i++)
        {
            // Paths of every length modulo 8, shared prefixes (v4) and non-ASCII names.
            repo.Write($"dir/sub/{new string('x', i)}-ünï-{i}.txt", $"{i}\n");
        }

        repo.CommitAll("base");
        repo.Git("update-index", "--index-version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (version == 3)
        {
            repo.Write("intent.txt", "to add\n");
            repo.Git("add", "-N", "intent.txt");
        }

        Assert.Equal(false, IndexStages.HasConflicts(IndexBytes(repo)));
        Assert.True(FullyMerged(repo));

        repo.Git("checkout", "-q", "-b", "other");
        repo.Write("a.txt", "theirs\n");
        repo.Git("commit", "-qam", "theirs");
        repo.Git("checkout", "-q", "main");
        repo.Write("a.txt", "ours\n");
        repo.Git("commit", "-qam", "ours");
        Assert.ThrowsAny<InvalidOperationException>(() => repo.Git("merge", "-q", "other"));

        Assert.Equal(true, IndexStages.HasConflicts(IndexBytes(repo)));
        Assert.False(FullyMerged(repo));
    }

    [Fact]
    public void HasConflicts_OnASplitIndexOrATruncatedFile_CannotTell()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("base");
        var whole = IndexBytes(repo);
        repo.Git("update-index", "--split-index");
        repo.Write("b.txt", "b\n");
        repo.Git("add", "b.txt");

        Assert.Null(IndexStages.HasConflicts(IndexBytes(repo)));
        Assert.Null(IndexStages.HasConflicts(whole.AsSpan(0, whole.Length / 2)));
        Assert.Null(IndexStages.HasConflicts("not an index"u8));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void HasGitLinks_IsTrueOnlyForAnIndexWithASubmodule(int version)
    {
        using var repo = new TempRepository();
        for (var i = 0; i < 20; i++)
        {
            repo.Write($"dir/{new string('y', i)}-{i}.txt", $"{i}\n");
        }

        repo.CommitAll("base");
        repo.Git("update-index", "--index-version", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(false, IndexStages.HasGitLinks(IndexBytes(repo)));

        repo.Git("update-index", "--add", "--cacheinfo", "160000,0123456789abcdef0123456789abcdef01234567,dir/sub");

        Assert.Equal(true, IndexStages.HasGitLinks(IndexBytes(repo)));
        Assert.Equal(false, IndexStages.HasConflicts(IndexBytes(repo)));
    }

    private static byte[] IndexBytes(TempRepository repo) => File.ReadAllBytes(Path.Combine(repo.Path, ".git", "index"));

    private static bool FullyMerged(TempRepository repo)
    {
        using var repository = new Repository(repo.Path);
        return repository.Index.IsFullyMerged;
    }
}
