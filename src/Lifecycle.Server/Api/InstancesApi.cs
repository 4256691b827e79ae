using Lifecycle.Activities;
using Lifecycle.Server.Sessions;
using Lifecycle.Workflows.History;
using Lifecycle.Workflows.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lifecycle.Server.Api;

/// <summary>
/// <c>/api/instances</c>: the execution history (listings without the instances' data, one instance
/// in full) and what people do to it: cancel, retry from the failed activity, delete, in bulk too.
/// </summary>
public static class InstancesApi
{
    public static RouteGroupBuilder MapInstancesApi(this RouteGroupBuilder api)
    {
        var instances = api.MapGroup("/instances").WithTags("Instances");
        instances.MapGet("/", ListAsync);
        instances.MapGet("/{id}", GetAsync);
        instances.MapPost("/{id}/cancel", CancelAsync).DocumentsBody<CancelInstanceRequest>();
        instances.MapPost("/{id}/retry", RetryAsync);
        instances.MapDelete("/{id}", DeleteAsync);
        instances.MapPost("/bulk-cancel", BulkCancelAsync).DocumentsBody<BulkInstancesRequest>();
        instances.MapPost("/bulk-delete", BulkDeleteAsync).DocumentsBody<BulkInstancesRequest>();
        return api;
    }

    /// <summary>A page of instances, newest first, with the total the filter matches and the next page's cursor.</summary>
    public static async Task<Results<Ok<InstancePage>, ValidationProblem>> ListAsync(
        [AsParameters] InstanceQueryParameters query, HttpRequest request, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var (filter, limit, cursor, errors) = query.Parse(request.Query.Keys);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid instance filter");
        }

        await engine.Store.InitializeAsync(cancellationToken);
        return TypedResults.Ok(await engine.Store.QueryInstancesAsync(filter, cursor, limit, cancellationToken));
    }

    /// <summary>One instance with its outputs, bookmarks and journal length.</summary>
    public static async Task<Ok<InstanceDetails>> GetAsync(string id, WorkflowEngine engine, CancellationToken cancellationToken) =>
        TypedResults.Ok(await DetailsAsync(engine, id, cancellationToken));

    /// <summary>Cancels a Suspended instance (or a Running one whose process died); 409 otherwise.</summary>
    public static async Task<Ok<InstanceDetails>> CancelAsync(string id, HttpRequest http, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsAsync<CancelInstanceRequest>(http, CancelInstanceRequest.Shape, cancellationToken, "reason");
        await engine.CancelAsync(id, request?.Reason, cancellationToken);
        return TypedResults.Ok(await DetailsAsync(engine, id, cancellationToken));
    }

    /// <summary>Runs a Faulted instance again from its failed activity; answers as an execution does (first suspension or end).</summary>
    /// <remarks>
    /// Session workflows are refused: they run under the session service's lock and protocol, and
    /// a start or close run again on its own would race the next command over the work tree.
    /// </remarks>
    public static async Task<Ok<RunResult>> RetryAsync(string id, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        await engine.Store.InitializeAsync(cancellationToken);
        if ((await engine.Store.GetClaimsAsync([id], cancellationToken)).SingleOrDefault() is { WorkflowId: SessionWorkflows.Start or SessionWorkflows.End } session)
        {
            throw new SessionException(
                $"Instance {id} is a run of '{session.WorkflowId}', which only the session commands run; run 'lifecycle {(session.WorkflowId == SessionWorkflows.Start ? "start" : "end")}' again instead.",
                ErrorKind.Conflict);
        }

        return TypedResults.Ok(await engine.RetryAsync(id, cancellationToken));
    }

    /// <summary>Deletes an instance with its journal and bookmarks.</summary>
    public static async Task<NoContent> DeleteAsync(string id, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        await engine.DeleteAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Cancels the instances named by ids or by a filter, in batches; says why for each one left.</summary>
    public static async Task<Results<Ok<BulkResult>, ValidationProblem>> BulkCancelAsync(
        HttpRequest http, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var request = await BulkInstancesRequest.ReadAsync(http, cancellationToken);
        var (ids, filter, errors) = request.Parse();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid bulk request");
        }

        return TypedResults.Ok(ids is not null
            ? await engine.CancelManyAsync(ids, request.Reason, cancellationToken)
            : await engine.CancelManyAsync(filter!, request.Reason, cancellationToken));
    }

    /// <summary>Deletes the instances named by ids or by a filter, a batch per transaction; says why for each one left.</summary>
    public static async Task<Results<Ok<BulkResult>, ValidationProblem>> BulkDeleteAsync(
        HttpRequest http, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var request = await BulkInstancesRequest.ReadAsync(http, cancellationToken);
        var (ids, filter, errors) = request.Parse();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid bulk request");
        }

        return TypedResults.Ok(ids is not null
            ? await engine.DeleteManyAsync(ids, cancellationToken)
            : await engine.DeleteManyAsync(filter!, cancellationToken));
    }

    internal static async Task<InstanceDetails> DetailsAsync(WorkflowEngine engine, string id, CancellationToken cancellationToken)
    {
        await engine.Store.InitializeAsync(cancellationToken);
        return await engine.Store.GetDetailsAsync(id, cancellationToken) ?? throw new InstanceNotFoundException(id);
    }
}

/// <summary>The optional body of a cancel: why, for the journal.</summary>
public sealed record CancelInstanceRequest(string? Reason)
{
    /// <summary>What the body takes, for the message when it is wrong.</summary>
    internal const string Shape = "'reason' (a string, optional)";
}
