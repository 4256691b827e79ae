using Lifecycle.Activities.Git;
using FileChangeKind = Lifecycle.Activities.Metrics.FileChangeKind;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Git;

/// <summary>The commits' files say their kind of change and count renames as <c>git log --numstat -M</c> does.</summary>
public sealed class CommitKindsTests
{
    private static readonly string Lines138 = string.Concat(Enumerable.Range(1, 138).Select(i => $"line {i} of the parser\n"));

    [Fact]
    public void CommitsSince_AGitMvOfA138LineFile_IsOneRenamedFileWithNoChangedLines()
    {
        using var repo = new TempRepository();
        repo.Write("src/Parser.cs", Lines138);
        var start = repo.CommitAll("start");
        Directory.CreateDirectory(Path.Combine(repo.Path, "lib"));
        repo.Git("mv", "src/Parser.cs", "lib/Parser.cs");
        repo.Git("commit", "-q", "-m", "move the parser");

        using var workspace = GitWorkspace.Open(repo.Path);
        var commit = Assert.Single(workspace.History.CommitsSince(start));

        Assert.Equal("0\t0\tsrc/Parser.cs\0lib/Parser.cs", NumstatRenamed(repo, start));
        Assert.Equal(new FileChange("lib/Parser.cs", 0, 0, false, FileChangeKind.Renamed, "src/Parser.cs"), Assert.Single(commit.Files));
    }

    [Fact]
    public void CommitsSince_ARenameWithEdits_CountsTheEditedLinesAsGitLogDoes()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", Lines138);
        var start = repo.CommitAll("start");
        repo.Git("mv", "a.txt", "b.txt");
        repo.Write("b.txt", Lines138.Replace("line 7 of", "line seven of", StringComparison.Ordinal).Replace("line 90 of", "line ninety of", StringComparison.Ordinal) + "one more\n");
        repo.CommitAll("move and edit");

        using var workspace = GitWorkspace.Open(repo.Path);
        var file = Assert.Single(Assert.Single(workspace.History.CommitsSince(start)).Files);

        Assert.Equal("3\t2\ta.txt\0b.txt", NumstatRenamed(repo, start));
        Assert.Equal(new FileChange("b.txt", 3, 2, false, FileChangeKind.Renamed, "a.txt"), file);
    }

    [Fact]
    public void CommitsSince_WithDiffRenamesOff_CountsARenameAsGitLogThenDoes_ADeletionAndAnAddition()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", Lines138);
        var start = repo.CommitAll("start");
        repo.Git("mv", "a.txt", "b.txt");
        repo.CommitAll("move");
        repo.Git("config", "diff.renames", "false");

        using var workspace = GitWorkspace.Open(repo.Path);
        var files = Assert.Single(workspace.History.CommitsSince(start)).Files;

        Assert.Equal("0\t138\ta.txt\n138\t0\tb.txt", repo.Git("log", "--numstat", "--format=", $"{start}..HEAD").Trim());
        Assert.Equal([new FileChange("a.txt", 0, 138, false, FileChangeKind.Deleted), new FileChange("b.txt", 138, 0, false, FileChangeKind.Added)], files);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void CommitsSince_GivesEachFileTheKindGitLogNameStatusGives_AndAModeChangeAsMode()
    {
        using var repo = new TempRepository();
        repo.Write("gone.txt", "bye\n");
        repo.Write("run.sh", "#!/bin/sh\n");
        repo.Write("edited.txt", "one\n");
        repo.Write("link.txt", "was a file\n");
        repo.Write("moved.txt", Lines138);
        var start = repo.CommitAll("start");
        repo.Write("new.txt", "hello\n");
        File.Delete(Path.Combine(repo.Path, "gone.txt"));
        StashRoundTripTests.MakeExecutable(Path.Combine(repo.Path, "run.sh"));
        repo.Write("edited.txt", "two\n");
        File.Delete(Path.Combine(repo.Path, "link.txt"));
        File.CreateSymbolicLink(Path.Combine(repo.Path, "link.txt"), "edited.txt");
        repo.Git("mv", "moved.txt", "there.txt");
        repo.CommitAll("everything");

        using var workspace = GitWorkspace.Open(repo.Path);
        var files = Assert.Single(workspace.History.CommitsSince(start)).Files;

        Assert.Equal(
            "M\tedited.txt\nD\tgone.txt\nT\tlink.txt\nA\tnew.txt\nM\trun.sh\nR100\tmoved.txt\tthere.txt",
            repo.Git("log", "--name-status", "-M", "--format=", $"{start}..HEAD").Trim());
        Assert.Contains(" mode change 100644 => 100755 run.sh", repo.Git("log", "--summary", "--format=", $"{start}..HEAD"), StringComparison.Ordinal);
        Assert.Equal(
            [("edited.txt", FileChangeKind.Modified), ("gone.txt", FileChangeKind.Deleted), ("link.txt", FileChangeKind.TypeChange),
             ("new.txt", FileChangeKind.Added), ("run.sh", FileChangeKind.Mode), ("there.txt", FileChangeKind.Renamed)],
            files.Select(f => (f.Path, f.Kind)).OrderBy(f => f.Path, StringComparer.Ordinal));
    }

    // git log --numstat -M -z of the session: "added\tdeleted\t\0old\0new" for a rename.
    private static string NumstatRenamed(TempRepository repo, string start) =>
        repo.Git("log", "--numstat", "-M", "-z", "--format=", $"{start}..HEAD").Trim('\0', '\n').Replace("\t\0", "\t", StringComparison.Ordinal);
}
