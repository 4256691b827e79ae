using System.Globalization;
using Lifecycle.Server.Api;
using Lifecycle.Workflows.History;

namespace Lifecycle.Server.Dashboard.Instances;

/// <summary>
/// The instances page's query string (<c>status</c>, one or several separated by commas,
/// <c>workflow</c>, <c>from</c>, <c>to</c>, <c>cursor</c>) read into the store's filter, with a
/// sentence for each bad value.
/// </summary>
/// <remarks>
/// Times are the server's local clock, as the page shows them (see Shared/When.razor): a date
/// (<c>2026-12-07</c>), a date and time as a <c>datetime-local</c> input sends it
/// (<c>2026-12-07T10:00</c>), or an ISO 8601 instant with its offset.
/// </remarks>
public sealed record InstanceListQuery(string? Status, string? Workflow, string? From, string? To, string? Cursor)
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"];

    /// <summary>The filter and cursor, or the problems (each a sentence that says what to give).</summary>
    public (InstanceFilter Filter, InstanceCursor? Cursor, IReadOnlyList<string> Problems) Parse()
    {
        var errors = new Dictionary<string, string[]>();
        var statuses = InstanceQueryParameters.ParseStatuses(Status?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), "status", errors);
        var from = Time(From, "From", errors);
        var to = Time(To, "To", errors);
        if (from is { } start && to is { } end && end < start)
        {
            errors["to"] = [$"To ({To}) is before From ({From}); give a range that ends after it starts."];
        }

        InstanceCursor? cursor = null;
        if (!string.IsNullOrEmpty(Cursor))
        {
            if (InstanceCursor.TryParse(Cursor, out var parsed))
            {
                cursor = parsed;
            }
            else
            {
                errors["cursor"] = [$"'{Cursor}' is not a page of this list; start again from the first page."];
            }
        }

        var filter = new InstanceFilter(statuses, string.IsNullOrWhiteSpace(Workflow) ? null : Workflow.Trim(), CreatedFrom: from, CreatedTo: to);
        return (filter, cursor, errors.Values.SelectMany(e => e).ToList());
    }

    private static DateTimeOffset? Time(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local)).ToUniversalTime();
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var instant))
        {
            return instant.ToUniversalTime();
        }

        errors[field] = [$"{field} must be a date like 2026-12-07 or a time like 2026-12-07T10:00; got '{text}'."];
        return null;
    }
}
