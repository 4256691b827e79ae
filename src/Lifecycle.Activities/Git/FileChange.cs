namespace Lifecycle.Activities.Git;

/// <summary>Lines added and deleted in one file, as <c>git diff --numstat</c> counts them.</summary>
/// <param name="Path">The path relative to the repository root, with forward slashes.</param>
/// <param name="Added">Lines added; 0 for a binary file.</param>
/// <param name="Deleted">Lines deleted; 0 for a binary file.</param>
/// <param name="Binary">True when git treats either side as binary (numstat prints <c>-</c>).</param>
public sealed record FileChange(string Path, int Added, int Deleted, bool Binary);
