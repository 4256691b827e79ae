namespace Lifecycle.Activities.Git;

/// <summary>The TODO/FIXME/HACK count of one commit, kept so the next count only reads what changed since.</summary>
/// <param name="Sha">The commit counted.</param>
/// <param name="Count">Its markers.</param>
public sealed record DebtMarkerCount(string Sha, int Count)
{
    /// <summary>The known count from a sha and a count that may each be missing.</summary>
    public static DebtMarkerCount? From(string? sha, int? count) =>
        sha is not null && count is { } known ? new DebtMarkerCount(sha, known) : null;
}
