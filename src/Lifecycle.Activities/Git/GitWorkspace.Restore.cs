using LibGit2Sharp;

namespace Lifecycle.Activities.Git;

public sealed partial class GitWorkspace
{
    /// <summary>
    /// Brings back the work <see cref="StashWork"/> put away for this session: found by its name,
    /// not its position (other stashes may be on top), written back byte for byte with file modes,
    /// the index as it was staged, then the stash is dropped.
    /// </summary>
    /// <remarks>
    /// Every stashed path is checked before anything is written. A path conflicts when it has local
    /// changes now (staged, unstaged, or an untracked or ignored file in the way), or when HEAD
    /// changed it since the stash was made. On a conflict nothing is touched, the stash is kept, and
    /// the paths are returned so the caller can record a blocker. Paths already holding exactly the
    /// stashed content do not conflict, so a restore interrupted half-way can simply be run again.
    /// Changes to other paths made since the stash (new commits included) are kept. Check out the
    /// session's branch first: on another branch the paths that branch changed will conflict.
    /// Stashed content is written as stored, without smudge filters (right for stashes made by
    /// <see cref="StashWork"/>, which stores raw bytes); when several stashes carry the name, the
    /// newest is restored.
    /// </remarks>
    /// <param name="sessionId">The session whose stash to restore.</param>
    /// <exception cref="SessionException">A bad session id (exit code 2), or another git process holding the index or a merge or rebase in progress (exit code 4).</exception>
    public RestoreOutcome RestoreStash(string sessionId)
    {
        var name = StashName.For(sessionId);
        if (FindStash(name) is not { } found)
        {
            return new RestoreOutcome(RestoreStatus.NothingToRestore, [], []);
        }

        EnsureReadyToWrite();
        var plan = PlanRestore(found.Stash);
        if (plan.Conflicts.Count > 0)
        {
            return new RestoreOutcome(RestoreStatus.Conflict, [], plan.Conflicts);
        }

        foreach (var item in plan.Items.Where(i => i.Work is null))
        {
            var full = WorkTreeFile.FullPath(Root, item.Path);
            WorkTreeFile.Delete(full);
            WorkTreeFile.PruneEmptyFolders(Root, full);
        }

        foreach (var item in plan.Items)
        {
            if (item.Work is { Target: Blob blob } work)
            {
                WorkTreeFile.Write(WorkTreeFile.FullPath(Root, item.Path), blob, work.Mode, smudge: null, durable: true);
            }

            if (!item.Untracked)
            {
                if (item.Index is { Target: Blob staged } index)
                {
                    _repo.Index.Add(staged, item.Path, index.Mode);
                }
                else if (_repo.Index[item.Path] is not null)
                {
                    _repo.Index.Remove(item.Path);
                }
            }
        }

        _repo.Index.Write();
        if (FindStash(name) is { } again && again.Stash.WorkTree.Id == found.Stash.WorkTree.Id)
        {
            _repo.Stashes.Remove(again.Position);
        }

        return new RestoreOutcome(RestoreStatus.Restored, [.. plan.Items.Select(i => i.Path)], []);
    }

    /// <summary>True when a stash carries this session's name (what <see cref="RestoreStash"/> would restore).</summary>
    /// <param name="sessionId">The session to look for.</param>
    /// <exception cref="SessionException">A bad session id (exit code 2).</exception>
    public bool HasStash(string sessionId) => FindStash(StashName.For(sessionId)) is not null;

