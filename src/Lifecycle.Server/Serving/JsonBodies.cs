using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Lifecycle.Server.Serving;

/// <summary>
/// The API's bodies are JSON whatever the client labels them: <c>curl -d '{...}'</c> sends
/// <c>application/x-www-form-urlencoded</c>, and a body without a type is common in scripts. Such
/// a body is read as JSON (and refused with 400 if it is not), rather than answered 415.
/// </summary>
public static class JsonBodies
{
    public static IApplicationBuilder UseJsonBodies(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var request = context.Request;
            if ((request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hooks"))
                && request.ContentLength != 0
                && (request.ContentType is not { } type
                    || type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                    || type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)))
            {
                request.ContentType = "application/json";
            }

            return next(context);
        });
}
