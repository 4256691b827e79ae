using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Lifecycle.Server.Serving;

/// <summary>
/// Turns what an endpoint throws into Problem Details: the application layer's typed errors get
/// their status (<see cref="ApiErrors"/>); anything else is a bug, logged with its stack and
/// answered 500 without one.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody is left to answer.
            return true;
        }

        var known = ApiErrors.Describe(exception);
        if (known is null)
        {
            LogUnexpected(logger, exception, context.Request.Method, context.Request.Path);
        }

        var (status, title, extensions) = known ?? (StatusCodes.Status500InternalServerError, "Internal error", null);
        context.Response.StatusCode = status;
        var details = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = known is null ? "The server failed on this request; its log (.lifecycle/logs/) says why." : exception.Message,
        };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            details.Extensions[key] = value;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure on {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
