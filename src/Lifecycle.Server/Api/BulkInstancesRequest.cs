using Lifecycle.Workflows.History;

namespace Lifecycle.Server.Api;

/// <summary>The body of a bulk cancel or delete: the instances by id, or by a filter (never both, never an empty filter).</summary>
public sealed record BulkInstancesRequest(IReadOnlyList<string>? Ids, BulkInstancesFilter? Filter, string? Reason = null)
{
    /// <summary>The most ids one request may name; a filter has no limit (it is worked through in batches).</summary>
    public const int MaxIds = 1000;

    private const string Shape =
        "'ids' (a list of instance ids) or 'filter' (an object with 'status' (a list of statuses), 'workflow', 'version' (a whole number), 'correlation', " +
        "'createdFrom', 'createdTo', 'updatedFrom', 'updatedTo' (ISO 8601 times)), and 'reason' (a string, for a cancel)";

    /// <summary>The body of <paramref name="request"/>; an empty body names nothing (which <see cref="Parse"/> refuses).</summary>
    internal static async Task<BulkInstancesRequest> ReadAsync(Microsoft.AspNetCore.Http.HttpRequest request, CancellationToken cancellationToken) =>
        await JsonBody.ReadAsAsync<BulkInstancesRequest>(request, Shape, cancellationToken, "ids", "filter", "reason") ?? new BulkInstancesRequest(null, null);

    /// <summary>What to act on, or every problem of the body.</summary>
    public (IReadOnlyList<string>? Ids, InstanceFilter? Filter, IReadOnlyDictionary<string, string[]> Errors) Parse()
    {
        var errors = new Dictionary<string, string[]>();
        if ((Ids is null) == (Filter is null))
        {
            errors["$"] = ["Name the instances either by 'ids' (a list) or by 'filter' (e.g. {\"status\": [\"Faulted\"]}), not both and not neither."];
            return (null, null, errors);
        }

        if (Ids is not null)
        {
            if (Ids.Count > MaxIds)
            {
                errors["ids"] = [$"{Ids.Count} ids is more than {MaxIds}; send them in several requests, or use a filter."];
            }

            if (Ids.Any(string.IsNullOrWhiteSpace))
            {
                errors["ids"] = ["An id is empty; list instance ids as GET /api/instances shows them."];
            }

            return (Ids, null, errors);
        }

        var filter = Filter!.ToFilter(errors);
        if (filter == InstanceFilter.All)
        {
            errors["filter"] = ["An empty filter would take every instance; name at least one criterion (status, workflow, version, correlation or a time)."];
        }

        return (null, filter, errors);
    }
}

/// <summary>The criteria of a bulk filter; as <c>GET /api/instances</c> takes them, with statuses as a list.</summary>
public sealed record BulkInstancesFilter(
    IReadOnlyList<string>? Status,
    string? Workflow,
    int? Version,
    string? Correlation,
    DateTimeOffset? CreatedFrom,
    DateTimeOffset? CreatedTo,
    DateTimeOffset? UpdatedFrom,
    DateTimeOffset? UpdatedTo)
{
    internal InstanceFilter ToFilter(Dictionary<string, string[]> errors)
    {
        if (Version is < 1)
        {
            errors["filter.version"] = [$"{Version} is not a version; versions are whole numbers from 1."];
        }

        return new InstanceFilter(InstanceQueryParameters.ParseStatuses(Status, "filter.status", errors), Workflow, Version, Correlation,
            CreatedFrom?.ToUniversalTime(), CreatedTo?.ToUniversalTime(), UpdatedFrom?.ToUniversalTime(), UpdatedTo?.ToUniversalTime());
    }
}
