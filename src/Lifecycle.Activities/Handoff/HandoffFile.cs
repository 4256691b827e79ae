namespace Lifecycle.Activities.Handoff;

/// <summary>A file the session changed, its lines summed over every commit and the work put away.</summary>
/// <param name="Path">Repository-relative path, forward slashes.</param>
/// <param name="Added">Lines added.</param>
/// <param name="Deleted">Lines deleted.</param>
/// <param name="PutAway">True when some of its change is uncommitted and was put away in the stash.</param>
public sealed record HandoffFile(string Path, int Added, int Deleted, bool PutAway)
{
    /// <summary>Added plus deleted lines.</summary>
    public int Lines => Added + Deleted;
}
