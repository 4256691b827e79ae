using Lifecycle.Server.Api.Sessions;
using Lifecycle.Server.Reports;
using Lifecycle.Server.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lifecycle.Server.Api;

/// <summary>
/// <c>GET /api/reports?format=html|json&amp;since=yyyy-MM-dd&amp;until=yyyy-MM-dd</c>: the report across
/// the closed sessions started in that range of local dates (both included; either may be left
/// out), as one self-contained HTML page with charts or as its figures in JSON. A bad format or
/// date, or an <c>until</c> before <c>since</c>, is a 400 Problem Details that says what to send.
/// </summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports", Across).WithTags("Reports")
            .WithName("GetReportAcrossSessions").WithSummary("The report across sessions: html (charts, comparisons, goals) or json (the same figures)")
            .Produces<string>(StatusCodes.Status200OK, "text/html", "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<IResult> Across(SessionService service, CancellationToken ct, string format = "html", string? since = null, string? until = null)
    {
        var report = await service.ReportAcrossAsync(ReportService.ParseDate(since, "since"), ReportService.ParseDate(until, "until"), format.ToLowerInvariant(), ct);
        return TypedResults.Text(report.Text, SessionReportsApi.ContentType(report.Format));
    }
}
