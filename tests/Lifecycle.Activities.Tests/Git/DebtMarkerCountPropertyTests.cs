using System.Text;
using CsCheck;
using Lifecycle.Activities.Git;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Git;

/// <summary>A count carried from another commit equals the count of the whole tree, whatever changed between them.</summary>
public sealed class DebtMarkerCountPropertyTests
{
    private static readonly string[] Paths = ["a.cs", "docs/b.md", "deep/er/c.txt", "d.bin", "ünï/e.txt", "run.sh"];

    private static readonly Gen<byte[]?> Content = Gen.OneOf(
        Gen.Const((byte[]?)null),
        Gen.Const((byte[]?)Array.Empty<byte>()),
        Gen.Byte.Array[1, 30].Select(bytes => (byte[]?)[0, .. bytes, .. "TODO"u8.ToArray()]),
        Gen.OneOf("TODO", "FIXME", "HACK", "TODOS", "x", " ", "\n", "// ", "é").Array[0, 12]
            .Select(parts => (byte[]?)Encoding.UTF8.GetBytes(string.Concat(parts))));

    private static readonly Gen<(byte[]?[] Before, byte[]?[] After, bool[] Executable)> Trees =
        Gen.Select(Content.Array[Paths.Length], Content.Array[Paths.Length], Gen.Bool.Array[Paths.Length]);

    [Fact]
    public void CountDebtMarkers_FromAKnownCountOfAnotherCommit_EqualsTheFullCount()
    {
        Trees.Sample(tree =>
        {
            using var repo = new TempRepository();
            repo.Write("keep.txt", "TODO keep\n");
            Write(repo, tree.Before, executable: null);
            var before = repo.CommitAll("before");
            Write(repo, tree.After, tree.Executable);
            repo.Write("keep.txt", "TODO keep\n");
            repo.Git("add", "-A");
            repo.Git("commit", "-q", "--allow-empty", "-m", "after");
            var after = repo.Git("rev-parse", "HEAD").Trim();

            using var workspace = GitWorkspace.Open(repo.Path);
            var full = workspace.History.CountDebtMarkers(after);
            var carriedForward = workspace.History.CountDebtMarkers(after, new DebtMarkerCount(before, workspace.History.CountDebtMarkers(before)));
            var carriedBack = workspace.History.CountDebtMarkers(before, new DebtMarkerCount(after, full));

            Assert.Equal(full, carriedForward);
            Assert.Equal(workspace.History.CountDebtMarkers(before), carriedBack);
        }, iter: 30, threads: 4);
    }

    [Fact]
    public void CountDebtMarkers_FromACountOfACommitThatDoesNotExist_CountsTheWholeTree()
    {
        using var repo = new TempRepository();
        repo.Write("a.cs", "// TODO one\n// FIXME two\n");
        repo.CommitAll("first");
        using var workspace = GitWorkspace.Open(repo.Path);

        Assert.Equal(2, workspace.History.CountDebtMarkers(known: new DebtMarkerCount("0123456789abcdef0123456789abcdef01234567", 1000)));
        Assert.Equal(2, workspace.History.CountDebtMarkers(known: new DebtMarkerCount("not a sha", 1000)));
    }

    private static void Write(TempRepository repo, byte[]?[] contents, bool[]? executable)
    {
        for (var i = 0; i < Paths.Length; i++)
        {
            var full = Path.Combine(repo.Path, Paths[i]);
            if (contents[i] is not { } content)
            {
                if (File.Exists(full))
                {
                    File.Delete(full);
                }

                continue;
            }

            repo.Write(Paths[i], content);
            if (executable is not null && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(full, executable[i] ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b110_100_100);
            }
        }
    }
}
