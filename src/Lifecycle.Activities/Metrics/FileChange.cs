namespace Lifecycle.Activities.Metrics;

/// <summary>Lines changed in one file by a commit or by the uncommitted work put away at close.</summary>
/// <param name="Path">The file's repository-relative path (after a rename, the new path).</param>
/// <param name="Added">Lines added (0 for a binary file).</param>
/// <param name="Deleted">Lines deleted (0 for a binary file).</param>
public sealed record FileChange(string Path, int Added, int Deleted)
{
    /// <summary>Added plus deleted lines.</summary>
    public int ChangedLines => Added + Deleted;
}
