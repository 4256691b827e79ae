using Lifecycle.Activities.Setup;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Setup;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class HookInstallerTests
{
    [Fact]
    public void Install_FreshRepository_WritesThreeExecutableHooks()
    {
        using var repo = new TempRepository();

        var installed = HookInstaller.Install(GitPaths.Of(repo.Path));

        Assert.Equal(["post-commit", "post-checkout", "post-merge"], installed.Select(i => i.Hook));
        foreach (var hook in installed)
        {
            Assert.Contains(HookInstaller.Marker, File.ReadAllText(hook.Path));
            Assert.True(File.GetUnixFileMode(hook.Path).HasFlag(UnixFileMode.UserExecute));
            Assert.Null(hook.ChainedTo);
        }
    }

    [Fact]
    public void Hooks_NameNoExecutable_AndParseAsPosixSh()
    {
        using var repo = new TempRepository();

        var installed = HookInstaller.Install(GitPaths.Of(repo.Path));

        foreach (var hook in installed)
        {
            var text = File.ReadAllText(hook.Path);
            Assert.DoesNotContain("lifecycle event", text);
            Assert.DoesNotContain("dotnet", text);
            Assert.StartsWith("#!/bin/sh\n", text);
            var (exitCode, output) = ProcessRunner.Run("dash", "-n", hook.Path);
            Assert.True(exitCode == 0, $"dash -n {hook.Hook}: {output}");
        }
    }

    [Fact]
    public void Commit_WithAnExistingHook_RunsItFirst_ThenSpoolsTheEvent()
    {
        using var repo = new TempRepository();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".lifecycle"));
        var userHook = repo.Write(".git/hooks/post-commit", "#!/bin/sh\n[ -f .lifecycle/events.spool ] && echo late >> .lifecycle/user.log || echo first >> .lifecycle/user.log\n");
        File.SetUnixFileMode(userHook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var installed = HookInstaller.Install(GitPaths.Of(repo.Path));
        repo.Write("a.txt", "a\n");
        var sha = repo.CommitAll("first");

        Assert.Equal("first\n", File.ReadAllText(Path.Combine(repo.Path, ".lifecycle", "user.log")));
        Assert.Contains($" refs/heads/main {sha}\n", File.ReadAllText(Path.Combine(repo.Path, ".lifecycle", "events.spool")));
        Assert.Equal(userHook + HookInstaller.ChainedSuffix, installed.Single(i => i.Hook == "post-commit").ChainedTo);
    }

    [Fact]
    public void Checkout_KeepsTheChainedHooksExitStatus_ArgumentsAndInput()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        var first = repo.CommitAll("first");
        Directory.CreateDirectory(Path.Combine(repo.Path, ".lifecycle"));
        var userHook = repo.Write(".git/hooks/post-checkout", "#!/bin/sh\necho \"$# $1 $2 $3\" > .lifecycle/args.log\ncat > .lifecycle/stdin.log\nexit 3\n");
        File.SetUnixFileMode(userHook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        HookInstaller.Install(GitPaths.Of(repo.Path));

        var (exitCode, _, _) = repo.TryGit(["checkout", "-q", "-b", "side"]);
        var hook = Path.Combine(repo.Path, ".git", "hooks", "post-checkout");
        var (_, direct) = ProcessRunner.RunIn(repo.Path, "sh", "-c", $"echo piped | {hook} a b 0; echo $?");

        Assert.NotEqual(0, exitCode);
        Assert.Equal("3\n", direct);
        Assert.Equal("3 a b 0\n", File.ReadAllText(Path.Combine(repo.Path, ".lifecycle", "args.log")));
        Assert.Equal("piped\n", File.ReadAllText(Path.Combine(repo.Path, ".lifecycle", "stdin.log")));
        Assert.EndsWith($" {first} {first} 1\n", File.ReadAllText(Path.Combine(repo.Path, ".lifecycle", "events.spool")));
    }

    [Fact]
    public void Install_Twice_UpdatesItsOwnHooks_AndKeepsTheChain()
    {
        using var repo = new TempRepository();
        var userHook = repo.Write(".git/hooks/post-merge", "#!/bin/sh\nexit 0\n");

        HookInstaller.Install(GitPaths.Of(repo.Path));
        var again = HookInstaller.Install(GitPaths.Of(repo.Path));

        var merge = again.Single(i => i.Hook == "post-merge");
        Assert.True(merge.Updated);
        Assert.Equal(userHook + HookInstaller.ChainedSuffix, merge.ChainedTo);
        Assert.Equal("#!/bin/sh\nexit 0\n", File.ReadAllText(merge.ChainedTo!));
        Assert.Contains(HookInstaller.Marker, File.ReadAllText(merge.Path));
    }

    [Fact]
    public void Install_OverTheHooksOfAnEarlierVersion_RewritesThemToTheSpool()
    {
        using var repo = new TempRepository();
        const string earlier = """
            #!/bin/sh
            # lifecycle-hook: records post-commit for the current lifecycle session; never fails the git command.
            status=0
            chained="$(dirname "$0")/post-commit.lifecycle-chained"
            if [ -x "$chained" ]; then
              "$chained" "$@"
              status=$?
            fi
            ( '/old/place/lifecycle' --repo "$PWD" event git_commit --quiet --hook post-commit -- "$@" </dev/null >/dev/null 2>&1 & ) >/dev/null 2>&1
            exit $status
            """;
        repo.Write(".git/hooks/post-commit", earlier);
        var chained = repo.Write(".git/hooks/post-commit.lifecycle-chained", "#!/bin/sh\nexit 0\n");

        var installed = HookInstaller.Install(GitPaths.Of(repo.Path)).Single(i => i.Hook == "post-commit");

        Assert.True(installed.Updated);
        Assert.Equal(chained, installed.ChainedTo);
        var text = File.ReadAllText(installed.Path);
        Assert.DoesNotContain("/old/place/lifecycle", text);
        Assert.Contains("events.spool", text);
    }

    [Fact]
    public void Install_OverAForeignHook_WhenTheChainedNameIsTaken_IsAConflict()
    {
        using var repo = new TempRepository();
        repo.Write(".git/hooks/post-commit", "#!/bin/sh\nexit 0\n");
        repo.Write(".git/hooks/post-commit.lifecycle-chained", "#!/bin/sh\nexit 0\n");

        var error = Assert.Throws<SessionException>(() => HookInstaller.Install(GitPaths.Of(repo.Path)));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains("merge the two by hand", error.Message);
    }

    [Fact]
    public void Commit_WhenTheSpoolCannotBeWritten_StillSucceedsSilently()
    {
        using var repo = new TempRepository();
        HookInstaller.Install(GitPaths.Of(repo.Path));
        Directory.CreateDirectory(Path.Combine(repo.Path, ".lifecycle", "events.spool"));
        repo.Write("a.txt", "a\n");

        repo.Git("add", "-A");
        var (exitCode, stdout, stderr) = repo.TryGit(["commit", "-q", "-m", "first"]);

        Assert.Equal(0, exitCode);
        Assert.Equal("", stdout + stderr);
        Assert.Equal("first", repo.Git("log", "-1", "--format=%s").Trim());
    }

    [Fact]
    public void Commit_InARepositoryWithoutLifecycle_WritesNothing()
    {
        using var repo = new TempRepository();
        HookInstaller.Install(GitPaths.Of(repo.Path));
        repo.Write("a.txt", "a\n");

        repo.Git("add", "-A");
        var (exitCode, stdout, stderr) = repo.TryGit(["commit", "-q", "-m", "first"]);
        repo.Git("checkout", "-q", "-b", "side");

        Assert.Equal(0, exitCode);
        Assert.Equal("", stdout + stderr);
        Assert.False(Directory.Exists(Path.Combine(repo.Path, ".lifecycle")));
    }

    [Fact]
    public void Install_HonoursCoreHooksPath()
    {
        using var repo = new TempRepository();
        repo.Git("config", "core.hooksPath", ".githooks");

        var installed = HookInstaller.Install(GitPaths.Of(repo.Path));

        Assert.All(installed, i => Assert.Equal(Path.Combine(repo.Path, ".githooks"), Path.GetDirectoryName(i.Path)));
    }

    [Fact]
    public void Worktree_SharesHooksAndExcludeWithItsMainRepository()
    {
        using var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("first");
        var worktree = repo.Path + "-wt";
        repo.Git("worktree", "add", "-q", worktree, "-b", "side");
        try
        {
            var paths = GitPaths.Of(worktree);

            Assert.Equal(Path.Combine(repo.Path, ".git"), paths.CommonDirectory);
            Assert.Equal(Path.Combine(repo.Path, ".git", "hooks"), paths.HooksDirectory);
            Assert.True(GitExclude.Ensure(paths, ".lifecycle/"));
            Assert.False(GitExclude.Ensure(paths, ".lifecycle/"));
            Assert.Contains(".lifecycle/", File.ReadAllText(Path.Combine(repo.Path, ".git", "info", "exclude")));
        }
        finally
        {
            Directory.Delete(worktree, recursive: true);
        }
    }

    [Fact]
    public void GitPaths_OutsideARepository_IsBadInput()
    {
        var folder = Directory.CreateTempSubdirectory("lifecycle-norepo-").FullName;
        try
        {
            var error = Assert.Throws<SessionException>(() => GitPaths.Of(folder));

            Assert.Equal(ErrorKind.InvalidInput, error.Kind);
            Assert.Contains("is not inside a git work tree", error.Message);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}
