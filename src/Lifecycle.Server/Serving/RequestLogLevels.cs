using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serilog.Events;

namespace Lifecycle.Server.Serving;

/// <summary>
/// The level of a request's log line: a server error (5xx, or an exception) is an Error, every
/// other request Information, except the two that clients send by the thousand when all is well:
/// <c>GET /health</c> and a recorded event (<c>POST /api/sessions/current/events</c>), answered 2xx,
/// which are Debug, so that a watcher or an agent recording at volume does not bury the log (and
/// the console) under a line per event. Their failures are Information or Error like any other.
/// </summary>
public static class RequestLogLevels
{
    public static LogEventLevel Of(HttpContext context, double elapsedMilliseconds, Exception? error)
    {
        var status = context.Response.StatusCode;
        if (error is not null || status >= StatusCodes.Status500InternalServerError)
        {
            return LogEventLevel.Error;
        }

        return status < 300 && IsHighVolume(context) ? LogEventLevel.Debug : LogEventLevel.Information;
    }

    private static bool IsHighVolume(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is "Health" or "RecordSessionEvent";
}
