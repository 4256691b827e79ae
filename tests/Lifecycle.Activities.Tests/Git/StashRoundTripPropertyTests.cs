using System.Text;
using CsCheck;
using Lifecycle.Activities.Git;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Git;

/// <summary>Random trees: whatever is uncommitted comes back from a stash byte for byte, modes and index included.</summary>
public sealed class StashRoundTripPropertyTests
{
    private static readonly string[] CommittedPaths =
        ["a.txt", "ünïcödé.txt", "dir/b.bin", "dir/sub/c.txt", "日本/ファイル.md", "space name.txt", "x/y/z/deep.txt", "emoji 😀.txt"];

    private static readonly string[] UntrackedPaths =
        ["new/nested/one.txt", "new/nested/deeper/two.bin", "ünï/dossier/fichier.txt", "top.txt", "new/three", "x/y/untracked.txt"];

    private static readonly string[] StagedNewPaths = ["staged/new.txt", "dir/staged.txt"];

    private static readonly Gen<string> Line =
        Gen.OneOf("a", "b", "é", "日本", "😀", " ", "\t", "TODO").Array[0, 6].Select(parts => string.Concat(parts));

    private static readonly Gen<byte[]> Content = Gen.OneOf(
        Gen.Const(Array.Empty<byte>()),
        Gen.Byte.Array[1, 40].Select(bytes => (byte[])[0, .. bytes]),
        Gen.Select(Line.Array[1, 5], Gen.OneOf("\n", "\r\n", "\r"), Gen.Bool, (lines, eol, last) =>
            Encoding.UTF8.GetBytes(string.Join(eol, lines) + (last ? eol : ""))));


    private static Gen<FileSpec?[]> FilesFor(string[] pool) =>
        Gen.Select(Gen.Bool, Content, Gen.Bool, (present, content, executable) => present ? new FileSpec(content, executable) : null).Array[pool.Length];

    private static readonly Gen<string> Attributes =
        Gen.OneOf("", "* text=auto\n", "* text=auto eol=crlf\n", "*.txt text eol=crlf\n*.bin binary\n", "*.md text eol=lf\n*.bin -text\n");

    private static readonly Gen<Scenario> Scenarios = Gen.Select(
        Attributes,
        FilesFor(CommittedPaths),
        Gen.Int[0, 9].Select(i => (Change)i).Array[CommittedPaths.Length],
        Content.Array[CommittedPaths.Length],
        FilesFor(UntrackedPaths),
        FilesFor(StagedNewPaths),
        (attributes, committed, changes, contents, untracked, stagedNew) => new Scenario(attributes, committed, changes, contents, untracked, stagedNew));

    [Fact]
    public void StashWork_ThenRestoreStash_OverRandomTrees_RestoresEverythingExactly()
    {
        Scenarios.Sample(RoundTrip, iter: 40, threads: 4);
    }

    [Fact]
    public void RestoreStash_OverRandomTrees_WithALocalEditToAStashedPath_ConflictsTouchesNothingAndWorksOnceUndone()
    {
        Gen.Select(Scenarios, Gen.Int[0, 100]).Sample((scenario, pick) => ConflictThenRestore(scenario, pick), iter: 25, threads: 4);
    }

    private static void ConflictThenRestore(Scenario scenario, int pick)
    {
        using var repo = new TempRepository();
        Build(repo, scenario);
        var before = WorkTreeSnapshot.Take(repo);
        StashOutcome stashed;
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            stashed = workspace.StashWriter.Write("prop");
        }

        if (!stashed.Stashed)
        {
            return;
        }

        var edited = stashed.Files[pick % stashed.Files.Count].Path;
        var parent = Path.GetDirectoryName(Path.Combine(repo.Path, edited))!;
        if (Directory.Exists(Path.Combine(repo.Path, edited)) || File.Exists(parent))
        {
            return;
        }

