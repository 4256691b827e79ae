using Lifecycle.Server.Reports;
using Lifecycle.Server.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lifecycle.Server.Api.Sessions;

/// <summary>
/// <c>GET /api/sessions/{id}/report?format=md|json|html</c> (and <c>/api/sessions/last-closed/report</c>):
/// a closed session's report as <c>text/markdown</c>, its figures, timeline, insights, goals and
/// handoff as <c>application/json</c>, or one self-contained <c>text/html</c> page with charts.
/// <see cref="SourceHeader"/> says where its handoff was read (the work tree, or the branch that
/// holds it) and <see cref="SessionHeader"/> which session it is.
/// </summary>
public static class SessionReportsApi
{
    public const string SourceHeader = "Lifecycle-Source";

    public const string SessionHeader = "Lifecycle-Session";

    public static RouteGroupBuilder MapSessionReportsApi(this RouteGroupBuilder sessions)
    {
        sessions.MapGet("/last-closed/report", (SessionService service, HttpContext http, CancellationToken ct, string format = "md") => Report(null, format, service, http, ct))
            .WithName("GetLastReport").WithSummary("The last closed session's report: md, json (its figures and handoff) or html (with charts)")
            .Produces<string>(StatusCodes.Status200OK, "text/markdown", "application/json", "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        sessions.MapGet("/{id}/report", (string id, SessionService service, HttpContext http, CancellationToken ct, string format = "md") => Report(id, format, service, http, ct))
            .WithName("GetReport").WithSummary("A closed session's report: md, json (its figures and handoff) or html (with charts)")
            .Produces<string>(StatusCodes.Status200OK, "text/markdown", "application/json", "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return sessions;
    }

    private static async Task<IResult> Report(string? id, string format, SessionService service, HttpContext http, CancellationToken ct)
    {
        var report = await service.ReportAsync(id, format.ToLowerInvariant(), ct);
        http.Response.Headers[SessionHeader] = report.SessionId;
        http.Response.Headers[SourceHeader] = Uri.EscapeDataString(report.Source);
        return TypedResults.Text(report.Text, ContentType(report.Format));
    }

    /// <summary>The media type of a report format.</summary>
    internal static string ContentType(string format) => format switch
    {
        "json" => "application/json; charset=utf-8",
        "html" => "text/html; charset=utf-8",
        _ => "text/markdown; charset=utf-8",
    };
}
