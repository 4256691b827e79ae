using System.Net;
using System.Text.Json.Nodes;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Reports;

/// <summary><c>GET /api/reports</c> and <c>GET /api/sessions/{id}/report?format=html</c> on a real repository, with their 400s.</summary>
public sealed class ReportsApiTests : IDisposable
{
    private readonly ServerFactory _server = new();

    private async Task OneSessionAsync()
    {
        Assert.Equal(0, (await _server.Cli.RunAsync("start", "--yes")).ExitCode);
        Assert.Equal(0, (await _server.Cli.RunAsync("task", "add", "over http")).ExitCode);
        Assert.Equal(0, (await _server.Cli.RunAsync("end", "--yes")).ExitCode);
    }

    [Fact]
    public async Task Reports_AcrossSessions_AsHtmlAndJson_AndOneSessionAsHtml()
    {
        await OneSessionAsync();
        var client = _server.Authorized();

        var html = await client.GetAsync("/api/reports");
        var json = await client.GetAsync("/api/reports?format=json&since=2000-01-01");
        var none = await client.GetAsync("/api/reports?format=json&until=2000-01-01");
        var session = await client.GetAsync("/api/sessions/1/report?format=html");
        var last = await client.GetAsync("/api/sessions/last-closed/report?format=json");

        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        ReportCommandTests.AssertOffline(page);
        Assert.Equal(8, System.Text.RegularExpressions.Regex.Count(page, "<svg"));
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, (int)JsonNode.Parse(await json.Content.ReadAsStringAsync())!["totals"]!["sessions"]!);
        Assert.Equal(0, (int)JsonNode.Parse(await none.Content.ReadAsStringAsync())!["totals"]!["sessions"]!);
        Assert.Equal("text/html", session.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Session 00001 timeline", await session.Content.ReadAsStringAsync());
        Assert.Equal("00001", (string?)JsonNode.Parse(await last.Content.ReadAsStringAsync())!["handoff"]!["sessionId"]);
    }

    [Theory]
    [InlineData("/api/reports?format=md", "The format (--format, or ?format= over HTTP) must be html or json across sessions; got 'md'.")]
    [InlineData("/api/reports?format=pdf", "got 'pdf'")]
    [InlineData("/api/reports?since=yesterday", "since must be a date like 2026-12-01; got 'yesterday'.")]
    [InlineData("/api/reports?since=2026-02-01&until=2026-01-01", "until (2026-01-01) is before since (2026-02-01)")]
    [InlineData("/api/sessions/1/report?format=svg", "The format (--format, or ?format= over HTTP) must be md, json or html; got 'svg'.")]
    public async Task BadInput_IsA400ProblemThatSaysWhatToSend(string url, string detail)
    {
        await OneSessionAsync();

        var response = await _server.Authorized().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheReportRoutes()
    {
        var document = JsonNode.Parse(await _server.Authorized().GetStringAsync("/openapi/v1.json"))!;

        Assert.NotNull(document["paths"]!["/api/reports"]!["get"]);
        Assert.Equal("GetReportAcrossSessions", (string?)document["paths"]!["/api/reports"]!["get"]!["operationId"]);
    }

    public void Dispose() => _server.Dispose();
}
