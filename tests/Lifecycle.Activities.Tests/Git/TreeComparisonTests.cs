using CsCheck;
using LibGit2Sharp;
using Lifecycle.Activities.Git.Trees;
using Lifecycle.Activities.Setup;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Git;

/// <summary>The hand-written tree comparison lists exactly what libgit2's does, on any pair of trees.</summary>
public sealed class TreeComparisonTests
{
    // Names that collide as file and folder across trees ("a" and "a/…"), sort differently as
    // folders ("a-b" before "a/" in git's order, after "a" ordinally), and are not ASCII.
    private static readonly string[] Names = ["a", "a-b", "a.txt", "b", "ünï", "日本.md"];

    private static readonly Gen<Mode> LeafModes = Gen.OneOf(
        Gen.Const(Mode.NonExecutableFile), Gen.Const(Mode.NonExecutableFile), Gen.Const(Mode.ExecutableFile),
        Gen.Const(Mode.SymbolicLink), Gen.Const(Mode.GitLink));

    // A tree as (path, content, mode) leaves; a path's segments are drawn from Names, up to 3 deep.
    private static readonly Gen<(string Path, int Content, Mode Mode)[]> Leaves =
        Gen.Select(Gen.Int[0, Names.Length - 1].Select(i => Names[i]).Array[1, 3].Select(parts => string.Join('/', parts)), Gen.Int[0, 2], LeafModes).Array[0, 12];

