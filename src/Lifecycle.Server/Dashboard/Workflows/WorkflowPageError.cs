using Lifecycle.Activities;
using Lifecycle.Server.Serving;
using Lifecycle.Workflows.Hosting;
using Microsoft.AspNetCore.Http;

namespace Lifecycle.Server.Dashboard.Workflows;

/// <summary>
/// What a workflow page shows instead of its content when the address names something that is not
/// there (404) or is not a valid id or version (400): the same kinds and messages as the API's,
/// as a page with its status code, never a 500.
/// </summary>
/// <param name="Status">The HTTP status the page answers with.</param>
/// <param name="Message">The sentence that says what is wrong and what to do.</param>
public sealed record WorkflowPageError(int Status, string Message)
{
    /// <summary>The page error of an application-layer error; null for anything else (a bug, left to the error handler).</summary>
    public static WorkflowPageError? From(Exception error) => error switch
    {
        WorkflowNotFoundException missing => new(StatusCodes.Status404NotFound,
            $"No published workflow has id '{missing.WorkflowId}'. Pick one from the list of workflows, or create it with New workflow."),
        SessionException session => new(ApiErrors.StatusFor(session.Kind), session.Message),
        _ => null,
    };

    /// <summary>Gives the page's response this error's status (<see cref="Shared.PageStatus"/>).</summary>
    public void ApplyTo(HttpContext? http) => Shared.PageStatus.Set(http, Status);

    /// <summary>
    /// A <c>?version=</c> (or <c>left</c>, <c>right</c>) given in the address: null when absent,
    /// else a whole number from 1.
    /// </summary>
    /// <exception cref="SessionException">Not a version number (<see cref="ErrorKind.InvalidInput"/>).</exception>
    public static int? ParseVersion(string? text, string field) => text switch
    {
        null or "" => null,
        _ when int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 1 => number,
        _ => throw new SessionException($"'{text}' is not a version for {field}: versions are whole numbers from 1 (the versions table lists them), or leave it out for the latest.",
            ErrorKind.InvalidInput),
    };
}
