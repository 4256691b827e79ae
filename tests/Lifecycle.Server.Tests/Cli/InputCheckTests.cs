using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>Input the user can get wrong is refused with one line that says what to do, and nothing recorded.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class InputCheckTests
{
    [Theory]
    [InlineData("No task has id 'T77'", "event", "task_completed", "--task", "T77")]
    [InlineData("'0123456789abcdef0123456789abcdef01234567' is not a commit", "event", "git_commit", "--sha", "0123456789abcdef0123456789abcdef01234567")]
    [InlineData("Event error_occurred needs --message", "event", "error_occurred")]
    [InlineData("Event task_completed needs --task", "event", "task_completed")]
    [InlineData("Unknown event type 'commit'", "event", "commit")]
    public async Task Event_NamingWhatDoesNotExist_ExitsTwoWithOneLine_AndRecordsNothing(string message, params string[] args)
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "real task")).ExitCode);
        var before = (await cli.RunAsync("--json", "status")).Json;

        var result = await cli.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Contains(message, line);
        var after = (await cli.RunAsync("--json", "status")).Json;
        Assert.Equal(before["tasks"]!.ToJsonString(), after["tasks"]!.ToJsonString());
        Assert.Null(after["lastError"]);
    }

    [Fact]
    public async Task EventTaskCompleted_CompletesTheTask_AsTheSpecsWorkTrackingDoes()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "real task")).ExitCode);

        var result = await cli.RunAsync("event", "task_completed", "--task", "t1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var status = (await cli.RunAsync("--json", "status")).Json;
        Assert.Equal("done", status["tasks"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task EventErrorOccurred_IsTheLastErrorAndShowsInStatus()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);

        Assert.Equal(0, (await cli.RunAsync("event", "error_occurred", "--message", "build failed: CS1002")).ExitCode);

        var status = await cli.RunAsync("--json", "status");
        Assert.Equal("build failed: CS1002", status.Json["lastError"]!.GetValue<string>());
        Assert.Equal("build failed: CS1002", status.Json["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Contains("build failed: CS1002", (await cli.RunAsync("status")).Stdout);
    }

    [Theory]
    [InlineData("stat", "Unknown command 'stat'.")]
    [InlineData("sesions", "Unknown command 'sesions'. Did you mean 'sessions'?")]
    [InlineData("stauts", "Unknown command 'stauts'. Did you mean 'status'?")]
    [InlineData("end --noet x", "Unknown option '--noet' for 'end'. Did you mean '--note'?")]
    [InlineData("status --jsno", "Unknown option '--jsno' for 'status'. Did you mean '--json'?")]
    [InlineData("task add x --priority abc", "--priority takes a whole number from 1 (highest) to 5, not 'abc'.")]
    public async Task AnUnknownCommand_IsOneErrorLine(string command, string expected)
    {
        using var folder = new TempFolder();
        var cli = new CliRunner(folder.Path);

        var result = await cli.RunAsync(command.Split(' '));

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith($"error: {expected}", line);
    }

    [Fact]
    public async Task Repo_GivenASubfolder_FindsTheRepositoryAsGitDoes()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Directory.CreateDirectory(Path.Combine(folder.Path, "src", "deep"));
        var elsewhere = new CliRunner(Path.GetTempPath());

        var status = await elsewhere.RunAsync("--json", "--repo", Path.Combine(folder.Path, "src", "deep"), "status");

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Equal("00001", status.Json["sessionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ABareRepository_IsSaidToBeBare()
    {
        using var folder = new TempFolder();
        Git.Run(folder.Path, "init", "-q", "--bare");
        var cli = new CliRunner(folder.Path);

        var result = await cli.RunAsync("start");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a bare git repository", Assert.Single(result.Stderr.Trim().Split('\n')));
        Assert.False(Directory.Exists(Path.Combine(folder.Path, ".lifecycle")));
    }

    [Fact]
    public async Task WorkflowResume_OfAnInstanceNotWaitingForTheEvent_ExitsFourNotDelivered()
    {
        using var folder = new TempFolder();
        folder.Write("greet.json", TestWorkflows.Greet);
        var cli = new CliRunner(folder.Path);
        var run = await cli.RunAsync("--json", "workflow", "run", "greet.json");

        var result = await cli.RunAsync("workflow", "resume", "--event", "other", "--instance", run.Json["instanceId"]!.GetValue<string>());

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("is not waiting for event 'other'", result.Stderr);
    }

    [Fact]
    public async Task WorkflowResume_OfAnEventNothingWaitsFor_ExitsFourNotDelivered()
    {
        using var folder = new TempFolder();
        var cli = new CliRunner(folder.Path);

        var result = await cli.RunAsync("workflow", "resume", "--event", "typo");

        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith("error: event 'typo' was not delivered", Assert.Single(result.Stderr.Trim().Split('\n')));
    }
}
