using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Persistence;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

public class TaskCommandTests
{
    private static async Task<CliRunner> ActiveSessionAsync(TempFolder folder)
    {
        Git.Init(folder.Path);
        var store = new SqliteSessionStore(Path.Combine(folder.Path, ".lifecycle", "lifecycle.db"));
        await store.SaveAsync(new SessionContext { SessionId = "00001", State = SessionState.Active, ActiveBranch = "main" }, default);
        return new CliRunner(folder.Path);
    }

    [Fact]
    public async Task Tasks_AddDoneBlockList_ThroughTheCli()
    {
        using var folder = new TempFolder();
        var cli = await ActiveSessionAsync(folder);

        Assert.Equal(0, (await cli.RunAsync("task", "add", "write tests", "--priority", "1")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "deploy")).ExitCode);
        var done = await cli.RunAsync("task", "done", "T1");
        var blocked = await cli.RunAsync("task", "block", "t2", "--reason", "waiting for the API key");
        var list = await cli.RunAsync("--json", "task", "list");
        var status = await cli.RunAsync("--json", "status");

        Assert.Equal("Done T1: write tests\n", done.Stdout);
        Assert.Contains("Blocked T2: deploy (blocked: waiting for the API key)", blocked.Stdout);
        var tasks = list.Json["tasks"]!.AsArray();
        Assert.Equal(["T2", "T1"], tasks.Select(t => t!["id"]!.GetValue<string>()));
        Assert.Equal("ACTIVE", status.Json["state"]!.GetValue<string>());
        Assert.Equal("T2: waiting for the API key", status.Json["blockers"]![0]!.GetValue<string>());
        var events = await new SqliteSessionStore(Path.Combine(folder.Path, ".lifecycle", "lifecycle.db")).GetEventsAsync("00001", default);
        Assert.Equal("T1", Assert.Single(events, e => e.Type == SessionEventTypes.TaskCompleted).Data!["task"]!.GetValue<string>());
    }

    [Fact]
    public async Task TaskAdd_FromManyProcessesAtOnce_AddsEveryTaskWithItsOwnId()
    {
        using var folder = new TempFolder();
        var cli = await ActiveSessionAsync(folder);

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => cli.RunAsync("task", "add", $"parallel {i}")));
        var list = await cli.RunAsync("--json", "task", "list");

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        var tasks = list.Json["tasks"]!.AsArray();
        Assert.Equal(8, tasks.Count);
        Assert.Equal(8, tasks.Select(t => t!["id"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"parallel {i}").Order(), tasks.Select(t => t!["title"]!.GetValue<string>()).Order());
    }

    [Theory]
    [InlineData("task done T9", "No task has id 'T9'")]
    [InlineData("task add x --priority 7", "Priority 7 is out of range")]
    [InlineData("task block T1", "Option '--reason' is required")]
    public async Task TaskMistakes_ExitTwo(string commandLine, string expected)
    {
        using var folder = new TempFolder();
        var cli = await ActiveSessionAsync(folder);

        var result = await cli.RunAsync(commandLine.Split(' '));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Stderr);
    }

    [Fact]
    public async Task WithoutAnySession_StatusAndTasksSayHowToStart_AndCreateNothing()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        var cli = new CliRunner(folder.Path);

        var status = await cli.RunAsync("status");
        var add = await cli.RunAsync("task", "add", "x");
        var sessions = await cli.RunAsync("sessions");

        Assert.Equal(2, status.ExitCode);
        Assert.Contains("There is no session yet. Start one with 'lifecycle start'.", status.Stderr);
        Assert.Equal(2, add.ExitCode);
        Assert.Contains("No sessions yet", sessions.Stdout);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, ".lifecycle")));
    }

    [Fact]
    public async Task ATaskDoneInAnEarlierSession_IsReopenedIntoTheCurrentOne_AndOtherChangesSayToReopenItFirst()
    {
        using var folder = new TempFolder();
        var cli = await ActiveSessionAsync(folder);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "ship the parser")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "done", "T1")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);

        var edit = await cli.RunAsync("task", "edit", "T1", "--title", "ship it");
        var reopen = await cli.RunAsync("task", "reopen", "t1");
        var listed = await cli.RunAsync("--json", "task", "list");

        Assert.Equal(2, edit.ExitCode);
        Assert.Equal("error: Task T1 was done in session 00001; bring it back with 'lifecycle task reopen T1' first.\n", edit.Stderr);
        Assert.True(reopen.ExitCode == 0, reopen.ToString());
        var task = Assert.Single(listed.Json["tasks"]!.AsArray());
        Assert.Equal("T1", task!["id"]!.GetValue<string>());
        Assert.Equal("open", task["status"]!.GetValue<string>());
        Assert.Equal("00002", listed.Json["sessionId"]!.GetValue<string>());
    }
}
