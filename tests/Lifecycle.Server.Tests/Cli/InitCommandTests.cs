using Lifecycle.Activities.Configuration;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Setup;
using Lifecycle.Activities.Tracking;
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
        Assert.DoesNotContain("lifecycle.dll", File.ReadAllText(Path.Combine(folder.Path, ".git", "hooks", "post-checkout")));

        File.WriteAllText(Path.Combine(folder.Path, "a.txt"), "a\n");
        Git.Run(folder.Path, "add", "-A");
        Git.Run(folder.Path, "commit", "-q", "-m", "with hooks");
        Assert.Equal("with hooks", Git.Run(folder.Path, "log", "-1", "--format=%s").Trim());
    }

    [Fact]
    public async Task Init_WritesTheDefaultConfigAndItsSchema_AndSaysSo()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        var paths = LifecyclePaths.For(folder.Path);

        var result = await new CliRunner(folder.Path).RunAsync("init");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"config: {paths.Config} written with every setting at its default", result.Stdout);
        Assert.Equal(ConfigFile.DefaultText(), File.ReadAllText(paths.Config));
        Assert.Equal(ConfigSchemaGenerator.GenerateText(), File.ReadAllText(paths.ConfigSchema));
    }

    [Fact]
    public async Task Init_WithTheUsersConfig_KeepsIt()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        folder.Write(".lifecycle/config.json", "{ \"manualMode\": true }\n");

        var result = await new CliRunner(folder.Path).RunAsync("--json", "init");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(result.Json["config"]!["created"]!.GetValue<bool>());
        Assert.Equal("{ \"manualMode\": true }\n", File.ReadAllText(Path.Combine(folder.Path, ".lifecycle", "config.json")));
    }

    [Fact]
    public async Task Init_InstallsHooksThatSpoolCommitsAndBranchSwitches_ForIngestion()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        Assert.Equal(0, (await new CliRunner(folder.Path).RunAsync("init")).ExitCode);

        File.WriteAllText(Path.Combine(folder.Path, "a.txt"), "a\n");
        Git.Run(folder.Path, "add", "-A");
        Git.Run(folder.Path, "commit", "-q", "-m", "add a");
        Git.Run(folder.Path, "checkout", "-q", "-b", "feature");
        Git.Run(folder.Path, "checkout", "-q", "--", "a.txt");
        using var batch = await new EventSpool(LifecyclePaths.For(folder.Path), TimeProvider.System).ClaimAsync();

        var events = batch.Events;
        Assert.Equal([SessionEventTypes.GitCommit, SessionEventTypes.BranchSwitched], events.Select(e => e.Type));
        Assert.Equal(Git.Run(folder.Path, "rev-parse", "HEAD").Trim(), events[0].Details["sha"]!.GetValue<string>());
        Assert.Equal("add a", events[0].Details["message"]!.GetValue<string>());
        Assert.Equal("main", events[0].Details["branch"]!.GetValue<string>());
        Assert.Equal("feature", events[1].Details["branch"]!.GetValue<string>());
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
        Assert.Contains("exists, kept as it is", again.Stdout);
        Assert.Contains("schema:", again.Stdout);
        Assert.Equal(1, File.ReadAllLines(Path.Combine(folder.Path, ".git", "info", "exclude")).Count(l => l == ".lifecycle/"));
    }

    [Fact]
    public async Task Init_OutsideAGitRepository_ExitsTwoWithWhatToDo()
    {
        using var folder = new TempFolder();

        var result = await new CliRunner(folder.Path).RunAsync("init");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a git repository, and sessions work on one. Run 'git init' there", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, ".lifecycle")));
    }

    [Fact]
    public async Task Init_InABareRepository_SaysItIsBareAndHowToGetAWorkTree()
    {
        using var folder = new TempFolder();
        Git.Run(folder.Path, "init", "-q", "--bare");

        var result = await new CliRunner(folder.Path).RunAsync("init");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: '{folder.Path}' is a bare git repository", result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }
}
