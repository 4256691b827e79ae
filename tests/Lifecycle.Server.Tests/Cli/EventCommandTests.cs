using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Persistence;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

public class EventCommandTests
{
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
