using CsCheck;
using LibGit2Sharp;
using Lifecycle.Activities.Git.Trees;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Git;

/// <summary>The hand-written tree writer gives git's own tree, id for id.</summary>
public sealed class TreeWriterTests
{
    private static readonly string[] Names = ["a", "a-b", "a.txt", "b", "ünï", "日本.md", "Z"];

    // A tree as (path, content, executable) files, paths up to 3 deep.
    private static readonly Gen<(string Path, int Content, bool Executable)[]> Files =
        Gen.Select(Gen.Int[0, Names.Length - 1].Select(i => Names[i]).Array[1, 3].Select(parts => string.Join('/', parts)), Gen.Int[0, 3], Gen.Bool).Array[1, 14];

    // For each file of the tree: 0 keep, 1 change content, 2 flip the executable bit, 3 remove.
    private static readonly Gen<int[]> Edits = Gen.Int[0, 3].Array[14];

    [Fact]
    public void Apply_GivesTheTreeGitWritesFromAnIndexWithTheSameChanges()
    {
        using var repo = new TempRepository();
        using var git = new Repository(repo.Path);
        using var objects = NativeObjects.Open(Path.Combine(repo.Path, ".git", "objects"))!;

        Gen.Select(Files, Edits).Sample(sample =>
        {
            var files = Distinct(sample.Item1);
            var definition = new TreeDefinition();
            foreach (var (path, content, executable) in files)
            {
                definition.Add(path, Blob(git, content), executable ? Mode.ExecutableFile : Mode.NonExecutableFile);
            }

            var baseTree = git.ObjectDatabase.CreateTree(definition);
            var changes = new Dictionary<string, (ObjectId Id, Mode Mode)?>(StringComparer.Ordinal);
            for (var i = 0; i < files.Count; i++)
            {
                var (path, content, executable) = files[i];
                switch (sample.Item2[i])
                {
                    case 1: changes[path] = (Blob(git, content + 10).Id, executable ? Mode.ExecutableFile : Mode.NonExecutableFile); break;
                    case 2: changes[path] = (Blob(git, content).Id, executable ? Mode.NonExecutableFile : Mode.ExecutableFile); break;
                    case 3: changes[path] = null; break;
                }
            }

            var written = TreeWriter.Apply(objects, baseTree.Id, changes);

            Assert.Equal(GitWriteTree(repo, baseTree.Id, changes), written?.Sha);
        }, iter: 60, threads: 1);
    }

    [Theory]
    [InlineData("new.txt")]      // not in the tree
    [InlineData("dir")]          // a folder, not a file
    [InlineData("dir/f.txt/x")]  // below a file
    [InlineData("dir//f.txt")]   // not a path git writes
    public void Apply_OfAChangeThatIsNotToAFileOfTheTree_GivesNullSoTheCallerAsksLibgit2(string path)
    {
        using var repo = new TempRepository();
        using var git = new Repository(repo.Path);
        using var objects = NativeObjects.Open(Path.Combine(repo.Path, ".git", "objects"))!;
        var blob = Blob(git, 1);
        var definition = new TreeDefinition();
        definition.Add("dir/f.txt", blob, Mode.NonExecutableFile);
        var tree = git.ObjectDatabase.CreateTree(definition);

        Assert.Null(TreeWriter.Apply(objects, tree.Id, new Dictionary<string, (ObjectId Id, Mode Mode)?> { [path] = (blob.Id, Mode.NonExecutableFile) }));
    }

    [Fact]
    public void Apply_RemovingEveryFile_GivesTheEmptyTree()
    {
        using var repo = new TempRepository();
        using var git = new Repository(repo.Path);
        using var objects = NativeObjects.Open(Path.Combine(repo.Path, ".git", "objects"))!;
        var definition = new TreeDefinition();
        definition.Add("dir/f.txt", Blob(git, 1), Mode.NonExecutableFile);
        var tree = git.ObjectDatabase.CreateTree(definition);

        var written = TreeWriter.Apply(objects, tree.Id, new Dictionary<string, (ObjectId Id, Mode Mode)?> { ["dir/f.txt"] = null });

        Assert.Equal("4b825dc642cb6eb9a060e54bf8d69288fbee4904", written?.Sha); // git's empty tree
    }

    private static List<(string Path, int Content, bool Executable)> Distinct((string Path, int Content, bool Executable)[] files)
    {
        var taken = new List<(string Path, int Content, bool Executable)>();
        foreach (var file in files)
        {
            if (!taken.Any(t => t.Path == file.Path || t.Path.StartsWith(file.Path + "/", StringComparison.Ordinal) || file.Path.StartsWith(t.Path + "/", StringComparison.Ordinal)))
            {
                taken.Add(file);
            }
        }

        return taken;
    }

    private static Blob Blob(Repository git, int content) =>
        git.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"content {content}\n")));

    /// <summary>What git itself writes: the base tree read into the index, the changes applied with update-index, write-tree.</summary>
    private static string GitWriteTree(TempRepository repo, ObjectId baseTree, Dictionary<string, (ObjectId Id, Mode Mode)?> changes)
    {
        repo.Git("read-tree", baseTree.Sha);
        foreach (var (path, change) in changes)
        {
            if (change is { } c)
            {
                repo.Git("update-index", "--cacheinfo", $"{Convert.ToString((int)c.Mode, 8)},{c.Id.Sha},{path}");
            }
            else
            {
                repo.Git("update-index", "--force-remove", "--", path);
            }
        }

        return repo.Git("write-tree").Trim();
    }
}
