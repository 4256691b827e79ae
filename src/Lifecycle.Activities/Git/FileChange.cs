using Lifecycle.Activities.Metrics;

namespace Lifecycle.Activities.Git;

/// <summary>Lines added and deleted in one file, as <c>git diff --numstat</c> counts them, and its kind of change.</summary>
/// <param name="Path">The path relative to the repository root, with forward slashes (after a rename, the new path).</param>
/// <param name="Added">Lines added; 0 for a binary file.</param>
/// <param name="Deleted">Lines deleted; 0 for a binary file.</param>
/// <param name="Binary">True when git treats either side as binary (numstat prints <c>-</c>).</param>
/// <param name="Kind">What kind of change it is (see <see cref="FileChangeKind"/>).</param>
/// <param name="From">The path it was renamed (or copied) from; null otherwise.</param>
public sealed record FileChange(string Path, int Added, int Deleted, bool Binary, FileChangeKind Kind = FileChangeKind.Unknown, string? From = null);
