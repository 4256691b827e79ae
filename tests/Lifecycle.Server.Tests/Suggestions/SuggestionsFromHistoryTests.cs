using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lifecycle.Server.Serving;
using Lifecycle.Server.Sessions;
using Lifecycle.Server.Suggestions;
using Lifecycle.Server.Tests.Scheduling;
using Lifecycle.Server.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Lifecycle.Server.Tests.Suggestions;

/// <summary>
/// Suggestions from a real history: three sessions closed on a real repository and SQLite file
/// through the real server (on a fake clock), then asked for over HTTP, shown in the next mission,
/// printed by <c>lifecycle suggest</c> and written in the report.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SuggestionsFromHistoryTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow().AddDays(-1));
    private readonly CliRunner _cli;

    public SuggestionsFromHistoryTests()
    {
        _cli = SessionRepositories.Prepare(_folder);
    }

    [Fact]
    public async Task A_task_carried_over_three_sessions_and_a_lasting_blocker_are_suggested_with_their_evidence_everywhere()
    {
        using (var server = new RepositoryServer(_folder.Path, clock: _clock))
        {
            var sessions = server.Get<SessionService>();
            for (var i = 0; i < 3; i++)
            {
                await sessions.StartAsync(new StartRequest(Yes: true), CancellationToken.None);
                if (i == 0)
                {
                    await sessions.AddTaskAsync("refactor parser", 2, CancellationToken.None);
                    var deploy = await sessions.AddTaskAsync("deploy", 1, CancellationToken.None);
                    await sessions.BlockTaskAsync(deploy.Task.Id, "no staging access", CancellationToken.None);
                }

                for (var minute = 0; minute < 40; minute += 10)
                {
                    _clock.Advance(TimeSpan.FromMinutes(10));
                    await sessions.RecordEventAsync(new EventRequest("heartbeat", new JsonObject { ["message"] = $"working {minute}" }), CancellationToken.None);
                }

                await sessions.EndAsync(new EndRequest(Yes: true), CancellationToken.None);
                _clock.Advance(TimeSpan.FromHours(2));
            }

            using var client = server.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken.Read(Lifecycle.Activities.Setup.LifecyclePaths.For(_folder.Path).TokenFile)!);
            var report = (await client.GetFromJsonAsync<JsonObject>("/api/suggestions"))!;

            Assert.Equal(3, report["sessions"]!.GetValue<int>());
            var kinds = report["suggestions"]!.AsArray().Select(s => s!["kind"]!.GetValue<string>()).ToList();
            Assert.Equal([SuggestionKinds.LastingBlockers, SuggestionKinds.SlippingTasks], kinds);
            var slipping = report["suggestions"]![1]!;
            Assert.Contains("T1 'refactor parser' (priority 2) (carried over 3 sessions)", slipping["advice"]!.GetValue<string>());
            Assert.Equal("1 of the 1 tasks open at the last close were open at 3 or more closes in a row (the longest 3), over 3 sessions.", slipping["evidence"]!.GetValue<string>());
            Assert.Equal(3, slipping["sessions"]!.GetValue<int>());
            Assert.Contains(slipping["figures"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "longestCloses" && f["value"]!.GetValue<double>() == 3);
            Assert.Contains("T2 'deploy' (no staging access) (open at 3 closes, since session 00001)", report["suggestions"]![0]!["advice"]!.GetValue<string>());
            var withheld = report["withheld"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
            Assert.Contains(withheld, w => w.StartsWith("hours of the day: 3 scored sessions, 6 needed", StringComparison.Ordinal));

            // The next start shows them with the mission.
            var next = await sessions.StartAsync(new StartRequest(Yes: true), CancellationToken.None);
            Assert.Contains("Suggestions from your history (2):", next.Mission);
            Assert.Contains("  - Split the slipping task into steps that fit one session", next.Mission);
            Assert.Contains("Evidence: 1 of the 1 tasks open at the last close", next.Mission);
        }

        // The CLI, embedded on the same SQLite file.
        var text = await _cli.RunAsync("suggest");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("Suggestions from 3 closed sessions (3 scored):", text.Stdout);
        Assert.Contains("    evidence: 1 blocker open now stood at the closes of 3 sessions in a row at most (target: resolved within 1 session)", text.Stdout);
        Assert.Contains("No suggestion about:\n  hours of the day: 3 scored sessions, 6 needed.", text.Stdout);
        var json = await _cli.RunAsync("suggest", "--format", "json");
        Assert.Equal(2, json.Json["suggestions"]!.AsArray().Count);
        Assert.Equal(2, (await _cli.RunAsync("suggest", "--format", "xml")).ExitCode);

        var markdown = await _cli.RunAsync("report", "00003", "--format", "md");
        Assert.Contains("## Suggestions from the history\n\n- Clear the lasting blocker first", markdown.Stdout);
        var reportJson = await _cli.RunAsync("report", "00003", "--format", "json");
        Assert.Equal(2, reportJson.Json["suggestions"]!["suggestions"]!.AsArray().Count);
        var html = await _cli.RunAsync("report", "--all", "--format", "html");
        Assert.Contains("id=\"suggestions\"", html.Stdout);
    }

    public void Dispose() => _folder.Dispose();
}
