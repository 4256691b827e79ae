using Microsoft.AspNetCore.Http;

namespace Lifecycle.Server.Serving;

/// <summary>
/// The detail of the Problem Details the framework writes on its own (no route for the URL, a
/// method the route does not take, a request Kestrel refuses): without it a user who mistyped a
/// URL gets a bare "Not Found" that says neither what was wrong nor where the routes are listed.
/// A validation problem gets its errors as the detail too, so every error has one.
/// </summary>
internal static class ProblemDetailFallback
{
    /// <summary>Fills in the detail of <paramref name="context"/>'s problem when nothing else did.</summary>
    public static void Apply(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Detail is not null)
        {
            return;
        }

        if (context.ProblemDetails is HttpValidationProblemDetails { Errors.Count: > 0 } invalid)
        {
            // The errors by field are for programs; the detail is what a person (or curl) reads.
            context.ProblemDetails.Detail = string.Join(" ", invalid.Errors.SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}")));
            return;
        }

        var request = context.HttpContext.Request;
        var route = $"{request.Method} {request.Path}";
        context.ProblemDetails.Detail = context.ProblemDetails.Status switch
        {
            StatusCodes.Status404NotFound =>
                $"Nothing is served at {route}; check the URL against the routes listed at /openapi/v1.json (or /scalar in a browser).",
            StatusCodes.Status405MethodNotAllowed =>
                $"{route} is not allowed{Allowed(context.HttpContext.Response)}; the routes and their methods are listed at /openapi/v1.json (or /scalar in a browser).",
            StatusCodes.Status415UnsupportedMediaType =>
                $"{route} does not take a body of type '{request.ContentType}'; send JSON (Content-Type: application/json).",
            _ => null,
        };
    }

    private static string Allowed(HttpResponse response) =>
        response.Headers.Allow is { Count: > 0 } allow ? $": this URL takes {string.Join(", ", allow.ToArray())}" : "";
}
