using System.Text.Json;
using Lifecycle.Activities;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;
using Microsoft.AspNetCore.Http;

namespace Lifecycle.Server.Serving;

/// <summary>
/// The HTTP form of the application layer's errors: the same kinds the CLI maps to exit codes,
/// as Problem Details (RFC 9457) status codes. 400 invalid input, 404 not found, 409 conflict,
/// 422 blocked by the protocol (the message names the rule and its override), 503 interrupted by
/// a shutdown; bad JSON or a body of the wrong shape is 400 and changes nothing.
/// </summary>
public static class ApiErrors
{
    /// <summary>The status code of an error kind.</summary>
    public static int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidInput => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Blocked => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Interrupted => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The title of an error kind, in words as the other titles are ("Not found", not "NotFound").</summary>
    public static string TitleFor(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidInput => "Invalid input",
        ErrorKind.NotFound => "Not found",
        ErrorKind.Blocked => "Blocked by the protocol",
        ErrorKind.Conflict => "Conflict",
        ErrorKind.Interrupted => "Interrupted",
        _ => kind.ToString(),
    };

    /// <summary>What to answer for <paramref name="exception"/>; null when it is not one of ours (a bug: 500).</summary>
    public static (int Status, string Title, IDictionary<string, object?>? Extensions)? Describe(Exception exception) => exception switch
    {
        SessionException session => (StatusFor(session.Kind), TitleFor(session.Kind), Extensions(session)),
        WorkflowValidationException invalid => (StatusCodes.Status400BadRequest, "Invalid workflow definition", new Dictionary<string, object?>
        {
            ["source"] = invalid.DefinitionSource,
            ["errors"] = invalid.Errors.Select(e => new { path = e.Path, message = e.Message }).ToList(),
        }),
        WorkflowNotFoundException => (StatusCodes.Status404NotFound, "Workflow not found", null),
        Lifecycle.Workflows.History.InstanceNotFoundException => (StatusCodes.Status404NotFound, "Instance not found", null),
        Lifecycle.Workflows.History.InstanceStateException state => (StatusCodes.Status409Conflict, "Conflict", new Dictionary<string, object?> { ["instanceStatus"] = state.Status.ToString() }),
        WorkflowInputException or StimulusRejectedException => (StatusCodes.Status400BadRequest, "Invalid input", null),
        BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request", null),
        JsonException => (StatusCodes.Status400BadRequest, "Malformed JSON", null),
        Lifecycle.Workflows.Persistence.ConcurrencyConflictException => (StatusCodes.Status409Conflict, "Conflict", null),
        WorkflowStoppedException => (StatusCodes.Status503ServiceUnavailable, "Stopped", null),
        OperationCanceledException => (StatusCodes.Status503ServiceUnavailable, "Cancelled", null),
        _ => null,
    };

    /// <summary>A Problem Details result for a request the endpoint itself finds wrong.</summary>
    public static IResult Problem(int status, string detail, string? title = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>
    /// <c>kind</c> always; <c>instanceId</c> for a session workflow that stopped; for a protocol
    /// block, <c>rule</c> and <c>override</c> (the request field that overrides it: <c>force</c>
    /// or <c>yes</c>), read from the block's message, the one place the engine's fault keeps them.
    /// </summary>
    private static Dictionary<string, object?> Extensions(SessionException session)
    {
        var extensions = new Dictionary<string, object?> { ["kind"] = Camel(session.Kind.ToString()) };
        if (session is Lifecycle.Server.Sessions.SessionWorkflowException workflow)
        {
            extensions["instanceId"] = workflow.InstanceId;
        }

        if (session.Kind == ErrorKind.Blocked)
        {
            if (System.Text.RegularExpressions.Regex.Match(session.Message, "^Blocked by rule '([^']+)'") is { Success: true } rule)
            {
                extensions["rule"] = rule.Groups[1].Value;
                extensions["override"] = "force";
            }
            else if (session.Message.StartsWith("Required action not completed", StringComparison.Ordinal))
            {
                extensions["rule"] = "required-action";
                extensions["override"] = "yes";
            }
        }

        return extensions;
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
