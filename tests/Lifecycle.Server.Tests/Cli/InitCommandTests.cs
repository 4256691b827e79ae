using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

public class InitCommandTests
{
    [Fact]
    public async Task Init_InAGitRepository_CreatesStateExcludesItAndChainsExistingHooks()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        folder.Write(".git/hooks/post-commit", "#!/bin/sh\nexit 0\n");

        var result = await new CliRunner(folder.Path).RunAsync("--json", "init");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(folder.Path, ".lifecycle", "lifecycle.db")));
        Assert.Contains(".lifecycle/", File.ReadAllText(Path.Combine(folder.Path, ".git", "info", "exclude")));
        Assert.Equal("", Git.Run(folder.Path, "status", "--porcelain"));
        var hooks = result.Json["hooks"]!.AsArray();
        Assert.Equal(3, hooks.Count);
        Assert.EndsWith("post-commit.lifecycle-chained", hooks.Single(h => h!["hook"]!.GetValue<string>() == "post-commit")!["chainedTo"]!.GetValue<string>());
        Assert.Contains("lifecycle.dll", File.ReadAllText(Path.Combine(folder.Path, ".git", "hooks", "post-checkout")));

        File.WriteAllText(Path.Combine(folder.Path, "a.txt"), "a\n");
        Git.Run(folder.Path, "add", "-A");
        Git.Run(folder.Path, "commit", "-q", "-m", "with hooks");
        Assert.Equal("with hooks", Git.Run(folder.Path, "log", "-1", "--format=%s").Trim());
    }

    [Fact]
    public async Task Init_Twice_UpdatesTheHooks()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        var cli = new CliRunner(folder.Path);
        await cli.RunAsync("init");

        var again = await cli.RunAsync("init");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("hook post-commit: updated", again.Stdout);
        Assert.Equal(1, File.ReadAllLines(Path.Combine(folder.Path, ".git", "info", "exclude")).Count(l => l == ".lifecycle/"));
    }

    [Fact]
    public async Task Init_OutsideAGitRepository_ExitsTwoWithWhatToDo()
    {
        using var folder = new TempFolder();

        var result = await new CliRunner(folder.Path).RunAsync("init");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not inside a git work tree. Run 'git init' there first", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, ".lifecycle")));
    }
}
