namespace Lifecycle.Activities.Git.Stashing;

/// <summary>What <see cref="StashMeasure.All"/> measures: the paths put away and what is known of each.</summary>
/// <param name="Tracked">Tracked paths with staged or unstaged changes.</param>
/// <param name="Untracked">Untracked files.</param>
/// <param name="AtHead">HEAD's entry of each tracked path (null where HEAD has none).</param>
/// <param name="Staged">The tracked paths whose change is staged, in part or whole.</param>
/// <param name="Stored">What the stash holds for a path; null when the file is gone.</param>
internal sealed record MeasuredPaths(
    IReadOnlyList<string> Tracked,
    IReadOnlyList<string> Untracked,
    IReadOnlyDictionary<string, StashEntry?> AtHead,
    IReadOnlySet<string> Staged,
    Func<string, StoredFile?> Stored);
