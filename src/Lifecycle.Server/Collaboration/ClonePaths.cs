using LibGit2Sharp;

namespace Lifecycle.Server.Collaboration;

/// <summary>The files this clone is working on: uncommitted in its work tree, and committed on HEAD but not on another ref.</summary>
public static class ClonePaths
{
    /// <summary>Files changed in the work tree or the index (untracked ones included, ignored ones not).</summary>
    public static IReadOnlySet<string> Uncommitted(Repository repo)
    {
        var status = repo.RetrieveStatus(new StatusOptions { IncludeUntracked = true, RecurseUntrackedDirs = true, IncludeIgnored = false });
        return status.Where(e => e.State != FileStatus.Ignored && e.State != FileStatus.Unaltered).Select(e => e.FilePath).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Files the commits on HEAD since its merge base with <paramref name="otherRef"/> changed; empty when they share no history.</summary>
    public static IReadOnlySet<string> CommittedSince(Repository repo, string otherRef)
    {
        if (repo.Head.Tip is not { } head || repo.Refs[otherRef]?.ResolveToDirectReference()?.Target is not Commit other
            || repo.ObjectDatabase.FindMergeBase(head, other) is not { } merged || merged.Sha == head.Sha)
        {
            return new HashSet<string>();
        }

        using var changes = repo.Diff.Compare<TreeChanges>(merged.Tree, head.Tree);
        return changes.Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
    }
}
