using Lifecycle.Activities.Git;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Git;

public sealed class RestoreStashTests
{
    [Fact]
    public void RestoreStash_WithAnotherStashOnTop_RestoresItsOwnByNameAndKeepsTheOther()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.Write("b.txt", "b\n");
        repo.CommitAll("initial");
        repo.Write("a.txt", "mine\n");
        var before = WorkTreeSnapshot.Take(repo);
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            workspace.StashWriter.Write("ours");
        }

        repo.Write("b.txt", "someone else's\n");
        repo.Git("stash", "push", "-q", "-m", "unrelated");

        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            Assert.Equal(RestoreStatus.Restored, workspace.StashRestorer.Restore("ours").Status);
        }

        Assert.Equal("", WorkTreeSnapshot.Take(repo).DifferencesFrom(before));
        Assert.Equal("stash@{0}: On main: unrelated\n", repo.Git("stash", "list"));
    }

    [Fact]
    public void RestoreStash_DoesNotMatchASessionWhoseIdMerelyStartsTheSame()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        repo.Write("a.txt", "changed\n");
        using var workspace = GitWorkspace.Open(repo.Path);
        workspace.StashWriter.Write("s-10");

        Assert.False(workspace.Stashes.Has("s-1"));
        Assert.True(workspace.Stashes.Has("s-10"));
        Assert.Equal(RestoreStatus.NothingToRestore, workspace.StashRestorer.Restore("s-1").Status);
        Assert.Equal(RestoreStatus.Restored, workspace.StashRestorer.Restore("s-10").Status);
    }

    [Fact]
    public void RestoreStash_WithoutAStash_ReturnsNothingToRestore()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        using var workspace = GitWorkspace.Open(repo.Path);

        var outcome = workspace.StashRestorer.Restore("none");

        Assert.Equal(RestoreStatus.NothingToRestore, outcome.Status);
        Assert.Empty(outcome.Files);
    }

    [Fact]
    public void RestoreStash_WhenAStashedPathHasLocalChanges_KeepsTheStashTouchesNothingAndReportsThePath()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.Write("b.txt", "b\n");
        repo.CommitAll("initial");
        repo.Write("a.txt", "stashed a\n");
        repo.Write("b.txt", "stashed b\n");
        repo.Write("new.txt", "stashed new\n");
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            workspace.StashWriter.Write("s");
        }

        repo.Write("a.txt", "local edit\n");
        repo.Write("new.txt", "someone wrote this meanwhile\n");
        var before = WorkTreeSnapshot.Take(repo);

        RestoreOutcome outcome;
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            outcome = workspace.StashRestorer.Restore("s");
        }

        Assert.Equal(RestoreStatus.Conflict, outcome.Status);
        Assert.Equal(["a.txt", "new.txt"], outcome.ConflictingPaths);
        Assert.Equal("", WorkTreeSnapshot.Take(repo).DifferencesFrom(before));
        Assert.Contains("lifecycle session s", repo.Git("stash", "list"));
    }

    [Fact]
    public void RestoreStash_WhenHeadChangedAStashedPath_Conflicts()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        repo.Write("a.txt", "stashed\n");
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            workspace.StashWriter.Write("s");
        }

        repo.Write("a.txt", "committed elsewhere\n");
        repo.CommitAll("upstream");

        using var again = GitWorkspace.Open(repo.Path);
        var outcome = again.StashRestorer.Restore("s");

        Assert.Equal(RestoreStatus.Conflict, outcome.Status);
        Assert.Equal(["a.txt"], outcome.ConflictingPaths);
        Assert.Equal("committed elsewhere\n", File.ReadAllText(Path.Combine(repo.Path, "a.txt")));
        Assert.Contains("lifecycle session s", repo.Git("stash", "list"));
    }

    [Fact]
    public void RestoreStash_WhenHeadMovedOnOtherPaths_RestoresAndKeepsTheNewCommit()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.Write("b.txt", "b\n");
        repo.CommitAll("initial");
        repo.Write("a.txt", "stashed\n");
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            workspace.StashWriter.Write("s");
        }

        repo.Write("b.txt", "committed elsewhere\n");
        repo.CommitAll("upstream");

        using var again = GitWorkspace.Open(repo.Path);
        Assert.Equal(RestoreStatus.Restored, again.StashRestorer.Restore("s").Status);

        Assert.Equal(" M a.txt\n", repo.Git("status", "--porcelain"));
        Assert.Equal("stashed\n", File.ReadAllText(Path.Combine(repo.Path, "a.txt")));
        Assert.Equal("committed elsewhere\n", File.ReadAllText(Path.Combine(repo.Path, "b.txt")));
    }

    [Fact]
    public void RestoreStash_WhenAnIgnoredFileIsInTheWay_Conflicts()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        repo.Write("notes.tmp", "untracked work\n");
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            workspace.StashWriter.Write("s");
        }

        repo.Write(".git/info/exclude", "*.tmp\n");
        repo.Write("notes.tmp", "generated\n");

        using var again = GitWorkspace.Open(repo.Path);
        var outcome = again.StashRestorer.Restore("s");

        Assert.Equal(["notes.tmp"], outcome.ConflictingPaths);
        Assert.Equal("generated\n", File.ReadAllText(Path.Combine(repo.Path, "notes.tmp")));
    }

    [Fact]
    public void RestoreStash_InterruptedAfterWritingFiles_CanBeRunAgain()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        repo.Write("a.txt", "stashed\n");
        repo.Write("new.txt", "new\n");
        var before = WorkTreeSnapshot.Take(repo);
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            workspace.StashWriter.Write("s");
        }

        // As if a crash hit after the files were written but before the stash was dropped.
        repo.Git("stash", "apply", "-q", "--index");

        using var again = GitWorkspace.Open(repo.Path);
        Assert.Equal(RestoreStatus.Restored, again.StashRestorer.Restore("s").Status);
        Assert.Equal("", WorkTreeSnapshot.Take(repo).DifferencesFrom(before));
        Assert.Equal("", repo.Git("stash", "list"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(6)]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void RestoreStash_KilledAfterSomeFilesWereWritten_FinishesTheJobWhenRunAgain(int filesWrittenBeforeTheKill)
    {
        using var repo = new TempRepository();
        repo.Write("staged.txt", "one\n");
        repo.Write("unstaged.txt", "two\n");
        repo.Write("removed.txt", "three\n");
        repo.Write("tool.sh", "echo hi\n");
        repo.CommitAll("initial");
        repo.Write("staged.txt", "one, staged\n");
        repo.Write("added.txt", "new and staged\n");
        repo.Git("add", "staged.txt", "added.txt");
        repo.Git("rm", "-q", "removed.txt");
        repo.Write("unstaged.txt", "two, not staged\n");
        repo.Write("notes/untracked.txt", "untracked\n");
        File.SetUnixFileMode(Path.Combine(repo.Path, "tool.sh"), (UnixFileMode)0b111_101_101);
        var before = WorkTreeSnapshot.Take(repo);
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            workspace.StashWriter.Write("s");
        }

        using (var killed = GitWorkspace.Open(repo.Path))
        {
            var written = 0;
            killed.StashRestorer.AfterFileWritten = _ =>
            {
                if (++written == filesWrittenBeforeTheKill)
                {
                    throw new OperationCanceledException("killed");
                }
            };
            Assert.Throws<OperationCanceledException>(() => killed.StashRestorer.Restore("s"));
        }

        using var again = GitWorkspace.Open(repo.Path);
        var outcome = again.StashRestorer.Restore("s");

        Assert.Equal(RestoreStatus.Restored, outcome.Status);
        Assert.Empty(outcome.ConflictingPaths);
        Assert.Equal("", WorkTreeSnapshot.Take(repo).DifferencesFrom(before));
        Assert.Equal("", repo.Git("stash", "list"));
    }

    [Fact]
    public void StashWork_InARepositoryWithASubmodule_LeavesTheSubmoduleAndRoundTripsTheRest()
    {
        using var library = new TempRepository();
        library.Write("lib.txt", "lib\n");
        library.CommitAll("library");
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        repo.Git("-c", "protocol.file.allow=always", "submodule", "add", "-q", library.Path, "sub");
        repo.CommitAll("add submodule");
        File.WriteAllText(Path.Combine(repo.Path, "sub", "lib.txt"), "changed inside the submodule\n");
        repo.Write("a.txt", "changed\n");
        repo.Write("new/file.txt", "new\n");
        var before = WorkTreeSnapshot.Take(repo);

        StashOutcome stashed;
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            stashed = workspace.StashWriter.Write("s");
            Assert.DoesNotContain("sub", workspace.Status.UncommittedFiles());
        }

        Assert.Equal(["a.txt", "new/file.txt"], stashed.Files.Select(f => f.Path));
        Assert.Equal("changed inside the submodule\n", File.ReadAllText(Path.Combine(repo.Path, "sub", "lib.txt")));
        using (var workspace = GitWorkspace.Open(repo.Path))
        {
            Assert.Equal(RestoreStatus.Restored, workspace.StashRestorer.Restore("s").Status);
        }

        Assert.Equal("", WorkTreeSnapshot.Take(repo).DifferencesFrom(before));
    }

    [Fact]
    public void StashWork_InTwoWorktreesWithTheSameSessionId_EachRestoresItsOwnWork()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        var linked = Path.Combine(repo.Path, "..", Path.GetFileName(repo.Path) + "-second");
        repo.Git("worktree", "add", "-q", "-b", "second", linked);
        try
        {
            repo.Write("main-only.txt", "main\n");
            File.WriteAllText(Path.Combine(linked, "second-only.txt"), "second\n");
            using (var workspace = GitWorkspace.Open(repo.Path))
            {
                Assert.True(workspace.StashWriter.Write("00001").Stashed);
            }

            using (var workspace = GitWorkspace.Open(linked))
            {
                Assert.True(workspace.StashWriter.Write("00001").Stashed);
                Assert.Equal(RestoreStatus.Restored, workspace.StashRestorer.Restore("00001").Status);
            }

            using (var workspace = GitWorkspace.Open(repo.Path))
            {
                Assert.Equal(RestoreStatus.Restored, workspace.StashRestorer.Restore("00001").Status);
            }

            Assert.Equal("?? main-only.txt\n", repo.Git("status", "--porcelain"));
            Assert.True(File.Exists(Path.Combine(linked, "second-only.txt")));
            Assert.False(File.Exists(Path.Combine(linked, "main-only.txt")));
            Assert.Equal("", repo.Git("stash", "list"));
        }
        finally
        {
            repo.Git("worktree", "remove", "--force", linked);
        }
    }

    [Fact]
    public void StashWork_InALinkedWorktree_RoundTripsThroughTheSharedStash()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        var linked = Path.Combine(repo.Path, "..", Path.GetFileName(repo.Path) + "-linked");
        repo.Git("worktree", "add", "-q", "-b", "side", linked);
        try
        {
            File.WriteAllText(Path.Combine(linked, "a.txt"), "changed in the linked worktree\n");
            File.WriteAllText(Path.Combine(linked, "new.txt"), "new\n");
            using (var workspace = GitWorkspace.Open(linked))
            {
                Assert.Equal("side", workspace.CurrentBranch);
                Assert.True(workspace.StashWriter.Write("wt").Stashed);
            }

            Assert.Contains("On side: lifecycle session wt", repo.Git("stash", "list"));
            using (var workspace = GitWorkspace.Open(linked))
            {
                Assert.Equal(RestoreStatus.Restored, workspace.StashRestorer.Restore("wt").Status);
            }

            Assert.Equal("changed in the linked worktree\n", File.ReadAllText(Path.Combine(linked, "a.txt")));
            Assert.Equal("new\n", File.ReadAllText(Path.Combine(linked, "new.txt")));
        }
        finally
        {
            repo.Git("worktree", "remove", "--force", linked);
        }
    }
}
