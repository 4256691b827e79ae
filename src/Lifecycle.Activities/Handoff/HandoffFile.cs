using Lifecycle.Activities.Metrics;

namespace Lifecycle.Activities.Handoff;

/// <summary>A file the session changed, its lines summed over every commit and the work put away.</summary>
/// <param name="Path">Repository-relative path, forward slashes.</param>
/// <param name="Added">Lines added.</param>
/// <param name="Deleted">Lines deleted.</param>
/// <param name="PutAway">True when some of its change is uncommitted and was put away in the stash.</param>
/// <param name="Kind">The net kind of change over the session (see <see cref="KindOf"/>); unknown when the measurements did not say.</param>
/// <param name="From">The path it was first renamed from during the session; null when it was not renamed.</param>
public sealed record HandoffFile(string Path, int Added, int Deleted, bool PutAway, FileChangeKind Kind = FileChangeKind.Unknown, string? From = null)
{
    /// <summary>Added plus deleted lines.</summary>
    public int Lines => Added + Deleted;

    /// <summary>
    /// The net kind of a file's changes, given oldest first (commits, then the work put away):
    /// deleted when the last known change deletes it; added (or untracked) when the first known
    /// change created it; renamed when any change moved it; otherwise the last known kind.
    /// Unknown kinds are passed over; none known gives <see cref="FileChangeKind.Unknown"/>.
    /// </summary>
    public static FileChangeKind KindOf(IEnumerable<FileChangeKind> oldestFirst)
    {
        ArgumentNullException.ThrowIfNull(oldestFirst);
        var known = oldestFirst.Where(k => k != FileChangeKind.Unknown).ToList();
        return known switch
        {
            [] => FileChangeKind.Unknown,
            [.., FileChangeKind.Deleted] => FileChangeKind.Deleted,
            [FileChangeKind.Added or FileChangeKind.Untracked, ..] => known[0],
            _ when known.Contains(FileChangeKind.Renamed) => FileChangeKind.Renamed,
            _ => known[^1],
        };
    }
}