        repo.Write(edited, "local edit 🙂\n");
        var edit = WorkTreeSnapshot.Take(repo);
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            var outcome = workspace.StashRestorer.Restore("prop");
            Assert.Equal(RestoreStatus.Conflict, outcome.Status);
            Assert.Contains(edited, outcome.ConflictingPaths);
        }

        Assert.Equal("", WorkTreeSnapshot.Take(repo).DifferencesFrom(edit));
        repo.Git("reset", "-q", "--hard");
        repo.Git("clean", "-q", "-f", "-d");
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            Assert.Equal(RestoreStatus.Restored, workspace.StashRestorer.Restore("prop").Status);
        }

        Assert.Equal("", WorkTreeSnapshot.Take(repo).DifferencesFrom(before));
    }

    private static void RoundTrip(Scenario scenario)
    {
        using var repo = new TempRepository();
        Build(repo, scenario);
        var before = WorkTreeSnapshot.Take(repo);

        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            var uncommitted = workspace.Status.UncommittedFiles();
            var outcome = workspace.StashWriter.Write("prop");
            // A staged rename is one file under its new path; the path it came from is uncommitted too.
            Assert.Equal(uncommitted, outcome.Files.Select(f => f.Path).Concat(outcome.Files.Select(f => f.From).OfType<string>()).Order(StringComparer.Ordinal));
            Assert.DoesNotContain(outcome.Files, f => f.Kind == Lifecycle.Activities.Metrics.FileChangeKind.Unknown);
        }

        Assert.Equal("", repo.Git("status", "--porcelain", "--untracked-files=all"));

        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            var restored = workspace.StashRestorer.Restore("prop");
            Assert.NotEqual(RestoreStatus.Conflict, restored.Status);
        }

        Assert.Equal("", WorkTreeSnapshot.Take(repo).DifferencesFrom(before));
        Assert.Equal("", repo.Git("stash", "list"));
    }

    private static void Build(TempRepository repo, Scenario scenario)
    {
        if (scenario.Attributes.Length > 0)
        {
            repo.Write(".gitattributes", scenario.Attributes);
        }

        repo.Write("base.txt", "base\n");
        WriteAll(repo, CommittedPaths, scenario.Committed);
        repo.CommitAll("initial");

        for (var i = 0; i < CommittedPaths.Length; i++)
        {
            if (scenario.Committed[i] is not { } file)
            {
                continue;
            }

            var path = CommittedPaths[i];
            var full = Path.Combine(repo.Path, path);
            var content = scenario.NewContents[i];
            switch (scenario.Changes[i])
            {
                case Change.Modify:
                    repo.Write(path, content);
                    break;
                case Change.ModifyStaged:
                    repo.Write(path, content);
                    repo.Git("add", "--", path);
                    break;
                case Change.StageThenModify:
                    repo.Write(path, content);
                    repo.Git("add", "--", path);
                    repo.Write(path, [.. content, (byte)'!']);
                    break;
                case Change.Delete:
                    File.Delete(full);
                    break;
                case Change.StagedDelete:
                    repo.Git("rm", "-q", "--", path);
                    break;
                case Change.Rename:
                    var target = $"moved/{i}-{Path.GetFileName(path)}";
                    Directory.CreateDirectory(Path.Combine(repo.Path, "moved"));
                    repo.Git("mv", "--", path, target);
                    break;
                case Change.Chmod:
                    SetExecutable(full, !file.Executable);
                    break;
                case Change.Untrack:
                    repo.Git("rm", "-q", "--cached", "--", path);
                    break;
                case Change.ReplaceWithFolder:
                    File.Delete(full);
                    repo.Write(path + "/inner.txt", content);
                    break;
            }
        }

        WriteAll(repo, UntrackedPaths, scenario.Untracked);
        WriteAll(repo, StagedNewPaths, scenario.StagedNew);
        for (var i = 0; i < StagedNewPaths.Length; i++)
        {
            if (scenario.StagedNew[i] is not null)
            {
                repo.Git("add", "--", StagedNewPaths[i]);
            }
        }
    }

    private static void WriteAll(TempRepository repo, string[] paths, FileSpec?[] files)
    {
        for (var i = 0; i < paths.Length; i++)
        {
            if (files[i] is { } file)
            {
                SetExecutable(repo.Write(paths[i], file.Content), file.Executable);
            }
        }
    }

    private static void SetExecutable(string full, bool executable)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(full);
        File.SetUnixFileMode(full, executable ? mode | execute : mode & ~execute);
    }

    private enum Change
    {
        Keep,
        Modify,
        ModifyStaged,
        StageThenModify,
        Delete,
        StagedDelete,
        Rename,
        Chmod,
        Untrack,
        ReplaceWithFolder,
    }

    private sealed record FileSpec(byte[] Content, bool Executable)
    {
        public override string ToString() => $"{(Executable ? "x" : "-")} {Convert.ToHexString(Content)}";
    }

    private sealed record Scenario(string Attributes, FileSpec?[] Committed, Change[] Changes, byte[][] NewContents, FileSpec?[] Untracked, FileSpec?[] StagedNew)
    {
        public override string ToString() =>
            $"attributes={Attributes.ReplaceLineEndings("|")}; committed=[{string.Join(", ", Committed.Select(f => f?.ToString() ?? "none"))}]; changes=[{string.Join(", ", Changes)}]; "
            + $"new=[{string.Join(", ", NewContents.Select(Convert.ToHexString))}]; untracked=[{string.Join(", ", Untracked.Select(f => f?.ToString() ?? "none"))}]; "
            + $"stagedNew=[{string.Join(", ", StagedNew.Select(f => f?.ToString() ?? "none"))}]";
    }
}