    private RestorePlan PlanRestore(Stash stash)
    {
        var baseTree = stash.Base.Tree;
        var indexTree = stash.Index.Tree;
        var workTree = stash.WorkTree.Tree;
        var items = new List<RestoreItem>();
        var noRenames = new CompareOptions { Similarity = SimilarityOptions.None };
        var tracked = _repo.Diff.Compare<TreeChanges>(baseTree, workTree, noRenames)
            .Concat(_repo.Diff.Compare<TreeChanges>(baseTree, indexTree, noRenames))
            .SelectMany(c => new[] { c.Path, c.OldPath })
            .Distinct(StringComparer.Ordinal)
            .Where(p => PathsIn(baseTree)[p]?.Mode != Mode.GitLink && PathsIn(workTree)[p]?.Mode != Mode.GitLink && PathsIn(indexTree)[p]?.Mode != Mode.GitLink);
        foreach (var path in tracked)
        {
            items.Add(new RestoreItem(path, PathsIn(workTree)[path], PathsIn(indexTree)[path], PathsIn(baseTree)[path], Untracked: false));
        }

        if (stash.Untracked is { } untracked)
        {
            foreach (var (path, entry) in Files(untracked.Tree, ""))
            {
                items.Add(new RestoreItem(path, entry, null, null, Untracked: true));
            }
        }

        var head = _repo.Head.Tip;
        var changedHere = items.Count == 0
            ? []
            : Status([.. items.Select(i => i.Path)]).ToDictionary(e => e.FilePath, e => e.State, StringComparer.Ordinal);
        var conflicts = items.Where(i => !IsInPlace(i) && !IsUntouchedSinceStash(i, head, changedHere)).Select(i => i.Path).ToList();

        var deleted = items.Where(i => i.Work is null).Select(i => i.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var item in items.Where(i => i.Work is not null && !conflicts.Contains(i.Path)))
        {
            var parent = item.Path;
            while ((parent = Path.GetDirectoryName(parent)?.Replace('\\', '/')) is { Length: > 0 })
            {
                if (!deleted.Contains(parent) && WorkTreeFile.Exists(WorkTreeFile.FullPath(Root, parent)))
                {
                    conflicts.Add(item.Path);
                    break;
                }
            }
        }

        return new RestorePlan(items, [.. conflicts.Distinct().Order(StringComparer.Ordinal)]);
    }

    /// <summary>The path already holds exactly what the stash would put there (a restore run again).</summary>
    private bool IsInPlace(RestoreItem item)
    {
        var full = WorkTreeFile.FullPath(Root, item.Path);
        var workInPlace = item.Work is { Target: Blob blob } work
            ? WorkTreeFile.Matches(full, blob, work.Mode)
            : !WorkTreeFile.Exists(full) && !Directory.Exists(full);
        var current = _repo.Index[item.Path];
        var indexInPlace = item.Untracked || item.Index is null
            ? current is null
            : current is not null && current.Id == item.Index.Target.Id && current.Mode == item.Index.Mode;
        return workInPlace && indexInPlace;
    }

    /// <summary>HEAD holds the path as the stash's base did, and the index and work tree still match HEAD there.</summary>
    private bool IsUntouchedSinceStash(RestoreItem item, Commit? head, Dictionary<string, FileStatus> changedHere)
    {
        var atHead = PathsIn(head?.Tree)[item.Path];
        if (!SameEntry(atHead, item.Base))
        {
            return false;
        }

        var current = _repo.Index[item.Path];
        if (atHead is null)
        {
            var full = WorkTreeFile.FullPath(Root, item.Path);
            return current is null && !WorkTreeFile.Exists(full) && !Directory.Exists(full);
        }

        return current is not null && current.Id == atHead.Target.Id && current.Mode == atHead.Mode
            && !changedHere.ContainsKey(item.Path);
    }

    private static bool SameEntry(TreeEntry? left, TreeEntry? right) =>
        left is null ? right is null : right is not null && left.Target.Id == right.Target.Id && left.Mode == right.Mode;

    private static IEnumerable<(string Path, TreeEntry Entry)> Files(Tree tree, string prefix)
    {
        foreach (var entry in tree)
        {
            var path = prefix + entry.Name;
            if (entry.Target is Tree child)
            {
                foreach (var file in Files(child, path + "/"))
                {
                    yield return file;
                }
            }
            else
            {
                yield return (path, entry);
            }
        }
    }

    private sealed record RestoreItem(string Path, TreeEntry? Work, TreeEntry? Index, TreeEntry? Base, bool Untracked);

    private sealed record RestorePlan(IReadOnlyList<RestoreItem> Items, IReadOnlyList<string> Conflicts);
}
