namespace Lifecycle.Activities.Git;

/// <summary>What <see cref="Stashing.StashWriter.Write"/> put away.</summary>
/// <param name="StashSha">The stash commit, or null when there was nothing to stash.</param>
/// <param name="Files">Every file put away with its line counts against HEAD (untracked files count as added).</param>
/// <param name="Skipped">
/// Paths left in place: changed submodules and untracked nested repositories, which a stash cannot
/// hold, and files written after they were read into the stash (the stash holds the version read).
/// </param>
public sealed record StashOutcome(string? StashSha, IReadOnlyList<FileChange> Files, IReadOnlyList<string> Skipped)
{
    /// <summary>True when a stash was made.</summary>
    public bool Stashed => StashSha is not null;

    /// <summary>Nothing was uncommitted (apart from what <see cref="Skipped"/> lists).</summary>
    public static StashOutcome Nothing(IReadOnlyList<string> skipped) => new(null, [], skipped);
}
