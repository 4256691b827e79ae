using LibGit2Sharp;

namespace Lifecycle.Activities.Git.Stashing;

/// <summary>
/// Tells the session's own uncommitted work from the work its start restored and the close put
/// away again: an idle session that restores sixteen files and puts them back changed none.
/// </summary>
/// <remarks>
/// Both stashes hold files as their exact bytes (<see cref="StashWriter"/>), so a file put away
/// again untouched has the same blob and mode in both, and the same index entry. The restore drops
/// the stash it restored, but its objects stay in the object database until git prunes unreachable
/// objects (two weeks by default); when they are gone, every file counts as the session's.
/// </remarks>
internal sealed class RestoredWork(GitContext git)
{
    /// <summary>The files of <paramref name="putAway"/> the session changed since <paramref name="restoredSha"/> was restored.</summary>
    /// <remarks>
    /// A file the restore did not bring back is the session's as measured. One it brought back
    /// counts only when it differs from what was restored, measured against that version (or as
    /// measured, against HEAD, when a commit of the session changed it since).
    /// </remarks>
    public IReadOnlyList<FileChange> ChangedSince(string restoredSha, StashOutcome putAway)
    {
        if (putAway.StashSha is null || Lookup(restoredSha) is not { } restored || Lookup(putAway.StashSha) is not { } made)
        {
            return putAway.Files;
        }

        var before = new Version(git, restored);
        var after = new Version(git, made);
        var brought = before.ChangedPaths();
        var own = new List<FileChange>();
        foreach (var file in putAway.Files)
        {
            if (!brought.Contains(file.Path) || before.AtBase(file.Path) != after.AtBase(file.Path))
            {
                own.Add(file);
            }
            else if (!before.SameAs(after, file.Path))
            {
                var lines = git.Repo.Diff.Compare(before.Blob(file.Path), after.Blob(file.Path));
                own.Add(file with { Added = lines.LinesAdded, Deleted = lines.LinesDeleted, Binary = lines.IsBinaryComparison });
            }
        }

        return own;
    }

    /// <summary>
    /// The paths of <paramref name="uncommitted"/> the session changed since <paramref name="restoredSha"/>
    /// was restored, read from the work tree and the index as they are now: a path the restore
    /// brought back that still holds what it wrote (HEAD's entry, the index entry, and the file's
    /// bytes and mode, or its absence) is left out.
    /// </summary>
    /// <remarks>Reads only: nothing is written to the object database. All of them when the restored stash can no longer be read.</remarks>
    public IReadOnlyList<string> TouchedSince(string restoredSha, IReadOnlyList<string> uncommitted)
    {
        if (Lookup(restoredSha) is not { } restored)
        {
            return uncommitted;
        }

        var before = new Version(git, restored);
        var brought = before.ChangedPaths();
        var head = git.Repo.Head.Tip?.Tree;
        return [.. uncommitted.Where(path => !brought.Contains(path) || !before.IsNow(path, head))];
    }

    private Commit? Lookup(string sha)
    {
        try
        {
            return git.Repo.Lookup<Commit>(sha);
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    /// <summary>One stash as the stash writer shapes it: the work tree's commit, whose parents are HEAD then, the index, and the untracked files.</summary>
    private sealed class Version(GitContext git, Commit stash)
    {
        private readonly Tree _work = stash.Tree;
        private readonly Tree _base = stash.Parents.First().Tree;
        private readonly Tree? _index = stash.Parents.ElementAtOrDefault(1)?.Tree;
        private readonly Tree? _untracked = stash.Parents.ElementAtOrDefault(2)?.Tree;

        /// <summary>Every path the stash changes against its HEAD: in the work tree, the index, or untracked.</summary>
        public HashSet<string> ChangedPaths()
        {
            var paths = git.Trees.Compare(_base, _work).Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
            if (_index is not null)
            {
                paths.UnionWith(git.Trees.Compare(_base, _index).Select(c => c.Path));
            }

            if (_untracked is not null)
            {
                paths.UnionWith(GitContext.Files(_untracked).Select(f => f.Path));
            }

            return paths;
        }

        /// <summary>What HEAD held at the path when the stash was made.</summary>
        public StashEntry? AtBase(string path) => Entry(_base, path);

        /// <summary>Both stashes hold the path alike: in the work tree, in the index, and untracked or not.</summary>
        public bool SameAs(Version other, string path) =>
            Entry(_work, path) == Entry(other._work, path)
            && Entry(_index, path) == Entry(other._index, path)
            && Entry(_untracked, path) == Entry(other._untracked, path);

        /// <summary>The path is now as the stash holds it: the same HEAD entry, index entry (none for an untracked file), and file on disk.</summary>
        public bool IsNow(string path, Tree? head)
        {
            var untracked = Entry(_untracked, path);
            var index = git.Repo.Index[path] is { } staged ? new StashEntry(staged.Id, staged.Mode) : null;
            if (AtBase(path) != Entry(head, path) || index != (untracked is null ? Entry(_index, path) : null))
            {
                return false;
            }

            var full = WorkTreeFile.FullPath(git.Root, path);
            return (untracked ?? Entry(_work, path)) is { } file
                ? file.Mode != Mode.GitLink && WorkTreeFile.Matches(full, git.BlobOf(file.Id), file.Mode)
                : !WorkTreeFile.Exists(full);
        }

        /// <summary>The file's content as put away; null when it is gone (or a submodule).</summary>
        public Blob? Blob(string path) =>
            (Entry(_untracked, path) ?? Entry(_work, path)) is { Mode: not Mode.GitLink } entry ? git.BlobOf(entry.Id) : null;

        private StashEntry? Entry(Tree? tree, string path) =>
            tree is not null && git.PathsIn(tree)[path] is { } entry ? new StashEntry(entry.Target.Id, entry.Mode) : null;
    }
}
