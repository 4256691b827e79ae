using Lifecycle.Activities.Git;
using FileChangeKind = Lifecycle.Activities.Metrics.FileChangeKind;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Git;

/// <summary>The files put away say their kind of change, and a staged rename counts as <c>git diff -M --cached</c> counts it.</summary>
public sealed class StashKindsTests
{
    private static readonly string Lines138 = string.Concat(Enumerable.Range(1, 138).Select(i => $"line {i} of the parser\n"));

    [Fact]
    public void StashWriter_AStagedGitMvOfA138LineFile_PutsAwayOneRenamedFileWithNoChangedLines_AndDescribeAgrees()
    {
        using var repo = new TempRepository();
        repo.Write("src/Parser.cs", Lines138);
        repo.CommitAll("start");
        Directory.CreateDirectory(Path.Combine(repo.Path, "lib"));
        repo.Git("mv", "src/Parser.cs", "lib/Parser.cs");
        var git = repo.Git("diff", "--cached", "-M", "--numstat", "-z").Trim('\0').Replace("\t\0", "\t", StringComparison.Ordinal);

        using var workspace = GitWorkspace.Open(repo.Path);
        var outcome = workspace.StashWriter.Write("s-1");

        Assert.Equal("0\t0\tsrc/Parser.cs\0lib/Parser.cs", git);
        var expected = new FileChange("lib/Parser.cs", 0, 0, false, FileChangeKind.Renamed, "src/Parser.cs");
        Assert.Equal(expected, Assert.Single(outcome.Files));
        Assert.Equal(expected, Assert.Single(workspace.Stashes.Describe("s-1")!.Files));
        Assert.Equal("", repo.Git("status", "--porcelain"));
    }

    [Fact]
    public void StashWriter_AStagedRenameEditedAfterwards_CountsTheEditAgainstTheOldPathAsGitDiffHeadDoes()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", Lines138);
        repo.CommitAll("start");
        repo.Git("mv", "a.txt", "b.txt");
        repo.Write("b.txt", Lines138.Replace("line 7 of", "line seven of", StringComparison.Ordinal) + "one more\n");
        var git = repo.Git("diff", "HEAD", "-M", "--numstat", "-z").Trim('\0').Replace("\t\0", "\t", StringComparison.Ordinal);

        using var workspace = GitWorkspace.Open(repo.Path);
        var outcome = workspace.StashWriter.Write("s-1");

        Assert.Equal("2\t1\ta.txt\0b.txt", git);
        Assert.Equal(new FileChange("b.txt", 2, 1, false, FileChangeKind.Renamed, "a.txt"), Assert.Single(outcome.Files));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void StashWriter_GivesEveryFileItsKind_WhereItSatOrWhatItIs()
    {
        using var repo = new TempRepository();
        repo.Write("staged.txt", "one\n");
        repo.Write("partly.txt", "a\nb\n");
        repo.Write("edited.txt", "one\n");
        repo.Write("deleted.txt", "bye\n");
        repo.Write("removed.txt", "bye\n");
        repo.Write("run.sh", "#!/bin/sh\n");
        repo.Write("tool.sh", "#!/bin/sh\n");
        repo.Write("link.txt", "a file\n");
        repo.CommitAll("start");
        repo.Write("staged.txt", "two\n");
        repo.Git("add", "staged.txt");
        repo.Write("partly.txt", "A\nb\n");
        repo.Git("add", "partly.txt");
        repo.Write("partly.txt", "A\nB\n");
        repo.Write("edited.txt", "two\n");
        File.Delete(Path.Combine(repo.Path, "deleted.txt"));
        repo.Git("rm", "-q", "removed.txt");
        StashRoundTripTests.MakeExecutable(Path.Combine(repo.Path, "run.sh"));
        repo.Git("add", "run.sh");
        StashRoundTripTests.MakeExecutable(Path.Combine(repo.Path, "tool.sh"));
        File.Delete(Path.Combine(repo.Path, "link.txt"));
        File.CreateSymbolicLink(Path.Combine(repo.Path, "link.txt"), "edited.txt");
        repo.Write("new-staged.txt", "new\n");
        repo.Git("add", "new-staged.txt");
        repo.Write("notes/untracked.txt", "new\n");
        var status = repo.Git("status", "--porcelain", "--untracked-files=all");

        using var workspace = GitWorkspace.Open(repo.Path);
        var outcome = workspace.StashWriter.Write("s-1");

        Assert.Equal(
            [" D deleted.txt", " M edited.txt", " M tool.sh", " T link.txt", "?? notes/untracked.txt", "A  new-staged.txt", "D  removed.txt", "M  run.sh", "M  staged.txt", "MM partly.txt"],
            status.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        var expected = new[]
        {
            ("deleted.txt", FileChangeKind.Deleted), ("edited.txt", FileChangeKind.Modified), ("link.txt", FileChangeKind.TypeChange),
            ("new-staged.txt", FileChangeKind.Staged), ("notes/untracked.txt", FileChangeKind.Untracked), ("partly.txt", FileChangeKind.Staged),
            ("removed.txt", FileChangeKind.Deleted), ("run.sh", FileChangeKind.Mode), ("staged.txt", FileChangeKind.Staged),
            ("tool.sh", FileChangeKind.Mode),
        };
        Assert.Equal(expected, outcome.Files.Select(f => (f.Path, f.Kind)));
        Assert.Equal(expected, workspace.Stashes.Describe("s-1")!.Files.Select(f => (f.Path, f.Kind)));
    }
}
