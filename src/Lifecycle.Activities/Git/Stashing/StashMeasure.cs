using LibGit2Sharp;
using Lifecycle.Activities.Metrics;

namespace Lifecycle.Activities.Git.Stashing;

/// <summary>What a stash changes against HEAD: HEAD's entries of the stashed paths, and per file its lines and kind of change.</summary>
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

    /// <summary>
    /// Every file put away, in path order, with its line counts against HEAD and its kind of change;
    /// a staged rename is one file under its new path, measured against the old one.
    /// </summary>
    /// <param name="head">The commit the stash is made on.</param>
    /// <param name="stash">The stash's work-tree commit (its tree holds the tracked files as put away).</param>
    /// <param name="paths">What was put away.</param>
    public List<FileChange> All(Commit head, Commit stash, MeasuredPaths paths)
    {
        var files = paths.Tracked.Select(p => (Path: p, Untracked: false)).Concat(paths.Untracked.Select(p => (Path: p, Untracked: true)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => Measure(f.Path, f.Untracked ? null : paths.AtHead.GetValueOrDefault(f.Path), paths.Stored(f.Path), f.Untracked, paths.Staged.Contains(f.Path)))
            .ToList();
        var renames = Renames(head, stash, files, paths.AtHead);
        if (renames.Count == 0)
        {
            return files;
        }

        var renamedFrom = renames.Values.ToHashSet(StringComparer.Ordinal);
        return [.. files
            .Where(f => !renamedFrom.Contains(f.Path))
            .Select(f => renames.TryGetValue(f.Path, out var from)
                ? Measure(f.Path, paths.AtHead.GetValueOrDefault(from), paths.Stored(f.Path), untracked: false, staged: true, from)
                : f)];
    }

    /// <summary>Line counts of the file against HEAD, through git's clean filters as <c>git diff</c> would, and its kind of change.</summary>
    /// <remarks>The blob the stash stored is measured as it is when the filters cannot change it.</remarks>
    /// <param name="path">The file.</param>
    /// <param name="atHead">What HEAD holds there (for a rename, at the path it came from); null for nothing.</param>
    /// <param name="stored">What the stash holds for it; null when the file is gone.</param>
    /// <param name="untracked">True for an untracked file.</param>
    /// <param name="staged">True when its change is staged, in part or whole.</param>
    /// <param name="from">The path it was renamed from, for a rename.</param>
    public FileChange Measure(string path, StashEntry? atHead, StoredFile? stored, bool untracked = false, bool staged = false, string? from = null)
    {
        var before = atHead is { Mode: not Mode.GitLink } ? git.BlobOf(atHead.Id) : null;
        var full = WorkTreeFile.FullPath(git.Root, path);
        var after = stored is { FilterNeutral: true } ? stored.Blob
            : !WorkTreeFile.Exists(full) ? null
            : new FileInfo(full).LinkTarget is not null ? WorkTreeFile.Store(git.Repo, full, null).Blob
            : CleanBlobOrStored(path, stored);
        var changes = git.Repo.Diff.Compare(before, after);
        var kind = ChangeKinds.PutAway(
            ChangeKinds.Of(from is not null, atHead?.Id, atHead?.Mode ?? Mode.Nonexistent, after?.Id, stored?.Mode ?? (after is null ? Mode.Nonexistent : WorkTreeFile.ModeOf(full))),
            staged, untracked);
        return new FileChange(path, changes.LinesAdded, changes.LinesDeleted, changes.IsBinaryComparison, kind, from);
    }

    /// <summary>
    /// The staged renames among the tracked files put away (new path to old path): files HEAD has
    /// and the stash deletes, paired with files the stash adds, as <c>git diff -M HEAD</c> pairs
    /// them (see <see cref="GitContext.RenamesAsConfigured"/>); untracked files are never paired,
    /// as git status does not pair them. Only those paths are compared, and only when both kinds exist.
    /// </summary>
    private Dictionary<string, string> Renames(Commit head, Commit stash, List<FileChange> files, IReadOnlyDictionary<string, StashEntry?> atHead)
    {
        var candidates = files.Where(f => f.Kind is FileChangeKind.Deleted || (f.Kind is FileChangeKind.Staged && atHead.TryGetValue(f.Path, out var entry) && entry is null)).ToList();
        if (!candidates.Any(f => f.Kind is FileChangeKind.Deleted) || !candidates.Any(f => f.Kind is FileChangeKind.Staged))
        {
            return [];
        }

        return git.Repo.Diff.Compare<TreeChanges>(head.Tree, stash.Tree, candidates.Select(f => f.Path), new ExplicitPathsOptions { ShouldFailOnUnmatchedPath = false }, GitContext.RenamesAsConfigured)
            .Where(c => c.Status == ChangeKind.Renamed)
            .ToDictionary(c => c.Path, c => c.OldPath, StringComparer.Ordinal);
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
