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
    public List<string> Reset(IReadOnlyList<string> tracked, IReadOnlyList<string> untracked, Dictionary<string, StashEntry?> atHead, Dictionary<string, StoredFile> stored)
    {
        var root = git.Root;
        var index = git.Repo.Index;
        bool Unchanged(string path)
        {
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
            WorkTreeFile.Delete(full);
            WorkTreeFile.PruneEmptyFolders(root, full);
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
            WorkTreeFile.Write(WorkTreeFile.FullPath(root, path), blob, entry.Mode, new FilteringOptions(path));
            index.Add(blob, path, entry.Mode);
        }

        index.Write();
        return [.. changed.Order(StringComparer.Ordinal)];
    }
}
