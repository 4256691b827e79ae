using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serilog;

namespace Lifecycle.Server.Serving;

/// <summary>
/// The ids a request's log line carries, so that "which request started or touched instance X"
/// is one filter on <c>InstanceId</c> in <c>.lifecycle/logs/</c>: the id in the route of
/// <c>/api/instances/{id}...</c> (<c>WorkflowId</c> for <c>/api/workflows/{id}...</c>), and the
/// instance an endpoint created (an execute, a dispatch, a hook) as it noted it.
/// </summary>
public static class RequestLogProperties
{
    private const string NotedInstance = "Lifecycle.InstanceId";

    /// <summary>Notes that this request created or ran <paramref name="instanceId"/>, for its log line.</summary>
    public static void NoteInstance(HttpContext context, string instanceId) => context.Items[NotedInstance] = instanceId;

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
        }

        if (context.Items[NotedInstance] is string noted)
        {
            diagnostics.Set("InstanceId", noted);
        }
    }
}
