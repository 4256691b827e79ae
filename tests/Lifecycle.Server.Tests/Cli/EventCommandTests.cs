using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Setup;
using Lifecycle.Server.Persistence;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

public class EventCommandTests
{
    private static readonly Dictionary<string, string> HooksInForeground = new() { [HookInstaller.SyncVariable] = "1" };

    [Fact]
    public async Task Event_WithoutAnActiveSession_RecordsNothingAndExitsZero()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);

        var result = await new CliRunner(folder.Path).RunAsync("event", "heartbeat");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no session is active; nothing was recorded", result.Stderr);
    }

    [Fact]
    public async Task Event_UnknownType_ExitsTwoListingTheTypes()
    {
        using var folder = new TempFolder();

        var result = await new CliRunner(folder.Path).RunAsync("event", "coffee_break");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown event type 'coffee_break'. Use one of: file_modified, git_commit", result.Stderr);
    }

    [Fact]
    public async Task Hooks_RecordCommitsAndBranchSwitches_InTheActiveSession()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        var cli = new CliRunner(folder.Path);
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        var store = new SqliteSessionStore(Path.Combine(folder.Path, ".lifecycle", "lifecycle.db"));
        await store.InitializeAsync(default);
        await store.SaveAsync(new SessionContext { SessionId = "00001", State = SessionState.Active }, default);

        File.WriteAllText(Path.Combine(folder.Path, "a.txt"), "a\n");
        Git.Run(folder.Path, HooksInForeground, "add", "-A");
        Git.Run(folder.Path, HooksInForeground, "commit", "-q", "-m", "add a");
        Git.Run(folder.Path, HooksInForeground, "checkout", "-q", "-b", "feature");
        Git.Run(folder.Path, HooksInForeground, "checkout", "-q", "--", "a.txt");

        var events = await store.GetEventsAsync("00001", default);
        Assert.Equal([SessionEventTypes.GitCommit, SessionEventTypes.BranchSwitched], events.Select(e => e.Type));
        Assert.Equal(Git.Run(folder.Path, "rev-parse", "HEAD").Trim(), events[0].Data!["sha"]!.GetValue<string>());
        Assert.Equal("add a", events[0].Data!["message"]!.GetValue<string>());
        Assert.Equal("main", events[0].Data!["branch"]!.GetValue<string>());
        Assert.Equal("feature", events[1].Data!["branch"]!.GetValue<string>());
    }

    [Fact]
    public async Task Event_FromAnAgent_CarriesItsDetails()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        var cli = new CliRunner(folder.Path);
        await cli.RunAsync("init");
        var store = new SqliteSessionStore(Path.Combine(folder.Path, ".lifecycle", "lifecycle.db"));
        await store.SaveAsync(new SessionContext { SessionId = "00004", State = SessionState.Active }, default);

        var result = await cli.RunAsync("--json", "event", "error_occurred", "--message", "build failed", "--data", """{"exitCode": 1}""");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("00004", result.Json["sessionId"]!.GetValue<string>());
        var recorded = Assert.Single(await store.GetEventsAsync("00004", default));
        Assert.Equal("build failed", recorded.Data!["message"]!.GetValue<string>());
        Assert.Equal(1, recorded.Data!["exitCode"]!.GetValue<int>());
    }
}