    [Fact]
    public void Compare_EqualsLibgit2sTreeComparison_OnRandomTrees()
    {
        using var repo = new TempRepository();
        using var git = new Repository(repo.Path);
        using var objects = NativeObjects.Open(Path.Combine(repo.Path, ".git", "objects"))!;
        Assert.NotNull(objects);

        Gen.Select(Leaves, Leaves).Sample(pair =>
        {
            var before = Build(git, pair.Item1);
            var after = Build(git, pair.Item2);

            AssertSameAsLibgit2(git, objects, before, after);
            AssertSameAsLibgit2(git, objects, after, before);
            AssertSameAsLibgit2(git, objects, null, after);
            AssertSameAsLibgit2(git, objects, before, null);
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void Compare_ReadsPackedTrees_AndOnlyTheFoldersThatDiffer()
    {
        using var repo = new TempRepository();
        var unique = Guid.NewGuid(); // trees no other test has put in the process-wide cache
        for (var folder = 0; folder < 40; folder++)
        {
            for (var file = 0; file < 20; file++)
            {
                repo.Write($"src/d{folder:00}/f{file:00}.txt", $"{unique} {folder} {file}\n");
            }
        }

        repo.CommitAll("tree");
        repo.Write("src/d07/f03.txt", "changed\n");
        repo.Write("src/d39/new.txt", "new\n");
        File.Delete(Path.Combine(repo.Path, "src/d12/f00.txt"));
        repo.CommitAll("three changes");
        repo.Git("gc", "-q");
        Assert.Empty(Directory.GetDirectories(Path.Combine(repo.Path, ".git", "objects"), "??"));
        using var git = new Repository(repo.Path);
        using var objects = NativeObjects.Open(Path.Combine(GitPaths.CommonDirectoryOf(git.Info.Path), "objects"))!;

        var changes = TreeComparison.Compare(objects, git.Head.Tip.Parents.Single().Tree.Id, git.Head.Tip.Tree.Id);

        Assert.Equal(["src/d07/f03.txt", "src/d12/f00.txt", "src/d39/new.txt"], changes!.Select(c => c.Path));
        Assert.Equal([true, true, false], changes!.Select(c => c.OldExists));
        Assert.Equal([true, false, true], changes!.Select(c => c.Exists));
        // The two roots, the two src folders and the three changed folders on each side: 10 of 84 trees.
        Assert.Equal(10, objects.Reads);
        AssertSameAsLibgit2(git, objects, git.Head.Tip.Parents.Single().Tree, git.Head.Tip.Tree);
    }

    [Fact]
    public void CompareTrees_ByLibgit2_GivesWhatTheFastComparisonGives_OnRandomTrees()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("one");
        using var workspace = Lifecycle.Activities.Git.GitWorkspace.Open(repo.Path, readOnly: true);
        using var git = new Repository(repo.Path);

        Gen.Select(Leaves, Leaves).Sample(pair =>
        {
            var before = Build(git, pair.Item1);
            var after = Build(git, pair.Item2);
            var fast = workspace.TreeComparer.Compare(git.Lookup<Tree>(before.Id), git.Lookup<Tree>(after.Id));
            var slow = workspace.TreeComparer.CompareWithLibgit2(git.Lookup<Tree>(before.Id), git.Lookup<Tree>(after.Id));

            Assert.Equal(slow, fast);
        }, iter: 100, threads: 1);
    }

    [Fact]
    public void Compare_OfATreeWithAnOldStyleMode_ReportsTheModeAsLibgit2Does()
    {
        using var repo = new TempRepository();
        using var git = new Repository(repo.Path);
        var blob = git.ObjectDatabase.CreateBlob(new MemoryStream("notes\n"u8.ToArray())).Id;
        // 100664 (group-writable) was written by git before 2007 and is still found in old histories.
        var old = git.ObjectDatabase.Write<Tree>(RawTree(("100664", "notes.txt", blob)));
        var now = git.ObjectDatabase.Write<Tree>(RawTree(("100644", "notes.txt", blob), ("100755", "run.sh", blob)));
        using var objects = NativeObjects.Open(Path.Combine(repo.Path, ".git", "objects"))!;

        AssertSameAsLibgit2(git, objects, git.Lookup<Tree>(old), git.Lookup<Tree>(now));
        AssertSameAsLibgit2(git, objects, git.Lookup<Tree>(now), git.Lookup<Tree>(old));
    }

    [Fact]
    public void Compare_OfATreeWithANameThatIsNotUtf8_GivesNullSoTheCallerAsksLibgit2()
    {
        using var repo = new TempRepository();
        using var git = new Repository(repo.Path);
        var blob = git.ObjectDatabase.CreateBlob(new MemoryStream("x\n"u8.ToArray())).Id;
        var latin1 = git.ObjectDatabase.Write<Tree>(RawTree([("100644", "caf\u00e9.txt", blob)], System.Text.Encoding.Latin1));
        using var objects = NativeObjects.Open(Path.Combine(repo.Path, ".git", "objects"))!;

        Assert.Null(TreeComparison.Compare(objects, null, latin1));
    }

    [Fact]
    public void Compare_WithATreeMissingFromTheRepository_GivesNullSoTheCallerAsksLibgit2()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("one");
        using var git = new Repository(repo.Path);
        using var objects = NativeObjects.Open(Path.Combine(repo.Path, ".git", "objects"))!;
        var missing = new ObjectId("0123456789abcdef0123456789abcdef01234567");
        var blob = git.Head.Tip.Tree["a.txt"].Target.Id;

        Assert.Null(TreeComparison.Compare(objects, git.Head.Tip.Tree.Id, missing));
        Assert.Null(TreeComparison.Compare(objects, blob, git.Head.Tip.Tree.Id));
    }

    [Theory]
    [InlineData("100644 a")]
    [InlineData("100644 a\0short")]
    [InlineData("10x644 a\0aaaaaaaaaaaaaaaaaaaa")]
    [InlineData(" a\0aaaaaaaaaaaaaaaaaaaa")]
    [InlineData("100644 \0aaaaaaaaaaaaaaaaaaaa")]
    [InlineData("100644 a\0aaaaaaaaaaaaaaaaaaaa100644 a\0bbbbbbbbbbbbbbbbbbbb")]
    public void Parse_OfBytesThatAreNotATree_GivesNull(string text) =>
        Assert.Null(TreeListing.Parse(System.Text.Encoding.Latin1.GetBytes(text)));

    private static byte[] RawTree(params (string Mode, string Name, ObjectId Id)[] entries) =>
        RawTree(entries, System.Text.Encoding.UTF8);

    private static byte[] RawTree((string Mode, string Name, ObjectId Id)[] entries, System.Text.Encoding names) =>
        [.. entries.SelectMany(e => (byte[])[.. System.Text.Encoding.ASCII.GetBytes(e.Mode + " "), .. names.GetBytes(e.Name), 0, .. e.Id.RawId])];

    private static Tree Build(Repository git, (string Path, int Content, Mode Mode)[] leaves)
    {
        var definition = new TreeDefinition();
        var taken = new List<string>();
        foreach (var (path, content, mode) in leaves)
        {
            // A path cannot be both a file and a folder in one tree: the first one drawn wins.
            if (taken.Any(t => t == path || t.StartsWith(path + "/", StringComparison.Ordinal) || path.StartsWith(t + "/", StringComparison.Ordinal)))
            {
                continue;
            }

            taken.Add(path);
            if (mode == Mode.GitLink)
            {
                definition.AddGitLink(path, new ObjectId($"{content + 1:x40}"));
            }
            else
            {
                var blob = git.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"content {content}\n")));
                definition.Add(path, blob, mode);
            }
        }

        return git.ObjectDatabase.CreateTree(definition);
    }

    private static void AssertSameAsLibgit2(Repository git, NativeObjects objects, Tree? from, Tree? to)
    {
        var expected = git.Diff.Compare<TreeChanges>(from, to, new CompareOptions { Similarity = SimilarityOptions.None })
            .Select(c => (c.Path, Old: c.OldExists ? $"{c.OldOid} {c.OldMode}" : "-", New: c.Exists ? $"{c.Oid} {c.Mode}" : "-"))
            .OrderBy(c => c.Path, StringComparer.Ordinal)
            .ToList();

        var actual = TreeComparison.Compare(objects, from?.Id, to?.Id)!
            .Select(c => (c.Path, Old: c.OldExists ? $"{c.OldId} {c.OldMode}" : "-", New: c.Exists ? $"{c.NewId} {c.NewMode}" : "-"))
            .ToList();

        Assert.Equal(string.Join("; ", expected), string.Join("; ", actual));
    }
}
