using System.Net;
using System.Text;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Dashboard;

/// <summary>The session pages: the current session (start, tasks, end) and one session with its handoff, log and events.</summary>
public sealed class SessionPagesTests : IDisposable
{
    private readonly ServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Without_a_session_the_current_page_offers_to_start_one()
    {
        var html = await _server.Browser().GetStringAsync("/sessions/current");

        Assert.Contains("No session is active", html);
        Assert.Contains("data-api=\"POST /api/sessions/start\"", html);
        Assert.DoesNotContain("id=\"add-task\"", html);
    }

    [Fact]
    public async Task The_sessions_page_says_who_is_on_what_as_lifecycle_who_does()
    {
        Assert.Contains("id=\"who-none\"", await _server.Browser().GetStringAsync("/sessions"));

        await PostAsync("/api/sessions/start", """{"yes": true, "agent": "claude-code"}""");
        await PostAsync("/api/sessions/current/tasks", """{"title": "Review the parser", "priority": 2, "assignee": "dana"}""");

        var html = await _server.Browser().GetStringAsync("/sessions");

        Assert.Contains("<h2 id=\"who-heading\">Who is on what</h2>", html);
        Assert.Matches("<td>Test User &lt;test@example.com&gt;</td>\\s*<td>agent: claude-code</td>\\s*<td>open</td>", html);
        Assert.Contains("<td>T1 (for dana)</td>", html);
        Assert.Contains("<a href=\"/sessions/00001\">00001</a>", html);
    }

    [Fact]
    public async Task The_current_page_shows_the_active_sessions_tasks_with_their_actions()
    {
        await PostAsync("/api/sessions/start", """{"yes": true}""");
        await PostAsync("/api/sessions/current/tasks", """{"title": "Write the <docs>", "priority": 2}""");

        var html = await _server.Browser().GetStringAsync("/sessions/current");

        Assert.Contains("<span class=\"badge ACTIVE\">ACTIVE</span>", html);
        Assert.Contains("Write the &lt;docs&gt;", html);
        Assert.Contains("data-api=\"POST /api/sessions/current/tasks/T1/done\"", html);
        Assert.Contains("id=\"add-task\"", html);
        Assert.Contains("data-api=\"POST /api/sessions/end\"", html);
        Assert.Matches("<tr data-sequence=\"\\d+\">", html);
    }

    [Fact]
    public async Task The_current_page_counts_recorded_errors_and_the_list_shows_each_sessions_own_closing_note()
    {
        await PostAsync("/api/sessions/start", """{"yes": true}""");
        await PostAsync("/api/sessions/current/events", """{"type": "error_occurred", "message": "build broke"}""");
        var current = await _server.Browser().GetStringAsync("/sessions/current");
        await PostAsync("/api/sessions/end", """{"yes": true, "note": "Written by the first."}""");
        await PostAsync("/api/sessions/start", """{"yes": true}""");

        var list = await _server.Browser().GetStringAsync("/sessions");

        Assert.Contains("<div class=\"value\" id=\"session-errors\">1</div>", current);
        var first = list[list.IndexOf("href=\"/sessions/00001\"", StringComparison.Ordinal)..];
        var second = list[list.IndexOf("href=\"/sessions/00002\"", StringComparison.Ordinal)..list.IndexOf("href=\"/sessions/00001\"", StringComparison.Ordinal)];
        Assert.Contains("Written by the first.", first);
        Assert.DoesNotContain("Written by the first.", second);
    }

    [Fact]
    public async Task A_closed_sessions_page_shows_its_handoff_log_and_events()
    {
        await PostAsync("/api/sessions/start", """{"yes": true}""");
        await PostAsync("/api/sessions/current/tasks", """{"title": "Left for later"}""");
        await PostAsync("/api/sessions/end", """{"yes": true, "note": "Pick up the docs next."}""");

        var html = await _server.Browser().GetStringAsync("/sessions/00001");

        Assert.Contains("<h2>Handoff</h2>", html);
        Assert.Contains("Left for later", html);
        Assert.Contains("Pick up the docs next.", html);
        Assert.Contains("id=\"session-log\"", html);
        Assert.Contains("# Session 00001 Log", html);
        Assert.Contains("task_added", html);
        Assert.Contains("/api/sessions/00001/report?format=html", html);
        Assert.Contains("<figure class=\"chart\" id=\"timeline\"><svg", html);
        Assert.Contains("id=\"goals\"", html);
    }

