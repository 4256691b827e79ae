using Lifecycle.Server.Serving;
using Lifecycle.Server.Workflows;
using Lifecycle.Workflows.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lifecycle.Server.Api;

/// <summary>
/// <c>/api/workflows</c>: definitions (list, any version, versions), the repository's drafts
/// (<c>PUT</c> validates and saves <c>.lifecycle/workflows/{id}.json</c>, <c>GET .../draft</c>,
/// <c>POST .../publish</c>), and runs of the latest version.
/// </summary>
/// <remarks>
/// <c>execute</c> answers like <c>lifecycle workflow run --json</c> once the instance finishes,
/// suspends or faults. A fault is 200 too, with <c>status: "Faulted"</c> and the error: the request
/// did what it asked (the run exists, its journal says why it failed), unlike a bad input (400)
/// that runs nothing. <c>dispatch</c> stores the instance and answers 202 with its id at once; the
/// server runs it in the background (<see cref="WorkflowDispatcher"/>).
/// </remarks>
public static class WorkflowsApi
{
    public static RouteGroupBuilder MapWorkflowsApi(this RouteGroupBuilder api)
    {
        var workflows = api.MapGroup("/workflows").WithTags("Workflows");
        workflows.MapGet("/", ListAsync).WithSummary("Published workflows and drafts: id, name, latest version, triggers, whether a draft exists");
        workflows.MapGet("/{id}", GetAsync).WithSummary("A published version (the latest, or ?version=N) with its definition");
        workflows.MapGet("/{id}/versions", VersionsAsync).WithSummary("Every published version of a workflow");
        workflows.MapPut("/{id}", SaveDraftAsync)
            .WithSummary("Validates a definition and saves it as the repository's draft (.lifecycle/workflows/{id}.json); 400 lists every problem");
        workflows.MapPost("/validate", ValidateAsync)
            .WithSummary("Validates a definition (the body) without saving anything: 200 {valid, errors: [{path, message}]}; ?id=ID also checks the definition's id is ID");
        workflows.MapGet("/{id}/draft", GetDraft).WithSummary("The draft as saved");
        workflows.MapPost("/{id}/publish", PublishDraftAsync).WithSummary("Publishes the draft: a new version when it changed");
        workflows.MapPost("/{id}/execute", ExecuteAsync)
            .WithSummary("Runs the latest version with {input} until it finishes, suspends or faults (200, status Faulted included)");
        workflows.MapPost("/{id}/dispatch", DispatchAsync)
            .WithSummary("Stores a run of the latest version with {input} and answers 202 with its instance id; the server runs it");
        return api;
    }

    private static async Task<Ok<WorkflowList>> ListAsync(WorkflowCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(new WorkflowList(await catalog.ListAsync(cancellationToken)));

    /// <remarks><paramref name="version"/> is parsed here: the framework's message for a bad one names a .NET type.</remarks>
    private static async Task<Ok<WorkflowDocument>> GetAsync(string id, string? version, WorkflowCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.GetAsync(id, ParseVersion(id, version), cancellationToken));

    private static int? ParseVersion(string id, string? version) => version switch
    {
        null => null,
        _ when int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 1 => number,
        _ => throw new Lifecycle.Activities.SessionException(
            $"'{version}' is not a version; versions are whole numbers from 1 (GET /api/workflows/{id}/versions lists them), or leave ?version out for the latest.",
            Lifecycle.Activities.ErrorKind.InvalidInput),
    };

    private static async Task<Ok<VersionList>> VersionsAsync(string id, WorkflowCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(new VersionList(id, await catalog.VersionsAsync(id, cancellationToken)));

    private static async Task<Ok<DraftStatus>> SaveDraftAsync(string id, HttpRequest request, WorkflowCatalog catalog, CancellationToken cancellationToken)
    {
        WorkflowDrafts.CheckId(id);
        return TypedResults.Ok(await catalog.SaveDraftAsync(id, await JsonBody.ReadTextAsync(request, cancellationToken), cancellationToken));
    }

    /// <remarks>
    /// Answers 200 for an invalid definition too: the request (check this) succeeded, and the answer
    /// is the same document as <c>lifecycle workflow validate --json</c>, which the editor shows as
    /// the user types. Only a body that cannot be read (too large, not UTF-8) is an error.
    /// </remarks>
    private static async Task<Ok<ValidationReport>> ValidateAsync(string? id, HttpRequest request, WorkflowCatalog catalog, CancellationToken cancellationToken)
    {
        var json = await JsonBody.ReadTextAsync(request, cancellationToken);
        var errors = await catalog.ProblemsAsync(json, "the request's definition", id, cancellationToken);
        return TypedResults.Ok(new ValidationReport(errors.Count == 0, errors));
    }

    private static ContentHttpResult GetDraft(string id, WorkflowCatalog catalog) =>
        TypedResults.Text(catalog.GetDraft(id), "application/json");

    private static async Task<Ok<PublishedWorkflow>> PublishDraftAsync(string id, WorkflowCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(await catalog.PublishDraftAsync(id, cancellationToken));

    private static async Task<Ok<RunResult>> ExecuteAsync(string id, HttpRequest request, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        WorkflowDrafts.CheckId(id);
        var body = await JsonBody.ReadObjectAsync(request, cancellationToken, "input");
        // Not the request's token: a client that goes away does not cut the run off inside an activity.
        var run = await engine.RunAsync(id, JsonBody.Object(body, "input"), CancellationToken.None);
        RequestLogProperties.NoteInstance(request.HttpContext, run.InstanceId);
        return TypedResults.Ok(run);
    }

    private static async Task<Accepted<Dispatched>> DispatchAsync(string id, HttpRequest request, WorkflowDispatcher dispatcher, CancellationToken cancellationToken)
    {
        WorkflowDrafts.CheckId(id);
        var body = await JsonBody.ReadObjectAsync(request, cancellationToken, "input");
        var instanceId = await dispatcher.DispatchAsync(id, JsonBody.Object(body, "input"), CancellationToken.None);
        RequestLogProperties.NoteInstance(request.HttpContext, instanceId);
        return TypedResults.Accepted($"/api/instances/{instanceId}", new Dispatched(instanceId, id));
    }
}
