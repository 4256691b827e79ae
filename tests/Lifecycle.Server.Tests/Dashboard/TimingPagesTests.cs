using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Dashboard;

/// <summary>
/// The timebox over HTTP and on the dashboard: the start's <c>timeboxMinutes</c> (checked), the
/// current session's timing in <c>/api/sessions/current</c> and on its page, and the suggestions on /reports.
/// </summary>
public sealed class TimingPagesTests : IDisposable
{
    private readonly ServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    [InlineData(100000)]
    public async Task A_timebox_out_of_range_is_a_400_saying_the_range(int minutes)
    {
        var response = await Post("/api/sessions/start", $$"""{"yes": true, "timeboxMinutes": {{minutes}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"];
        Assert.Equal($"The timebox must be from 1 to 720 minutes (12 hours); got {minutes}.", detail);
    }

    [Fact]
    public async Task The_current_session_page_shows_the_timebox_and_follows_the_reminders_live()
    {
        var start = await Post("/api/sessions/start", """{"yes": true, "timeboxMinutes": 45}""");
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        var current = JsonNode.Parse(await _server.Authorized().GetStringAsync("/api/sessions/current"))!;
        Assert.Equal(45, current["session"]!["timeboxMinutes"]!.GetValue<int>());
        Assert.InRange(current["timing"]!["minutesLeft"]!.GetValue<int>(), 44, 45);

        var html = await _server.Browser().GetStringAsync("/sessions/current");

        Assert.Contains("id=\"timing\"", html);
        Assert.Matches("<div class=\"value\" id=\"timebox-left\">4[45] min left</div>", html);
        Assert.Contains("45 min, ends ", html);
        Assert.Contains("<ul id=\"reminders\" aria-labelledby=\"reminders-heading\" aria-live=\"polite\">", html);
        Assert.Contains("No reminder due.", html);
        Assert.Matches("<script src=\"/assets/timing\\.js\\?v=[^\"]+\" defer>", html);
        var script = await _server.Browser().GetStringAsync(Extract(html, "/assets/timing.js"));
        Assert.Contains("\"session-event\"", script);
    }

    [Fact]
    public async Task The_reports_page_lists_the_suggestions_or_why_there_are_none()
    {
        Assert.Equal(HttpStatusCode.OK, (await Post("/api/sessions/start", """{"yes": true}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post("/api/sessions/end", """{"yes": true}""")).StatusCode);

        var html = await _server.Browser().GetStringAsync("/reports");

        Assert.Contains("<section id=\"suggestions\"", html);
        Assert.Contains("No suggestion: no figure of the 1 closed sessions", html);
        Assert.Contains("hours of the day: 0 scored sessions, 6 needed.", html);
        var api = JsonNode.Parse(await _server.Authorized().GetStringAsync("/api/suggestions"))!;
        Assert.Equal(1, api["sessions"]!.GetValue<int>());
        Assert.Empty(api["suggestions"]!.AsArray());
    }

    private Task<HttpResponseMessage> Post(string path, string json) =>
        _server.Authorized().PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static string Extract(string html, string prefix)
    {
        var at = html.IndexOf(prefix, StringComparison.Ordinal);
        return html[at..html.IndexOf('"', at)];
    }
}
