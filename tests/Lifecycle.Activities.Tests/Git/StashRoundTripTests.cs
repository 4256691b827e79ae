using Lifecycle.Activities.Git;
using FileChangeKind = Lifecycle.Activities.Metrics.FileChangeKind;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Git;

public sealed class StashRoundTripTests
{
    private static readonly byte[] Binary = [0, 1, 2, 255, 13, 10, 0, 13, 128, 10];

    [Fact]
    public void StashWork_ThenRestoreStash_BringsEveryFileBackByteForByteWithItsModeAndTheIndex()
    {
        using var repo = new TempRepository();
        repo.Write(".gitattributes", "* text=auto\n*.bin binary\n");
        repo.Write("readme.md", "line one\nline two\n");
        repo.Write("crlf.txt", "one\r\ntwo\r\n");
        repo.Write("image.bin", Binary);
        MakeExecutable(repo.Write("run.sh", "#!/bin/sh\necho hi\n"));
        repo.Write("chmod-me.sh", "#!/bin/sh\n");
        repo.Write("staged.txt", "before\n");
        repo.Write("partly.txt", "a\nb\nc\n");
        repo.Write("doomed.txt", "bye\n");
        repo.Write("old/name.txt", "renamed content\n");
        repo.Write("ünïcödé/日本.txt", "unicode\n");
        repo.CommitAll("initial");

        repo.Write("readme.md", "line one\nline 2\nline three\n");
        repo.Write("crlf.txt", "one\r\ntwo\r\nthree\r\n");
        repo.Write("image.bin", [.. Binary, 0, 7]);
        MakeExecutable(Path.Combine(repo.Path, "chmod-me.sh"));
        repo.Write("staged.txt", "after\n");
        repo.Git("add", "staged.txt");
        repo.Write("partly.txt", "a\nB\nc\n");
        repo.Git("add", "partly.txt");
        repo.Write("partly.txt", "a\nB\nC\n");
        repo.Git("rm", "-q", "doomed.txt");
        Directory.CreateDirectory(Path.Combine(repo.Path, "new", "place"));
        repo.Git("mv", "old/name.txt", "new/place/name.txt");
        repo.Write("ünïcödé/日本.txt", "ユニコード\r\n");
        repo.Write("untracked/deep/er/file.txt", "nested\r\n");
        repo.Write("untracked/deep/empty.txt", "");
        repo.Write("untracked/blob.dat", Binary);
        MakeExecutable(repo.Write("untracked/tool.sh", "#!/bin/sh\n"));
        repo.Write("staged-new.txt", "new and staged\n");
        repo.Git("add", "staged-new.txt");
        repo.Write("ignored.log", "keep me out");
        repo.Write(".git/info/exclude", "*.log\n");
        var before = WorkTreeSnapshot.Take(repo);

        StashOutcome stashed;
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            stashed = workspace.StashWriter.Write("s-1");
        }

        Assert.True(stashed.Stashed);
        Assert.Equal("", repo.Git("status", "--porcelain", "--untracked-files=all"));
        Assert.True(File.Exists(Path.Combine(repo.Path, "ignored.log")));
        Assert.False(Directory.Exists(Path.Combine(repo.Path, "untracked")));
        Assert.Contains("On main: lifecycle session s-1", repo.Git("stash", "list"));
        Assert.DoesNotContain(stashed.Files, f => f.Path == "ignored.log");

