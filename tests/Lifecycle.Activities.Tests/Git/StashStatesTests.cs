using Lifecycle.Activities.Git;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Git;

/// <summary>
/// Every state git can hold in a working tree comes back identical after the stash writer puts it
/// away and the restorer brings it back, as git reports it (status, index flags, diffs) and as the
/// disk holds it (bytes, permission bits). Where git's own <c>git stash push -u</c> and
/// <c>git stash pop --index</c> get it right, the result is also compared with git's.
/// </summary>
/// <remarks>Scenarios from git's t3903-stash tests and from the acceptance suite.</remarks>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StashStatesTests
{
    private static readonly byte[] Binary = [0, 1, 2, 255, 13, 10, 0, 13, 128, 10];

    [Fact]
    public void ATrackedFilesPermissionBits_ComeBackAsTheyWere()
    {
        using var repo = new TempRepository();
        repo.Write("secret.env", "A=1\n");
        repo.Write("group.txt", "g\n");
        repo.Write("staged.env", "S=1\n");
        repo.CommitAll("initial");
        SetMode(repo.Write("secret.env", "A=2\n"), "600");
        SetMode(repo.Write("group.txt", "g2\n"), "664");
        SetMode(repo.Write("staged.env", "S=2\n"), "400");
        repo.Git("add", "staged.env");

        var (before, between, after) = RoundTrip(repo, betweenCheck: () =>
        {
            // Reset to HEAD, the files stay unreadable by others.
            Assert.Equal("600", ModeOf(repo, "secret.env"));
            Assert.Equal("400", ModeOf(repo, "staged.env"));
        });

        Same(before, after);
        Assert.Equal("", between.Status);
    }

    [Fact]
    public void AnUntrackedFoldersPermissionBits_ComeBackAsTheyWere()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        SetMode(repo.Write("private/keys/id", "key\n"), "600");
        SetMode(Path.Combine(repo.Path, "private", "keys"), "700");
        SetMode(Path.Combine(repo.Path, "private"), "750");

        var (before, _, after) = RoundTrip(repo);

        Same(before, after);
        Assert.Equal("folder 700 ", before.Files["private/keys"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AFolderReplacedByAFile_ComesBackAsGitsOwnStashBringsItBack(bool staged)
    {
        void Scenario(TempRepository repo)
        {
            repo.Write("d/f", "f\n");
            repo.Write("d/sub/g", "g\n");
            repo.Write("other.txt", "o\n");
            repo.CommitAll("initial");
            Directory.Delete(Path.Combine(repo.Path, "d"), recursive: true);
            repo.Write("d", "now a file\n");
            repo.Write("other.txt", "o2\n");
            if (staged)
            {
                repo.Git("add", "-A", "d");
            }
        }

        using var repo = new TempRepository();
        Scenario(repo);
        var (before, _, after) = RoundTrip(repo);
        using var git = new TempRepository();
        Scenario(git);
        var byGit = GitStashRoundTrip(git);

        Same(before, after);
        Same(byGit, after);
    }

    [Fact]
    public void AFileReplacedByAFolder_ComesBack_WhereGitsOwnStashCannotPopIt()
    {
        void Scenario(TempRepository repo)
        {
            repo.Write("f", "f\n");
            repo.CommitAll("initial");
            File.Delete(Path.Combine(repo.Path, "f"));
            repo.Write("f/inside.txt", "inside\n");
        }

        using var repo = new TempRepository();
        Scenario(repo);
        var (before, _, after) = RoundTrip(repo);
        using var git = new TempRepository();
        Scenario(git);

        Same(before, after);
        // git 2.39's own pop fails here ("cannot create directory at 'f': File exists").
        Assert.Throws<InvalidOperationException>(() => GitStashRoundTrip(git));
    }

    [Fact]
    public void AnIntentToAddEntry_ComesBackIntentToAdd_NotStagedEmpty()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        repo.Write("new.txt", "new content\n");
        repo.Write("empty-new.txt", "");
        repo.Write("deep/er/new.txt", "deep\n");
        repo.Git("add", "-N", "new.txt", "empty-new.txt", "deep/er/new.txt");
        repo.Write("a.txt", "a2\n");
        repo.Git("add", "a.txt");

        var (before, between, after) = RoundTrip(repo);

        Same(before, after);
        Assert.Contains("new.txt flags:20004000", before.Index);
        Assert.Equal("", between.Status);
    }

    [Fact]
    public void SkipWorktreeEntries_KeepTheirBitAndTheirFiles_AsGitsOwnStashDoes()
    {
        void Scenario(TempRepository repo)
        {
            repo.Write("sparse/gone.txt", "not checked out\n");
            repo.Write("sparse/edited.txt", "committed\n");
            repo.Write("a.txt", "a\n");
            repo.CommitAll("initial");
            repo.Git("update-index", "--skip-worktree", "sparse/gone.txt", "sparse/edited.txt");
            File.Delete(Path.Combine(repo.Path, "sparse", "gone.txt"));
            repo.Write("sparse/edited.txt", "local edit git does not see\n");
            repo.Write("a.txt", "a2\n");
        }

        using var repo = new TempRepository();
        Scenario(repo);
        var (before, between, after) = RoundTrip(repo);
        using var git = new TempRepository();
        Scenario(git);
        var byGit = GitStashRoundTrip(git);

        Same(before, after);
        Same(byGit, after);
        Assert.Equal("", between.Status);
        Assert.Contains("S sparse/gone.txt", between.Tags);
        // git does not see these files, so they are neither put away nor reset.
        Assert.Equal("file 644 " + Convert.ToHexString("local edit git does not see\n"u8), between.Files["sparse/edited.txt"]);
        Assert.False(between.Files.ContainsKey("sparse/gone.txt"));
    }

    [Fact]
    public void AnAssumeUnchangedEntry_KeepsItsBitAndItsEdit_WhichGitsOwnStashLoses()
    {
        void Scenario(TempRepository repo)
        {
            repo.Write("assumed.txt", "committed\n");
            repo.Write("a.txt", "a\n");
            repo.CommitAll("initial");
            repo.Git("update-index", "--assume-unchanged", "assumed.txt");
            repo.Write("assumed.txt", "local edit git is told to ignore\n");
            repo.Write("a.txt", "a2\n");
        }

        using var repo = new TempRepository();
        Scenario(repo);
        var (before, between, after) = RoundTrip(repo);
        using var git = new TempRepository();
        Scenario(git);
        var byGit = GitStashRoundTrip(git);

        Same(before, after);
        Assert.Contains("h assumed.txt", between.Tags);
        Assert.Equal("file 644 " + Convert.ToHexString("local edit git is told to ignore\n"u8), between.Files["assumed.txt"]);
        // git 2.39's stash resets the file to HEAD without putting the edit away.
        Assert.Equal("file 644 " + Convert.ToHexString("committed\n"u8), byGit.Files["assumed.txt"]);
    }

    [Fact]
    public void AStagedChangeToASkipWorktreeEntry_ComesBackStagedWithItsBit_AndItsFileIsNeverTouched()
    {
        using var repo = new TempRepository();
        repo.Write("sparse/a.txt", "committed\n");
        repo.Write("b.txt", "b\n");
        repo.CommitAll("initial");
        repo.Git("update-index", "--cacheinfo", $"100644,{repo.Git("hash-object", "-w", "b.txt").Trim()},sparse/a.txt");
        repo.Git("update-index", "--skip-worktree", "sparse/a.txt");
        File.Delete(Path.Combine(repo.Path, "sparse", "a.txt"));

        var (before, between, after) = RoundTrip(repo);

        Same(before, after);
        Assert.Contains("S sparse/a.txt", between.Tags);
        Assert.Equal("", between.Staged);
        Assert.False(between.Files.ContainsKey("sparse/a.txt"));
    }

    [Fact]
    public void LineEndingsBinaryFilesAndASubmodule_InOneTree_ComeBackAsTheyWere()
    {
        using var library = new TempRepository();
        library.Write("lib.txt", "lib\n");
        library.CommitAll("library");
        using var repo = new TempRepository();
        repo.Write(".gitattributes", "*.crlf eol=crlf\n*.auto text=auto\n*.bin binary\n");
        repo.Write("a.crlf", "one\r\ntwo\r\n");
        repo.Write("b.auto", "lf\n");
        repo.Write("c.auto", "crlf\r\n");
        repo.Write("d.bin", Binary);
        repo.CommitAll("initial");
        repo.Git("-c", "protocol.file.allow=always", "submodule", "add", "-q", library.Path, "lib");
        repo.Git("commit", "-q", "-m", "submodule");
        repo.Write("a.crlf", "one\r\ntwo\r\nthree\r\n");
        repo.Write("b.auto", "lf\r\nnow crlf\r\n");
        repo.Write("c.auto", "crlf\r\nmixed\n");
        repo.Write("d.bin", [.. Binary, 9]);
        repo.Git("add", "d.bin");
        repo.Write("new.auto", "new\r\n");
        repo.Write("new.bin", Binary);
        repo.Write("lib/lib.txt", "changed inside the submodule\n");

        var (before, between, after) = RoundTrip(repo);

        Same(before, after);
        Assert.Contains("lib", between.Status);
        Assert.Equal("file 644 " + Convert.ToHexString("changed inside the submodule\n"u8), between.Files["lib/lib.txt"]);
    }

    [Fact]
    public void Restore_WhenTheIndexFlagsCannotBeSetAgain_KeepsTheStashAndSaysWhich()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        repo.Write("new.txt", "new\n");
        repo.Git("add", "-N", "new.txt");
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            Assert.True(workspace.StashWriter.Write("s").Stashed);
        }

        RestoreOutcome outcome;
        var lockFile = Path.Combine(repo.Path, ".git", "index.lock");
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            workspace.StashRestorer.BeforeIndexFlags = () => File.WriteAllText(lockFile, "");
            outcome = workspace.StashRestorer.Restore("s");
        }

        File.Delete(lockFile);
        Assert.Equal(RestoreStatus.Partial, outcome.Status);
        Assert.Equal(["new.txt"], outcome.ConflictingPaths);
        Assert.Contains("new.txt could not be set again", outcome.Problem);
        Assert.Contains("lifecycle session s", repo.Git("stash", "list"));
        Assert.Equal("new\n", File.ReadAllText(Path.Combine(repo.Path, "new.txt")));
        Assert.Contains("lifecycle-flags intent-to-add new.txt", repo.Git("log", "-1", "--format=%b", "stash@{0}"));
    }

    private static (GitState Before, GitState Between, GitState After) RoundTrip(TempRepository repo, Action? betweenCheck = null)
    {
        var before = GitState.Take(repo);
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            Assert.True(workspace.StashWriter.Write("s").Stashed);
        }

        var between = GitState.Take(repo);
        betweenCheck?.Invoke();
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            var restored = workspace.StashRestorer.Restore("s");
            Assert.True(restored.Status == RestoreStatus.Restored, $"{restored.Status}: {string.Join(", ", restored.ConflictingPaths)}");
        }

        Assert.Equal("", repo.Git("stash", "list"));
        return (before, between, GitState.Take(repo));
    }

    /// <summary>Fails with every difference spelled out.</summary>
    private static void Same(GitState expected, GitState actual)
    {
        var differences = actual.DifferencesFrom(expected);
        Assert.True(differences.Length == 0, differences);
    }

    private static GitState GitStashRoundTrip(TempRepository repo)
    {
        repo.Git("stash", "push", "-q", "-u");
        repo.Git("stash", "pop", "-q", "--index");
        return GitState.Take(repo);
    }

    private static void SetMode(string full, string octal) => File.SetUnixFileMode(full, (UnixFileMode)Convert.ToInt32(octal, 8));

    private static string ModeOf(TempRepository repo, string relative) =>
        Convert.ToString((int)File.GetUnixFileMode(Path.Combine(repo.Path, relative)), 8);
}
