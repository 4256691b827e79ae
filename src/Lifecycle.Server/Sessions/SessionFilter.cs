using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// Which sessions a listing shows: started on or after <see cref="Since"/> and before the end of
/// <see cref="Until"/> (local dates, both included), on a branch whose name contains
/// <see cref="Branch"/>, in <see cref="State"/>, scored at least <see cref="MinScore"/> (0 to 1; only
/// closed, scored sessions pass it); newest first when <see cref="NewestFirst"/>.
/// </summary>
public sealed record SessionFilter(
    DateOnly? Since = null, DateOnly? Until = null, string? Branch = null, SessionState? State = null, bool NewestFirst = false, double? MinScore = null)
{
    /// <summary>True when the session passes every filter; dates are compared in <paramref name="zone"/>.</summary>
    public bool Matches(SessionContext session, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(session.StartTime, zone).DateTime);
        return (Since is null || day >= Since)
               && (Until is null || day <= Until)
               && (State is null || session.State == State)
               && (string.IsNullOrEmpty(Branch) || (session.ActiveBranch?.Contains(Branch, StringComparison.OrdinalIgnoreCase) ?? false));
    }
}
