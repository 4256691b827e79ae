using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Lifecycle.Server.Sessions;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Api;

/// <summary><c>POST /api/sessions/current/events</c> and <c>GET /api/sessions/{id}/events</c>: recording, paging, filters, bad input.</summary>
public sealed class SessionEventsApiTests : IDisposable
{
    private readonly ServerFactory _server = new();

    [Fact]
    public async Task Without_an_active_session_nothing_is_recorded()
    {
        var outcome = await SessionsApiTests.Read<EventOutcome>(await _server.Authorized().PostAsJsonAsync("/api/sessions/current/events", new { type = "heartbeat" }));

        Assert.Null(outcome.Recorded);
    }

    [Fact]
    public async Task Events_page_with_a_total_filtered_by_type_and_time()
    {
        var client = await Started();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/sessions/current/events", new { type = "file_modified", path = $"src/file{i}.cs" });
        }

        await client.PostAsJsonAsync("/api/sessions/current/events", new { type = "error_occurred", message = "build failed" });

        var page = JsonNode.Parse(await client.GetStringAsync("/api/sessions/00001/events?type=file_modified&offset=1&limit=2"))!;
        Assert.Equal(5, (int)page["total"]!);
        Assert.Equal(1, (int)page["offset"]!);
        Assert.Equal(2, (int)page["limit"]!);
        Assert.Equal(["src/file1.cs", "src/file2.cs"], page["items"]!.AsArray().Select(e => (string?)e!["data"]!["path"]));

        var all = JsonNode.Parse(await client.GetStringAsync("/api/sessions/00001/events"))!;
        var times = all["items"]!.AsArray().Select(e => DateTimeOffset.Parse((string)e!["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var after = Uri.EscapeDataString(times[^1].ToString("O"));
        var since = JsonNode.Parse(await client.GetStringAsync($"/api/sessions/00001/events?since={after}"))!;
        Assert.All(since["items"]!.AsArray(), e => Assert.True(DateTimeOffset.Parse((string)e!["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture) >= times[^1]));
        Assert.Contains(since["items"]!.AsArray(), e => (string?)e!["type"] == "error_occurred");
        var before = JsonNode.Parse(await client.GetStringAsync($"/api/sessions/00001/events?until={Uri.EscapeDataString(times[0].ToString("O"))}"))!;
        Assert.Equal((int)all["total"]! - times.Count(t => t >= times[0]), (int)before["total"]!);
        var none = JsonNode.Parse(await client.GetStringAsync("/api/sessions/00001/events?since=2999-01-01T00:00:00Z"))!;
        Assert.Equal(0, (int)none["total"]!);
    }

    [Theory]
    [InlineData("""{"path": "a.cs"}""")]
    [InlineData("""{"type": 5}""")]
    [InlineData("""{"type": "no_such_event"}""")]
    [InlineData("""{"type": "file_modified"}""")]
    [InlineData("""{"type": "file_modified", "path": "../outside.txt"}""")]
    [InlineData("""{"type": "file_modified", "path": "/etc/passwd"}""")]
    [InlineData("""{"type": "task_completed", "task": "T9"}""")]
    [InlineData("""["heartbeat"]""")]
    [InlineData("{")]
    public async Task Bad_events_are_4xx_and_record_nothing(string body)
    {
        var client = await Started();
        var before = (int)JsonNode.Parse(await client.GetStringAsync("/api/sessions/00001/events"))!["total"]!;

        var response = await client.PostAsync("/api/sessions/current/events", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True((int)response.StatusCode is 400 or 404, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, (int)JsonNode.Parse(await client.GetStringAsync("/api/sessions/00001/events"))!["total"]!);
    }

    [Theory]
    [InlineData("?since=yesterday")]
    [InlineData("?until=2026-13-45")]
    [InlineData("?since=2026-12-02T00:00:00Z&until=2026-12-01T00:00:00Z")]
    [InlineData("?limit=100000")]
    [InlineData("?offset=-1")]
    public async Task Bad_filters_are_400(string query)
    {
        var client = await Started();

        var response = await client.GetAsync($"/api/sessions/00001/events{query}");

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpClient> Started()
    {
        var client = _server.Authorized();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/sessions/start", null)).StatusCode);
        return client;
    }

    public void Dispose() => _server.Dispose();
}
