namespace Lifecycle.Activities.Git;

/// <summary>What <see cref="GitWorkspace.RestoreStash"/> did.</summary>
/// <param name="Status">Restored, nothing to restore, or a conflict.</param>
/// <param name="Files">The paths written back (empty unless restored).</param>
/// <param name="ConflictingPaths">The paths that block the restore (empty unless a conflict); the caller records a blocker.</param>
public sealed record RestoreOutcome(RestoreStatus Status, IReadOnlyList<string> Files, IReadOnlyList<string> ConflictingPaths);
