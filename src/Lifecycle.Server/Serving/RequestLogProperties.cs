using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serilog;

namespace Lifecycle.Server.Serving;

/// <summary>
/// The ids a request's log line carries, so that "which request started or touched instance X"
/// is one filter on <c>InstanceId</c> in <c>.lifecycle/logs/</c>: the id in the route of
/// <c>/api/instances/{id}...</c> (<c>WorkflowId</c> for <c>/api/workflows/{id}...</c>), and the
/// instance an endpoint created (an execute, a dispatch, a hook) as it noted it; <c>SessionId</c>
/// for <c>/api/sessions/{id}...</c> and for the session a session route answered about.
/// </summary>
public static class RequestLogProperties
{
    private const string NotedInstance = "Lifecycle.InstanceId";
    private const string NotedSession = "Lifecycle.SessionId";

    /// <summary>Notes that this request created or ran <paramref name="instanceId"/>, for its log line.</summary>
    public static void NoteInstance(HttpContext context, string instanceId) => context.Items[NotedInstance] = instanceId;

    /// <summary>Notes the session a session route answered about (from its outcome), for its log line.</summary>
    public static void NoteSession(HttpContext context, object? outcome)
    {
        var session = outcome switch
        {
            Sessions.StartOutcome start => start.Session.SessionId,
            Sessions.EndOutcome end => end.SessionId,
            Sessions.SessionStatus status => status.Session.SessionId,
            Sessions.TaskChange change => change.SessionId,
            Sessions.TaskListing listing => listing.SessionId,
            Sessions.EventOutcome recorded => recorded.Recorded?.SessionId,
            Sessions.CheckpointOutcome checkpoint => checkpoint.SessionId,
            _ => null,
        };
        if (session is not null)
        {
            context.Items[NotedSession] = session;
        }
    }

    /// <summary>Sets the ids on the request's log line (Serilog's request logging calls it once the response is known).</summary>
    public static void Enrich(IDiagnosticContext diagnostics, HttpContext context)
    {
        var path = context.Request.Path;
        if (context.GetRouteValue("id") is string id)
        {
            if (path.StartsWithSegments("/api/instances", StringComparison.Ordinal))
            {
                diagnostics.Set("InstanceId", id);
            }
            else if (path.StartsWithSegments("/api/workflows", StringComparison.Ordinal))
            {
                diagnostics.Set("WorkflowId", id);
            }
            else if (path.StartsWithSegments("/api/sessions", StringComparison.Ordinal))
            {
                diagnostics.Set("SessionId", id);
            }
        }

        if (context.Items[NotedSession] is string session)
        {
            diagnostics.Set("SessionId", session);
        }

        if (context.Items[NotedInstance] is string noted)
        {
            diagnostics.Set("InstanceId", noted);
        }
    }
}