        RestoreOutcome restored;
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            restored = workspace.StashRestorer.Restore("s-1");
        }

        Assert.Equal(RestoreStatus.Restored, restored.Status);
        Assert.Equal("", WorkTreeSnapshot.Take(repo).DifferencesFrom(before));
        Assert.Equal("", repo.Git("stash", "list"));
    }

    [Fact]
    public void StashWork_ReportsLineCountsLikeGitDiffNumstat()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "1\n2\n3\n");
        repo.Write("gone.txt", "x\ny\n");
        repo.CommitAll("initial");
        repo.Write("a.txt", "1\ntwo\n3\n4\n");
        File.Delete(Path.Combine(repo.Path, "gone.txt"));
        repo.Write("new/b.txt", "b1\nb2\nb3");
        repo.Write("new/c.bin", Binary);

        using var workspace = GitWorkspace.Open(repo.Path);
        var outcome = workspace.StashWriter.Write("counts");

        Assert.Equal(
            [new FileChange("a.txt", 2, 1, false, FileChangeKind.Modified), new FileChange("gone.txt", 0, 2, false, FileChangeKind.Deleted),
             new FileChange("new/b.txt", 3, 0, false, FileChangeKind.Untracked), new FileChange("new/c.bin", 0, 0, true, FileChangeKind.Untracked)],
            outcome.Files);
    }

    [Fact]
    public void StashWork_WithNothingUncommitted_ReturnsNothingAndMakesNoStash()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        repo.Write(".git/info/exclude", "*.log\n");
        repo.Write("build.log", "ignored");

        using var workspace = GitWorkspace.Open(repo.Path);
        var outcome = workspace.StashWriter.Write("quiet");

        Assert.False(outcome.Stashed);
        Assert.Empty(outcome.Files);
        Assert.Equal("", repo.Git("stash", "list"));
        Assert.Empty(workspace.Status.UncommittedFiles());
    }

    [Fact]
    public void StashWork_InARepositoryWithoutCommits_ThrowsExitCode2()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        using var workspace = GitWorkspace.Open(repo.Path);

        var error = Assert.Throws<SessionException>(() => workspace.StashWriter.Write("s"));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.True(File.Exists(Path.Combine(repo.Path, "a.txt")));
    }

    [Fact]
    public void RestoreStash_MadeByTheGitCli_RestoresIt()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        repo.Write("a.txt", "changed\n");
        repo.Write("b/new.txt", "new\n");
        repo.Write("staged.txt", "staged\n");
        repo.Git("add", "staged.txt");
        var before = WorkTreeSnapshot.Take(repo);
        repo.Git("stash", "push", "-q", "--include-untracked", "-m", "lifecycle session cli");

        using var workspace = GitWorkspace.Open(repo.Path);
        var outcome = workspace.StashRestorer.Restore("cli");

        Assert.Equal(RestoreStatus.Restored, outcome.Status);
        Assert.Equal("", WorkTreeSnapshot.Take(repo).DifferencesFrom(before));
    }

    [Fact]
    public void StashWork_MadeHere_CanBeAppliedByTheGitCli()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        repo.Write("a.txt", "changed\n");
        repo.Write("b/new.txt", "new\n");
        repo.Write("staged.txt", "staged\n");
        repo.Git("add", "staged.txt");
        var before = WorkTreeSnapshot.Take(repo);
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            workspace.StashWriter.Write("for-cli");
        }

        repo.Git("stash", "pop", "-q", "--index");

        Assert.Equal("", WorkTreeSnapshot.Take(repo).DifferencesFrom(before));
    }

    [Fact]
    public void StashWork_WithSymbolicLinks_RoundTripsThem()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var repo = new TempRepository();
        repo.Write("target.txt", "t\n");
        File.CreateSymbolicLink(Path.Combine(repo.Path, "link"), "target.txt");
        repo.CommitAll("initial");
        File.Delete(Path.Combine(repo.Path, "link"));
        File.CreateSymbolicLink(Path.Combine(repo.Path, "link"), "elsewhere.txt");
        File.CreateSymbolicLink(Path.Combine(repo.Path, "new-link"), "target.txt");
        var status = repo.Git("status", "--porcelain");

        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            workspace.StashWriter.Write("links");
        }

        Assert.Equal("target.txt", new FileInfo(Path.Combine(repo.Path, "link")).LinkTarget);
        Assert.False(Path.Exists(Path.Combine(repo.Path, "new-link")));
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            Assert.Equal(RestoreStatus.Restored, workspace.StashRestorer.Restore("links").Status);
        }

        Assert.Equal("elsewhere.txt", new FileInfo(Path.Combine(repo.Path, "link")).LinkTarget);
        Assert.Equal("target.txt", new FileInfo(Path.Combine(repo.Path, "new-link")).LinkTarget);
        Assert.Equal(status, repo.Git("status", "--porcelain"));
    }

    [Fact]
    public void StashWork_WithAnUntrackedNestedRepository_LeavesItInPlaceAndSaysSo()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        repo.Write("a.txt", "changed\n");
        repo.Write("vendor/tool/.git/HEAD", "ref: refs/heads/main\n");
        Directory.CreateDirectory(Path.Combine(repo.Path, "vendor", "tool", ".git", "objects"));
        Directory.CreateDirectory(Path.Combine(repo.Path, "vendor", "tool", ".git", "refs"));
        repo.Write("vendor/tool/code.c", "int main;\n");

        using var workspace = GitWorkspace.Open(repo.Path);
        var outcome = workspace.StashWriter.Write("nested");

        Assert.Equal(["a.txt"], outcome.Files.Select(f => f.Path));
        Assert.Equal(["vendor/tool"], outcome.Skipped);
        Assert.True(File.Exists(Path.Combine(repo.Path, "vendor", "tool", "code.c")));
    }

    [Fact]
    public void StashWork_WhileAnotherGitProcessHoldsTheIndex_RefusesWithExitCode4AndTouchesNothing()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        repo.Write("a.txt", "changed\n");
        repo.Write(".git/index.lock", "");

        using var workspace = GitWorkspace.Open(repo.Path);

        Assert.Equal(ErrorKind.Conflict, Assert.Throws<SessionException>(() => workspace.StashWriter.Write("s")).Kind);
        Assert.Equal("changed\n", File.ReadAllText(Path.Combine(repo.Path, "a.txt")));
        Assert.False(File.Exists(Path.Combine(repo.Path, ".git", "refs", "stash")));
    }

    [Fact]
    public void StashWork_DuringAConflictedMerge_RefusesWithExitCode4AndTouchesNothing()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        repo.Git("checkout", "-q", "-b", "other");
        repo.Write("a.txt", "other\n");
        repo.CommitAll("other");
        repo.Git("checkout", "-q", "main");
        repo.Write("a.txt", "main\n");
        repo.CommitAll("main");
        Assert.Throws<InvalidOperationException>(() => repo.Git("merge", "-q", "other"));
        var before = WorkTreeSnapshot.Take(repo);

        using var workspace = GitWorkspace.Open(repo.Path);
        var error = Assert.Throws<SessionException>(() => workspace.StashWriter.Write("s"));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains("Merge is in progress", error.Message);
        Assert.Equal("", WorkTreeSnapshot.Take(repo).DifferencesFrom(before));
    }

    [Fact]
    public void StashWork_WithIdentAndEolFilters_LeavesHeadCleanAndRestoresTheExactBytes()
    {
        using var repo = new TempRepository();
        repo.Write(".gitattributes", "*.c ident\n*.bat text eol=crlf\n");
        repo.Write("a.c", "/* $Id$ */\nint a;\n");
        repo.Write("run.bat", "echo one\r\n");
        repo.CommitAll("initial");
        repo.Write("a.c", "/* $Id$ */\nint b;\n");
        repo.Write("run.bat", "echo two\n");
        var before = WorkTreeSnapshot.Take(repo);

        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            workspace.StashWriter.Write("filters");
        }

        Assert.Equal("", repo.Git("status", "--porcelain"));
        Assert.StartsWith("/* $Id: ", File.ReadAllText(Path.Combine(repo.Path, "a.c")));
        Assert.Equal("echo one\r\n", File.ReadAllText(Path.Combine(repo.Path, "run.bat")));
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            Assert.Equal(RestoreStatus.Restored, workspace.StashRestorer.Restore("filters").Status);
        }

        Assert.Equal("", WorkTreeSnapshot.Take(repo).DifferencesFrom(before));
    }

    [Fact]
    public void StashWork_WithAutocrlf_LeavesHeadCleanAndRestoresTheExactBytes()
    {
        using var repo = new TempRepository();
        repo.Git("config", "core.autocrlf", "true");
        repo.Write("a.txt", "one\r\ntwo\r\n");
        repo.Write("lf.txt", "lf only\n");
        repo.CommitAll("initial");
        repo.Write("a.txt", "one\r\n2\r\nthree\r\n");
        repo.Write("lf.txt", "lf only\nstill lf\n");
        repo.Write("new.txt", "mixed\r\nendings\n");
        var before = WorkTreeSnapshot.Take(repo);

        StashOutcome stashed;
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            stashed = workspace.StashWriter.Write("autocrlf");
        }

        Assert.Equal(new FileChange("a.txt", 2, 1, false, FileChangeKind.Modified), stashed.Files[0]);
        Assert.Equal("", repo.Git("status", "--porcelain"));
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            Assert.Equal(RestoreStatus.Restored, workspace.StashRestorer.Restore("autocrlf").Status);
        }

        Assert.Equal("", WorkTreeSnapshot.Take(repo).DifferencesFrom(before));
    }

    [Fact]
    public void StashWork_WhenAFileIsSavedAgainWhileTheStashIsMade_LeavesTheNewerEditInPlace()
    {
        using var repo = new TempRepository();
        repo.Write("doc.txt", "committed\n");
        repo.Write("other.txt", "committed\n");
        repo.CommitAll("initial");
        repo.Write("doc.txt", "save A\n");
        repo.Write("other.txt", "edited\n");
        repo.Write("notes.txt", "untracked A\n");

        StashOutcome outcome;
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            workspace.StashWriter.BeforeReset = () =>
            {
                repo.Write("doc.txt", "save B, written while the stash was made\n");
                repo.Write("notes.txt", "untracked B\n");
            };
            outcome = workspace.StashWriter.Write("s-1");
        }

        Assert.True(outcome.Stashed);
        Assert.Equal(["doc.txt", "notes.txt"], outcome.Skipped);
        Assert.Equal("save B, written while the stash was made\n", File.ReadAllText(Path.Combine(repo.Path, "doc.txt")));
        Assert.Equal("untracked B\n", File.ReadAllText(Path.Combine(repo.Path, "notes.txt")));
        Assert.Equal("committed\n", File.ReadAllText(Path.Combine(repo.Path, "other.txt")));
        Assert.Equal("save A\n", repo.Git("show", "stash@{0}:doc.txt"));
        Assert.Equal("untracked A\n", repo.Git("show", "stash@{0}^3:notes.txt"));
    }

    [Fact]
    public void RestoreStash_WhenAFileIsSavedWhileItRuns_KeepsThatEditAndTheStash()
    {
        using var repo = new TempRepository();
        repo.Write("doc.txt", "committed\n");
        repo.Write("other.txt", "committed\n");
        repo.CommitAll("initial");
        repo.Write("doc.txt", "put away\n");
        repo.Write("other.txt", "put away too\n");
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            Assert.True(workspace.StashWriter.Write("s-1").Stashed);
        }

        RestoreOutcome outcome;
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            workspace.StashRestorer.BeforeRestoreWrites = () => repo.Write("doc.txt", "typed while the restore ran, longer\n");
            outcome = workspace.StashRestorer.Restore("s-1");
        }

        Assert.Equal(RestoreStatus.Partial, outcome.Status);
        Assert.Equal(["doc.txt"], outcome.ConflictingPaths);
        Assert.Equal(["other.txt"], outcome.Files);
        Assert.Equal("typed while the restore ran, longer\n", File.ReadAllText(Path.Combine(repo.Path, "doc.txt")));
        Assert.Equal("put away too\n", File.ReadAllText(Path.Combine(repo.Path, "other.txt")));
        Assert.Equal("put away\n", repo.Git("show", "stash@{0}:doc.txt"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void StashWork_ThenRestoreStash_KeepsUntrackedFilesOthersMayNotRead_Private()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        var env = repo.Write(".env", "TOKEN=secret\n");
        var key = repo.Write("keys/id key", "private\n");
        var open = repo.Write("notes.txt", "shared\n");
        File.SetUnixFileMode(env, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.SetUnixFileMode(key, UnixFileMode.UserRead);
        var openMode = File.GetUnixFileMode(open);

        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            Assert.True(workspace.StashWriter.Write("s-1").Stashed);
        }

        Assert.False(File.Exists(env));
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            Assert.Equal(RestoreStatus.Restored, workspace.StashRestorer.Restore("s-1").Status);
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(env));
        Assert.Equal(UnixFileMode.UserRead, File.GetUnixFileMode(key));
        Assert.Equal(openMode, File.GetUnixFileMode(open));
        Assert.Equal("TOKEN=secret\n", File.ReadAllText(env));
    }

    /// <summary>
    /// Under core.ignorecase (repositories from macOS or Windows) the index matches names without
    /// case: the edit is put away (it was once lost), and restore, which cannot tell the two names
    /// apart in that index, keeps the stash as a conflict rather than guess.
    /// </summary>
    [Fact]
    public void StashWork_ACaseOnlyRenameThenEdited_UnderIgnoreCase_PutsTheEditAwayAndNeverLosesIt()
    {
        using var repo = new TempRepository();
        repo.Write("Foo.txt", "original\n");
        repo.CommitAll("initial");
        repo.Git("config", "core.ignorecase", "true");
        repo.Git("mv", "Foo.txt", "foo.txt");
        repo.Write("foo.txt", "edited after the rename\n");

        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            Assert.True(workspace.StashWriter.Write("s-1").Stashed);
        }

        Assert.Equal("edited after the rename\n", repo.Git("show", "stash@{0}:foo.txt"));
        RestoreOutcome restored;
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            restored = workspace.StashRestorer.Restore("s-1");
        }

        if (restored.Status == RestoreStatus.Conflict)
        {
            Assert.Equal("edited after the rename\n", repo.Git("show", "stash@{0}:foo.txt"));
        }
        else
        {
            Assert.Equal(RestoreStatus.Restored, restored.Status);
            Assert.Equal("edited after the rename\n", File.ReadAllText(Path.Combine(repo.Path, "foo.txt")));
        }
    }

    [Fact]
    public void StashWork_WithASubmodulePointerStaged_KeepsItInTheStashsIndex()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        var inner = Path.Combine(repo.Path, "sub");
        Directory.CreateDirectory(inner);
        Git(inner, "init", "-q");
        File.WriteAllText(Path.Combine(inner, "x.txt"), "1\n");
        Git(inner, "add", "x.txt");
        Git(inner, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "one");
        repo.Git("-c", "advice.addEmbeddedRepo=false", "add", "-A");
        repo.Git("commit", "-q", "-m", "with a submodule");
        File.WriteAllText(Path.Combine(inner, "x.txt"), "2\n");
        Git(inner, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-am", "two");
        repo.Git("add", "sub");
        var staged = Git(inner, "rev-parse", "HEAD").Trim();
        repo.Write("a.txt", "changed\n");

        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            Assert.True(workspace.StashWriter.Write("s-1").Stashed);
        }

        Assert.Contains(staged, repo.Git("ls-tree", "stash@{0}^2", "sub"));
        Assert.Contains(staged, repo.Git("ls-tree", "stash@{0}", "sub"));
    }

    private static string Git(string folder, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    internal static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }
}
