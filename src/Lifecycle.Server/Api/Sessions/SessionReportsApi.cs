using Lifecycle.Server.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lifecycle.Server.Api.Sessions;

/// <summary>
/// <c>GET /api/sessions/{id}/report?format=md|json</c> (and <c>/api/sessions/last-closed/report</c>):
/// a closed session's report as <c>text/markdown</c>, or its handoff as <c>application/json</c>,
/// the document's text as written. <see cref="SourceHeader"/> says where it was read (the work
/// tree, or the branch that holds it) and <see cref="SessionHeader"/> which session it is.
/// </summary>
public static class SessionReportsApi
{
    public const string SourceHeader = "Lifecycle-Source";

    public const string SessionHeader = "Lifecycle-Session";

    public static RouteGroupBuilder MapSessionReportsApi(this RouteGroupBuilder sessions)
    {
        sessions.MapGet("/last-closed/report", (SessionService service, HttpContext http, CancellationToken ct, string format = "md") => Report(null, format, service, http, ct))
            .WithName("GetLastReport").WithSummary("The last closed session's report (md) or handoff (json)")
            .Produces<string>(StatusCodes.Status200OK, "text/markdown", "application/json");
        sessions.MapGet("/{id}/report", (string id, SessionService service, HttpContext http, CancellationToken ct, string format = "md") => Report(id, format, service, http, ct))
            .WithName("GetReport").WithSummary("A closed session's report (md) or handoff (json)")
            .Produces<string>(StatusCodes.Status200OK, "text/markdown", "application/json");
        return sessions;
    }

    private static async Task<IResult> Report(string? id, string format, SessionService service, HttpContext http, CancellationToken ct)
    {
        var report = await service.ReportAsync(id, format.ToLowerInvariant(), ct);
        http.Response.Headers[SessionHeader] = report.SessionId;
        http.Response.Headers[SourceHeader] = Uri.EscapeDataString(report.Source);
        return TypedResults.Text(report.Text, report.Format == "json" ? "application/json; charset=utf-8" : "text/markdown; charset=utf-8");
    }
}
