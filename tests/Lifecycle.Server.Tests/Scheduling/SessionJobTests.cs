using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Scheduling;

/// <summary>The session jobs the server runs: the periodic checkpoint and the inactivity auto-close.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SessionJobTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CliRunner _cli;

    public SessionJobTests()
    {
        _cli = SessionRepositories.Prepare(_folder);
    }

    [Fact]
    public async Task The_checkpoint_job_writes_state_json_of_an_active_session_even_when_nothing_changed()
    {
        var start = await _cli.RunAsync("start");
        Assert.True(start.ExitCode == 0, start.ToString());
        var stateFile = Path.Combine(_folder.Path, ".lifecycle", "state.json");
        var before = File.GetLastWriteTimeUtc(stateFile);

        using var server = new RepositoryServer(_folder.Path, RepositoryServer.Fast with { CheckpointInterval = TimeSpan.FromMilliseconds(500) });
        _ = server.Engine;

        await Poll.UntilAsync(() => Task.FromResult(File.GetLastWriteTimeUtc(stateFile) > before), TimeSpan.FromSeconds(5), "state.json was written again");
        Assert.Contains("\"00001\"", File.ReadAllText(stateFile));
    }

    [Fact]
    public async Task The_auto_close_job_ends_an_idle_session_with_reason_inactivity_and_puts_its_work_away()
    {
        var start = await _cli.RunAsync("start");
        Assert.True(start.ExitCode == 0, start.ToString());
        _folder.Write("work.txt", "in progress\n");

        // Three hours later (the default auto-close is 60 minutes), the server looks every 300 ms.
        using var server = new RepositoryServer(_folder.Path, RepositoryServer.Fast with { InactivityCheckInterval = TimeSpan.FromMilliseconds(300) },
            new ShiftedTime(TimeSpan.FromHours(3)));
        var sessions = server.Get<ISessionStore>();
        _ = server.Engine;

        await Poll.UntilAsync(async () => (await sessions.GetLatestAsync(CancellationToken.None))?.State == SessionState.Dormant,
            TimeSpan.FromSeconds(30), "the session was closed");
        var closed = (await sessions.GetLatestAsync(CancellationToken.None))!;
        Assert.Equal("inactivity", closed.CloseReason);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "work.txt")));
        Assert.Contains(closed.SessionId, Git.Run(_folder.Path, "stash", "list"));
    }

    [Fact]
    public async Task The_auto_close_job_leaves_a_session_in_use_alone()
    {
        var start = await _cli.RunAsync("start");
        Assert.True(start.ExitCode == 0, start.ToString());

        using var server = new RepositoryServer(_folder.Path, RepositoryServer.Fast with { InactivityCheckInterval = TimeSpan.FromMilliseconds(100) });
        var sessions = server.Get<ISessionStore>();
        _ = server.Engine;
        var scheduler = await server.Get<Quartz.ISchedulerFactory>().GetScheduler();
        var since = scheduler.TimeProvider.GetUtcNow();
        await Poll.UntilAsync(async () =>
            (await scheduler.GetTrigger(new Quartz.TriggerKey("inactivity", "sessions")))?.PreviousFireTimeUtc > since + TimeSpan.FromMilliseconds(500),
            TimeSpan.FromSeconds(10), "the inactivity check ran several times");

        Assert.Equal(SessionState.Active, (await sessions.GetLatestAsync(CancellationToken.None))!.State);
    }

    public void Dispose() => _folder.Dispose();
}
