using System.Diagnostics;
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

        var installed = HookInstaller.Install(GitPaths.Of(repo.Path), "lifecycle");

        Assert.Equal(["post-commit", "post-checkout", "post-merge"], installed.Select(i => i.Hook));
        foreach (var hook in installed)
        {
            Assert.Contains(HookInstaller.Marker, File.ReadAllText(hook.Path));
            Assert.True(File.GetUnixFileMode(hook.Path).HasFlag(UnixFileMode.UserExecute));
            Assert.Null(hook.ChainedTo);
        }
    }

    [Fact]
    public void Commit_WithAnExistingHook_RunsItFirst_ThenRecordsTheEvent()
    {
        using var repo = new TempRepository();
        var log = Path.Combine(repo.Path, "..", $"{Path.GetFileName(repo.Path)}-events.log");
        var userHook = repo.Write(".git/hooks/post-commit", "#!/bin/sh\necho user-hook >> \"$(git rev-parse --show-toplevel)/../" + Path.GetFileName(log) + "\"\n");
        File.SetUnixFileMode(userHook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var recorder = FakeLifecycle(repo, log);

        var installed = HookInstaller.Install(GitPaths.Of(repo.Path), HookInstaller.Quote(recorder));
        repo.Write("a.txt", "a\n");
        GitSync(repo, "add", "-A");
        GitSync(repo, "commit", "-q", "-m", "first");

        var lines = File.ReadAllLines(log);
        Assert.Equal("user-hook", lines[0]);
        Assert.StartsWith($"--repo {repo.Path} event git_commit --quiet --hook post-commit --", lines[1]);
        Assert.Equal(userHook + HookInstaller.ChainedSuffix, installed.Single(i => i.Hook == "post-commit").ChainedTo);
        File.Delete(log);
    }

    [Fact]
    public void Install_Twice_UpdatesItsOwnHooks_AndKeepsTheChain()
    {
        using var repo = new TempRepository();
        var userHook = repo.Write(".git/hooks/post-merge", "#!/bin/sh\nexit 0\n");

        HookInstaller.Install(GitPaths.Of(repo.Path), "lifecycle");
        var again = HookInstaller.Install(GitPaths.Of(repo.Path), "lifecycle-2");

        var merge = again.Single(i => i.Hook == "post-merge");
        Assert.True(merge.Updated);
        Assert.Equal(userHook + HookInstaller.ChainedSuffix, merge.ChainedTo);
        Assert.Equal("#!/bin/sh\nexit 0\n", File.ReadAllText(merge.ChainedTo!));
        Assert.Contains("lifecycle-2", File.ReadAllText(merge.Path));
    }

    [Fact]
    public void Commit_WhenLifecycleFails_StillSucceeds()
    {
        using var repo = new TempRepository();
        HookInstaller.Install(GitPaths.Of(repo.Path), "/no/such/lifecycle");
        repo.Write("a.txt", "a\n");

        GitSync(repo, "add", "-A");
        var output = GitSync(repo, "commit", "-q", "-m", "first");

        Assert.Equal("", output);
        Assert.Equal("first", repo.Git("log", "-1", "--format=%s").Trim());
    }

    [Fact]
    public void Install_HonoursCoreHooksPath()
    {
        using var repo = new TempRepository();
        repo.Git("config", "core.hooksPath", ".githooks");

        var installed = HookInstaller.Install(GitPaths.Of(repo.Path), "lifecycle");

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

    /// <summary>A stand-in for the lifecycle executable that appends its arguments to <paramref name="log"/>.</summary>
    private static string FakeLifecycle(TempRepository repo, string log)
    {
        var script = Path.Combine(repo.Path + "-bin", "lifecycle");
        Directory.CreateDirectory(Path.GetDirectoryName(script)!);
        File.WriteAllText(script, $"#!/bin/sh\necho \"$*\" >> {HookInstaller.Quote(Path.GetFullPath(log))}\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    /// <summary>Runs git with the hooks in the foreground, so what they record is there when git returns.</summary>
    private static string GitSync(TempRepository repo, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = repo.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[HookInstaller.SyncVariable] = "1";
        start.Environment["HOME"] = repo.Path;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {output}");
        return output;
    }
}
