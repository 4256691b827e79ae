using LibGit2Sharp;

namespace Lifecycle.Activities.Git.Stashing;

/// <summary>Puts stashed paths back to HEAD once the stash holding them is safely written.</summary>
internal sealed class HeadReset(GitContext git)
{
    /// <summary>
    /// Puts the stashed paths, and only those, back to HEAD in the index and the work tree, except
    /// files written since they were read into the stash (an editor's save, a build): those are
    /// left as they are now, index entry included, so the newer edit is not lost; the stash holds
    /// the version read. Returns those paths.
    /// </summary>
    /// <remarks>
    /// Paths in <paramref name="asIndex"/> (skip-worktree, assume-unchanged) have only their index
    /// entry reset: git does not look at their files, so neither does this. A file keeps the
    /// permission bits <paramref name="modes"/> recorded for it (a private file stays private)
    /// unless HEAD's executable bit differs.
    /// </remarks>
    public List<string> Reset(IReadOnlyList<string> tracked, IReadOnlyList<string> untracked, Dictionary<string, StashEntry?> atHead, Dictionary<string, StoredFile> stored,
        IReadOnlySet<string> asIndex, IReadOnlyDictionary<string, UnixFileMode> modes)
    {
        var root = git.Root;
        var index = git.Repo.Index;
        bool Unchanged(string path)
        {
            if (asIndex.Contains(path))
            {
                return true;
            }

            var full = WorkTreeFile.FullPath(root, path);
            return stored.TryGetValue(path, out var file)
                ? WorkTreeFile.StillAsStored(full, file)
                : !WorkTreeFile.Exists(full); // put away as deleted: still no file there (a folder that replaced it goes with the untracked files)
        }

        // Each path is checked just before it is touched, so the window for a save to slip in is
        // one file's check, not the whole list's.
        var changed = new HashSet<string>(StringComparer.Ordinal);
        bool StillToReset(string path)
        {
            if (Unchanged(path))
            {
                return true;
            }

            changed.Add(path);
            return false;
        }

        // Deletions first, so a folder that replaced a file (or the reverse) is out of the way.
        foreach (var path in untracked.Concat(tracked.Where(p => atHead[p] is null)))
        {
            if (!StillToReset(path))
            {
                continue;
            }

            var full = WorkTreeFile.FullPath(root, path);
            if (!asIndex.Contains(path))
            {
                WorkTreeFile.Delete(full);
                WorkTreeFile.PruneEmptyFolders(root, full);
            }

            if (index[path] is not null)
            {
                index.Remove(path);
            }
        }

        foreach (var path in tracked.Where(p => atHead[p] is { Mode: not Mode.GitLink }))
        {
            if (changed.Contains(path) || !StillToReset(path))
            {
                continue;
            }

            var entry = atHead[path]!;
            var blob = git.BlobOf(entry.Id);
            if (!asIndex.Contains(path))
            {
                var bits = modes.TryGetValue(path, out var recorded) && recorded.HasFlag(UnixFileMode.UserExecute) == (entry.Mode == Mode.ExecutableFile) ? recorded : (UnixFileMode?)null;
                WorkTreeFile.Write(WorkTreeFile.FullPath(root, path), blob, entry.Mode, new FilteringOptions(path), bits);
            }

            index.Add(blob, path, entry.Mode);
        }

        index.Write();
        return [.. changed.Order(StringComparer.Ordinal)];
    }
}
