using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Persistence;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Sessions;

/// <summary>`lifecycle event heartbeat` keeps its output while heartbeats are merged into one pulse.</summary>
public class HeartbeatEventTests
{
    [Fact]
    public async Task TwoHeartbeatsInARow_PrintAsBefore_AndStoreOnePulse()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        var store = new SqliteSessionStore(Path.Combine(folder.Path, ".lifecycle", "lifecycle.db"));
        await store.SaveAsync(new SessionContext { SessionId = "00004", State = SessionState.Active }, default);

        var first = await cli.RunAsync("event", "heartbeat");
        var second = await cli.RunAsync("--json", "event", "heartbeat");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("Recorded heartbeat in session 00004.", first.Stdout.Trim());
        Assert.True(second.ExitCode == 0, second.ToString());
        var pulse = Assert.Single(await store.GetEventsAsync("00004", default));
        Assert.Equal(pulse.Sequence, second.Json["sequence"]!.GetValue<long>());
        Assert.Equal(2, pulse.Data![HeartbeatPulse.CountKey]!.GetValue<long>());
        Assert.Equal(2, second.Json["data"]![HeartbeatPulse.CountKey]!.GetValue<long>());
    }
}
