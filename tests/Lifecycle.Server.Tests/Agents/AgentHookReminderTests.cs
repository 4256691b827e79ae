using System.Text.Json.Nodes;
using Lifecycle.Server.Agents;
using Lifecycle.Server.Sessions;
using Lifecycle.Server.Tests.Scheduling;
using Lifecycle.Server.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Lifecycle.Server.Tests.Agents;

/// <summary>
/// The agent's prompt hook tells the agent what <c>status</c> says is due: on a real repository and
/// its SQLite file, with a timebox on a fake clock, the "time left" reminder reaches the hook's output.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AgentHookReminderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());

    public AgentHookReminderTests()
    {
        SessionRepositories.Prepare(_folder);
    }

    [Fact]
    public async Task A_prompt_in_the_last_minutes_of_the_timebox_prints_the_time_left_reminder_once()
    {
        using var server = new RepositoryServer(_folder.Path, RepositoryServer.Fast, _clock);
        var sessions = server.Get<SessionService>();
        await sessions.StartAsync(new StartRequest(Yes: true, TimeboxMinutes: 30), CancellationToken.None);

        var delivered = new DeliveredReminders(Path.Combine(_folder.Path, ".lifecycle", "agent-reminders.json"));
        Task<AgentHook.Answer> PromptAsync() => AgentHook.RunAsync(AgentHook.Prompt, sessions, [], CancellationToken.None, delivered);

        Assert.Equal("", (await PromptAsync()).Stdout);

        _clock.Advance(TimeSpan.FromMinutes(20));
        var late = await PromptAsync();
        Assert.StartsWith("lifecycle reminder: 10 minutes left in the 30 min timebox", late.Stdout);
        Assert.Equal("", late.Stderr);

        // Still due a minute later, but the agent was told: not again.
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("", (await PromptAsync()).Stdout);

        // The end of the timebox is news.
        _clock.Advance(TimeSpan.FromMinutes(10));
        var ended = await PromptAsync();
        Assert.StartsWith("lifecycle reminder: The 30 min timebox ended at", ended.Stdout);
        Assert.DoesNotContain("left in the", ended.Stdout);
    }

    public void Dispose() => _folder.Dispose();
}
