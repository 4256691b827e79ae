namespace Lifecycle.Activities.Git;

/// <summary>What <see cref="Stashing.StashRestorer.Restore"/> did.</summary>
/// <param name="Status">Restored, nothing to restore, a conflict, or restored in part.</param>
/// <param name="Files">The paths written back (empty unless restored, in whole or in part).</param>
/// <param name="ConflictingPaths">The paths that block the restore, or that were left alone or not restored whole in a partial one; the caller records a blocker.</param>
/// <param name="Problem">
/// Why a partial restore is partial when it is not a file written meanwhile (a state git holds
/// that could not be set again); one clause, no full stop. Null otherwise.
/// </param>
public sealed record RestoreOutcome(RestoreStatus Status, IReadOnlyList<string> Files, IReadOnlyList<string> ConflictingPaths, string? Problem = null);
