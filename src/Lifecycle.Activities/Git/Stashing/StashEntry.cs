using LibGit2Sharp;

namespace Lifecycle.Activities.Git.Stashing;

/// <summary>A blob (or link) as a stash tree, or HEAD's, holds it.</summary>
internal sealed record StashEntry(ObjectId Id, Mode Mode);