    [Fact]
    public async Task The_list_shows_closed_sessions_scores_and_a_minimum_score_filters_them()
    {
        await PostAsync("/api/sessions/start", """{"yes": true}""");
        await PostAsync("/api/sessions/end", """{"yes": true}""");
        var client = _server.Browser();

        var all = await client.GetStringAsync("/sessions");
        var high = await client.GetStringAsync("/sessions?score=50");
        var bad = await client.GetAsync("/sessions?score=120");

        // A session of seconds is too short to score: it shows a dash, and a minimum score leaves it out.
        Assert.Contains("<th scope=\"col\" class=\"num\">Score</th>", all);
        Assert.Contains("href=\"/sessions/00001\"", all);
        Assert.Contains("No session matches", high);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Score must be a number from 0 to 100; got &#x27;120&#x27;.", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_reports_page_shows_totals_comparisons_goals_and_every_chart()
    {
        await PostAsync("/api/sessions/start", """{"yes": true}""");
        await PostAsync("/api/sessions/end", """{"yes": true}""");
        var client = _server.Browser();

        var html = await client.GetStringAsync("/reports");
        var empty = await client.GetStringAsync("/reports?since=2001-01-01&until=2001-01-31");
        var bad = await client.GetAsync("/reports?since=2026-12-07&until=2026-12-01");

        Assert.Contains("<div class=\"value\" id=\"total-sessions\">1</div>", html);
        Assert.Contains("This week against last", html);
        Assert.Contains("id=\"goals\"", html);
        Assert.Equal(8, System.Text.RegularExpressions.Regex.Count(html, "<figure class=\"chart\"><svg"));
        Assert.Contains("/api/reports?format=html", html);
        Assert.Contains("No closed session in this period", empty);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("before since", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_session_is_a_404_page_that_says_so()
    {
        await PostAsync("/api/sessions/start", """{"yes": true}""");

        var response = await _server.Browser().GetAsync("/sessions/00042");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<h1>Session 00042</h1>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_stream_sends_a_snapshot_then_each_change_and_resumes_without_repeats()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await PostAsync("/api/sessions/start", """{"yes": true}""");
        var client = _server.Browser();
        string? lastId;
        await using (var stream = await SseClient.ConnectAsync(client, "/api/sessions/current/stream", cancellationToken: deadline.Token))
        {
            var first = await stream.NextAsync(deadline.Token);
            Assert.Equal("session", first.Event);
            Assert.Equal("ACTIVE", first.Data!["state"]!.GetValue<string>());

            await PostAsync("/api/sessions/current/tasks", """{"title": "Seen live"}""");
            var seen = await stream.ReadUntilAsync(e => e.Event == "event", deadline.Token);
            var added = seen[^1];
            Assert.Equal("task_added", added.Data!["type"]!.GetValue<string>());
            Assert.Equal(added.Data!["sequence"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture), added.Id);
            lastId = added.Id;
        }

        await PostAsync("/api/sessions/current/tasks", """{"title": "Added while away"}""");
        await using (var resumed = await SseClient.ConnectAsync(client, "/api/sessions/current/stream", lastId, deadline.Token))
        {
            var snapshot = await resumed.NextAsync(deadline.Token);
            Assert.Equal("session", snapshot.Event);
            Assert.Equal(2, snapshot.Data!["tasks"]!.AsArray().Count);
            var next = await resumed.NextAsync(deadline.Token);
            Assert.Equal("event", next.Event);
            Assert.Equal("Added while away", next.Data!["data"]!["title"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_resume_point_that_is_not_a_sequence_is_a_400()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/sessions/current/stream");
        request.Headers.Add("Last-Event-ID", "yesterday");

        var response = await _server.Browser().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not an event sequence", await response.Content.ReadAsStringAsync());
    }

    private async Task PostAsync(string path, string body)
    {
        var response = await _server.Authorized().PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
