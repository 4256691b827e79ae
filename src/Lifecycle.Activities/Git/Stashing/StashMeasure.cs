using LibGit2Sharp;

namespace Lifecycle.Activities.Git.Stashing;

/// <summary>What a stash changes against HEAD: HEAD's entries of the stashed paths and line counts per file.</summary>
internal sealed class StashMeasure(GitContext git)
{
    /// <summary>
    /// HEAD's entry (null when HEAD has none) of each tracked path being stashed, read from two
    /// native tree comparisons (HEAD against the stash's work tree and index) rather than a lookup
    /// per path, which reads a large folder's tree again for each file.
    /// </summary>
    public Dictionary<string, StashEntry?> HeadEntries(Commit head, Commit stash, IReadOnlyList<string> tracked)
    {
        var atHead = new Dictionary<string, StashEntry?>(StringComparer.Ordinal);
        var changes = git.Trees.Compare(head.Tree, stash.Tree).Concat(git.Trees.Compare(head.Tree, stash.Parents.ElementAt(1).Tree));
        foreach (var change in changes)
        {
            atHead.TryAdd(change.Path, change.OldExists ? new StashEntry(change.OldId!, change.OldMode) : null);
        }

        // A path neither tree changes (a change only the file system's mode bits show) is as HEAD has it.
        foreach (var path in tracked.Where(p => !atHead.ContainsKey(p)))
        {
            atHead[path] = git.PathsIn(head.Tree)[path] is { } entry ? new StashEntry(entry.Target.Id, entry.Mode) : null;
        }

        return atHead;
    }

    /// <summary>Line counts of the file against HEAD, through git's clean filters as <c>git diff</c> would.</summary>
    /// <remarks>The blob the stash stored is measured as it is when the filters cannot change it.</remarks>
    public FileChange Measure(string path, StashEntry? atHead, StoredFile? stored)
    {
        var before = atHead is { Mode: not Mode.GitLink } ? git.BlobOf(atHead.Id) : null;
        var full = WorkTreeFile.FullPath(git.Root, path);
        var after = stored is { FilterNeutral: true } ? stored.Blob
            : !WorkTreeFile.Exists(full) ? null
            : new FileInfo(full).LinkTarget is not null ? WorkTreeFile.Store(git.Repo, full, null).Blob
            : CleanBlobOrStored(path, stored);
        var changes = git.Repo.Diff.Compare(before, after);
        return new FileChange(path, changes.LinesAdded, changes.LinesDeleted, changes.IsBinaryComparison);
    }

    /// <summary>The file through git's clean filters; the stored bytes when it is being written as git reads it (metrics only).</summary>
    private Blob? CleanBlobOrStored(string path, StoredFile? stored)
    {
        try
        {
            return git.Repo.ObjectDatabase.CreateBlob(path);
        }
        catch (LibGit2SharpException) when (stored is not null)
        {
            return stored.Blob;
        }
    }
}
