namespace Lifecycle.Activities.Metrics;

/// <summary>Lines changed in one file by a commit or by the uncommitted work put away at close.</summary>
/// <param name="Path">The file's repository-relative path (after a rename, the new path).</param>
/// <param name="Added">Lines added (0 for a binary file).</param>
/// <param name="Deleted">Lines deleted (0 for a binary file).</param>
/// <param name="Kind">What kind of change it was; <see cref="FileChangeKind.Unknown"/> when the source did not say (and in records written before kinds existed).</param>
/// <param name="From">The path it was renamed (or copied) from; null otherwise.</param>
public sealed record FileChange(string Path, int Added, int Deleted, FileChangeKind Kind = FileChangeKind.Unknown, string? From = null)
{
    /// <summary>Added plus deleted lines.</summary>
    public int ChangedLines => Added + Deleted;
}
