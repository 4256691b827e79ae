using System.Globalization;
using Lifecycle.Workflows.History;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Api;

/// <summary>
/// The query string of <c>GET /api/instances</c>, read as text and checked here so that every bad
/// value is reported at once, each by name, rather than as a bare binding failure.
/// </summary>
public sealed record InstanceQueryParameters(
    string? Status,
    string? Workflow,
    string? Version,
    string? Correlation,
    string? CreatedFrom,
    string? CreatedTo,
    string? UpdatedFrom,
    string? UpdatedTo,
    string? Limit,
    string? Cursor)
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 500;

    /// <summary>The parameters this query takes; any other is reported (a typo like <c>?state=</c> would otherwise list every instance).</summary>
    private static readonly string[] Names =
        ["status", "workflow", "version", "correlation", "createdFrom", "createdTo", "updatedFrom", "updatedTo", "limit", "cursor"];

    /// <summary>The filter, page size and cursor; or every problem found, each naming its parameter.</summary>
    /// <param name="given">The names in the query string, to report those this query does not take.</param>
    public (InstanceFilter Filter, int Limit, InstanceCursor? Cursor, IReadOnlyDictionary<string, string[]> Errors) Parse(IEnumerable<string> given)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var unknown in given.Where(name => !Names.Contains(name, StringComparer.OrdinalIgnoreCase)))
        {
            errors[unknown] = [$"Unknown parameter '{unknown}'; this list takes {string.Join(", ", Names)}."];
        }

        var statuses = ParseStatuses(Status?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), "status", errors);
        int? version = null;
        if (Version is not null)
        {
            if (int.TryParse(Version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= 1)
            {
                version = v;
            }
            else
            {
                errors["version"] = [$"'{Version}' is not a version; versions are whole numbers from 1."];
            }
        }

        var limit = DefaultLimit;
        if (Limit is not null && (!int.TryParse(Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
        {
            errors["limit"] = [$"'{Limit}' is not a page size; use a whole number from 1 to {MaxLimit}."];
        }

        InstanceCursor? cursor = null;
        if (Cursor is not null)
        {
            if (InstanceCursor.TryParse(Cursor, out var parsed))
            {
                cursor = parsed;
            }
            else
            {
                errors["cursor"] = [$"'{Cursor}' is not a cursor; pass back the 'next' of the previous page."];
            }
        }

        var filter = new InstanceFilter(statuses, Blank(Workflow), version, Blank(Correlation),
            Time(CreatedFrom, "createdFrom", errors), Time(CreatedTo, "createdTo", errors),
            Time(UpdatedFrom, "updatedFrom", errors), Time(UpdatedTo, "updatedTo", errors));
        return (filter, limit, cursor, errors);
    }

    /// <summary>Statuses by name, any case; a wrong one is reported with the known ones.</summary>
    public static IReadOnlyCollection<WorkflowStatus>? ParseStatuses(IReadOnlyCollection<string>? names, string parameter, Dictionary<string, string[]> errors)
    {
        if (names is null || names.Count == 0)
        {
            return null;
        }

        var statuses = new List<WorkflowStatus>();
        foreach (var name in names)
        {
            if (Enum.TryParse<WorkflowStatus>(name, ignoreCase: true, out var status) && Enum.IsDefined(status) && !char.IsDigit(name[0]))
            {
                statuses.Add(status);
            }
            else
            {
                errors[parameter] = [$"Unknown status '{name}'. Known statuses: {string.Join(", ", Enum.GetNames<WorkflowStatus>())}."];
            }
        }

        return statuses;
    }

    private static DateTimeOffset? Time(string? text, string parameter, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.ToUniversalTime();
        }

        errors[parameter] = [$"'{text}' is not a time; write it in ISO 8601, e.g. 2026-12-07T10:00:00Z."];
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
