using System.Globalization;
using Lifecycle.Workflows.History;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Journal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lifecycle.Server.Api;

/// <summary><c>GET /api/instances/{id}/journal</c>: an instance's execution history, paged and filtered.</summary>
public static class JournalApi
{
    public const int DefaultLimit = 200;

    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapJournalApi(this RouteGroupBuilder api)
    {
        api.MapGet("/instances/{id}/journal", GetAsync).WithTags("Instances");
        return api;
    }

    /// <summary>
    /// Entries after <c>after</c> (a sequence; 0 for the start), at most <c>limit</c>, only of
    /// <c>activity</c> and <c>event</c> when given; <c>next</c> is the <c>after</c> of the next page.
    /// </summary>
    public static async Task<Results<Ok<JournalPage>, ValidationProblem>> GetAsync(
        string id, string? after, string? limit, string? activity, string? @event, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        long afterSequence = 0;
        if (after is not null && !long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out afterSequence))
        {
            errors["after"] = [$"'{after}' is not a sequence; pass 0 for the start or the 'next' of the previous page."];
        }

        var pageSize = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > MaxLimit))
        {
            errors["limit"] = [$"'{limit}' is not a page size; use a whole number from 1 to {MaxLimit}."];
        }

        JournalEvent? journalEvent = null;
        if (@event is not null)
        {
            if (Enum.TryParse<JournalEvent>(@event, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(@event[0]))
            {
                journalEvent = parsed;
            }
            else
            {
                errors["event"] = [$"Unknown event '{@event}'. Known events: {string.Join(", ", Enum.GetNames<JournalEvent>())}."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid journal query");
        }

        // 404 for an unknown instance rather than an empty page.
        await engine.Store.InitializeAsync(cancellationToken);
        if ((await engine.Store.GetClaimsAsync([id], cancellationToken)).Count == 0)
        {
            throw new InstanceNotFoundException(id);
        }

        var query = new JournalQuery(id, afterSequence, pageSize, string.IsNullOrEmpty(activity) ? null : activity, journalEvent);
        return TypedResults.Ok(await engine.Store.GetJournalPageAsync(query, cancellationToken));
    }
}
