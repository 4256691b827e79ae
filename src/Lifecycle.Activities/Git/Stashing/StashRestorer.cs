using LibGit2Sharp;

namespace Lifecycle.Activities.Git.Stashing;

/// <summary>Brings back the work the stash writer put away for a session, then drops the stash.</summary>
public sealed class StashRestorer
{
    private readonly GitContext _git;
    private readonly WorkTreeStatus _status;
    private readonly StashList _stashes;

    internal StashRestorer(GitContext git, WorkTreeStatus status, StashList stashes)
    {
        _git = git;
        _status = status;
        _stashes = stashes;
    }

    /// <summary>Called once the restore is planned, before anything is written: where a test plays an editor saving meanwhile.</summary>
    internal Action? BeforeRestoreWrites { get; set; }

    /// <summary>Called after the index is written, before its flags are set again: where a test plays a git process taking the index.</summary>
    internal Action? BeforeIndexFlags { get; set; }

    /// <summary>Called after each file is written or deleted, with its path: where a test plays a crash half-way.</summary>
    internal Action<string>? AfterFileWritten { get; set; }

    private Repository Repo => _git.Repo;

    private string Root => _git.Root;

    /// <summary>
    /// Brings back the work <see cref="StashWriter"/> put away for this session: found by its name,
    /// not its position (other stashes may be on top), written back byte for byte with file modes,
    /// the index as it was staged, then the stash is dropped.
    /// </summary>
    /// <remarks>
    /// Every stashed path is checked before anything is written. A path conflicts when it has local
    /// changes now (staged, unstaged, or an untracked or ignored file in the way), or when HEAD
    /// changed it since the stash was made. On a conflict nothing is touched, the stash is kept, and
    /// the paths are returned so the caller can record a blocker. A path whose file already holds
    /// exactly the stashed content and mode does not conflict (its index entry may still be HEAD's:
    /// the index is written last), so a restore killed half-way is finished by running it again.
    /// Changes to other paths made since the stash (new commits included) are kept. Check out the
    /// session's branch first: on another branch the paths that branch changed will conflict.
    /// Stashed content is written as stored, without smudge filters (right for stashes made by
    /// <see cref="StashWriter"/>, which stores raw bytes); when several stashes carry the name, the
    /// newest is restored. The notes' permission bits and index flags are set again; a folder the
    /// stash puts a file in place of is no conflict when every file in it is restored away. When
    /// the index flags cannot be set again the outcome is <see cref="RestoreStatus.Partial"/> with
    /// a <see cref="RestoreOutcome.Problem"/>, and the stash is kept.
    /// </remarks>
    /// <param name="sessionId">The session whose stash to restore.</param>
    /// <exception cref="SessionException">A bad session id (exit code 2), or another git process holding the index or a merge or rebase in progress (exit code 4).</exception>
    public RestoreOutcome Restore(string sessionId)
    {
        var name = _stashes.NameFor(sessionId);
        if (_stashes.Find(name) is not { } found)
        {
            return new RestoreOutcome(RestoreStatus.NothingToRestore, [], []);
        }

        _git.EnsureReadyToWrite();
        var flags = StashNotes.Flags(found.Stash.WorkTree.Message);
        var plan = Plan(found.Stash, flags);
        if (plan.Conflicts.Count > 0)
        {
            return new RestoreOutcome(RestoreStatus.Conflict, [], plan.Conflicts);
        }

        BeforeRestoreWrites?.Invoke();
        var modes = StashNotes.Modes(found.Stash.WorkTree.Message);
        if (found.Stash.Untracked is { } untrackedCommit)
        {
            foreach (var (path, bits) in StashNotes.Modes(untrackedCommit.Message))
            {
                modes[path] = bits;
            }
        }

        // A path written since the plan looked at it (an editor saving meanwhile) keeps that edit:
        // each is checked again just before it is touched.
        var written = new HashSet<string>(StringComparer.Ordinal);
        bool StillAsPlanned(RestoreItem item)
        {
            var now = FileStamp.Of(WorkTreeFile.FullPath(Root, item.Path));
            var then = plan.Stamps[item.Path];

            // A folder in the way that is gone now was emptied and pruned by the deletions above.
            if (now == then || (then.IsFolder && !now.Exists))
            {
                return true;
            }

            written.Add(item.Path);
            return false;
        }

        // Files git takes as their index entry has them (skip-worktree, assume-unchanged) were not
        // put away: only their index entries are restored.
        var files = plan.Items.Where(i => !i.AsIndex).ToList();
        foreach (var item in files.Where(i => i.Work is null).Where(StillAsPlanned))
        {
            var full = WorkTreeFile.FullPath(Root, item.Path);
            WorkTreeFile.Delete(full);
            WorkTreeFile.PruneEmptyFolders(Root, full);
            AfterFileWritten?.Invoke(item.Path);
        }

        RestoreFolders.CreateMissing(Root, modes);
        foreach (var item in files.Where(i => i.Work is not null && !written.Contains(i.Path)).Where(StillAsPlanned))
        {
            var work = item.Work!;
            WorkTreeFile.Write(WorkTreeFile.FullPath(Root, item.Path), _git.BlobOf(work.Id), work.Mode, smudge: null,
                modes.TryGetValue(item.Path, out var bits) ? bits : null);
            AfterFileWritten?.Invoke(item.Path);
        }

        // Removals before additions: a file that replaced a folder cannot enter the index while the folder's files are in it.
        var inIndex = plan.Items.Where(i => !i.Untracked && !written.Contains(i.Path)).ToList();
        foreach (var item in inIndex.Where(i => i.Index is null && Repo.Index[i.Path] is not null))
        {
            Repo.Index.Remove(item.Path);
        }

        foreach (var item in inIndex.Where(i => i.Index is not null))
        {
            Repo.Index.Add(_git.BlobOf(item.Index!.Id), item.Path, item.Index.Mode);
        }

        var restored = plan.Items.Where(i => !written.Contains(i.Path)).ToList();

        WorkTreeFile.FlushToDisk([.. restored.Where(i => i.Work is not null && !i.AsIndex).Select(i => WorkTreeFile.FullPath(Root, i.Path))], Root);
        Repo.Index.Write();
        BeforeIndexFlags?.Invoke();
        var executable = plan.Items.Where(i => i.Work?.Mode == Mode.ExecutableFile).Select(i => i.Path).ToHashSet(StringComparer.Ordinal);
        var unkept = IndexFlagFile.Set(Repo.Info.Path, flags.Where(f => !written.Contains(f.Key)), executable.Contains);
        if (written.Count > 0)
        {
            return new RestoreOutcome(RestoreStatus.Partial, [.. restored.Select(i => i.Path)], [.. written.Order(StringComparer.Ordinal)]);
        }

        if (unkept.Count > 0)
        {
            return new RestoreOutcome(RestoreStatus.Partial, [.. restored.Select(i => i.Path)], unkept,
                $"git's index flags (skip-worktree, assume-unchanged, intent-to-add) of {string.Join(", ", unkept)} could not be set again");
        }

        if (_stashes.Find(name) is { } again && again.Stash.WorkTree.Id == found.Stash.WorkTree.Id)
        {
            Repo.Stashes.Remove(again.Position);
        }

        return new RestoreOutcome(RestoreStatus.Restored, [.. plan.Items.Select(i => i.Path)], []);
    }

    private RestorePlan Plan(Stash stash, IReadOnlyDictionary<string, IndexEntryFlags> flags)
    {
        // Both diffs start from the stash's base, so each change carries the base entry (old side)
        // and the stash's (new side); a path one diff does not list is as in the base there.
        var work = _git.Trees.ByPath(stash.Base.Tree, stash.WorkTree.Tree);
        var index = _git.Trees.ByPath(stash.Base.Tree, stash.Index.Tree);
        var items = new List<RestoreItem>();
        foreach (var path in work.Keys.Union(index.Keys).Order(StringComparer.Ordinal))
        {
            var change = work.TryGetValue(path, out var w) ? w : index[path];
            var atBase = change.OldExists ? new StashEntry(change.OldId!, change.OldMode) : null;
            var inWork = w is null ? atBase : w.Exists ? new StashEntry(w.NewId!, w.NewMode) : null;
            var inIndex = !index.TryGetValue(path, out var i) ? atBase : i.Exists ? new StashEntry(i.NewId!, i.NewMode) : null;
            if (atBase?.Mode != Mode.GitLink && inWork?.Mode != Mode.GitLink && inIndex?.Mode != Mode.GitLink)
            {
                var asIndex = (flags.GetValueOrDefault(path) & (IndexEntryFlags.SkipWorktree | IndexEntryFlags.AssumeUnchanged)) != 0;
                items.Add(new RestoreItem(path, inWork, inIndex, atBase, Untracked: false) { AsIndex = asIndex });
            }
        }

        if (stash.Untracked is { } untracked)
        {
            foreach (var (path, entry) in GitContext.Files(untracked.Tree))
            {
                items.Add(new RestoreItem(path, new StashEntry(entry.Target.Id, entry.Mode), null, null, Untracked: true));
            }
        }

        // Taken before the status below looks at the files, so a write after it shows at write time.
        var stamps = items.ToDictionary(i => i.Path, i => FileStamp.Of(WorkTreeFile.FullPath(Root, i.Path)), StringComparer.Ordinal);
        var head = Repo.Head.Tip;
        var changedHere = items.Count == 0
            ? []
            : _status.Status([.. items.Select(i => i.Path)]).ToDictionary(e => e.FilePath, e => e.State, StringComparer.Ordinal);
        // What HEAD changed since the stash's base (often only the last session's docs commit).
        var sinceBase = head is null ? null : _git.Trees.ByPath(stash.Base.Tree, head.Tree);
        StashEntry? AtHead(RestoreItem item) =>
            sinceBase is null ? null
            : !sinceBase.TryGetValue(item.Path, out var change) ? item.Base
            : change.Exists ? new StashEntry(change.NewId!, change.NewMode) : null;
        var conflicts = items.Where(i => !IsInPlace(i, AtHead(i)) && !IsUntouchedSinceStash(i, AtHead(i), changedHere)).Select(i => i.Path).ToList();

        // A folder where the stash puts a file (a folder replaced by a file) is no conflict when
        // the restore deletes everything in it: the deletions prune it before the file is written.
        var deleted = items.Where(i => i.Work is null && !i.AsIndex && !conflicts.Contains(i.Path)).Select(i => i.Path).ToHashSet(StringComparer.Ordinal);
        var byPath = items.ToDictionary(i => i.Path, StringComparer.Ordinal);
        conflicts.RemoveAll(path => byPath[path] is { Work: not null, AsIndex: false } item && AtHead(item) is null && item.Base is null
            && Repo.Index[item.Path] is null && RestoreFolders.InTheWayGoes(Root, item.Path, deleted));
        foreach (var item in items.Where(i => i.Work is not null && !i.AsIndex && !conflicts.Contains(i.Path)))
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

        return new RestorePlan(items, [.. conflicts.Distinct().Order(StringComparer.Ordinal)], stamps);
    }

    /// <summary>
    /// The path already holds what the stash would put there: a restore run again after it stopped
    /// half-way (a crash, a kill) finishes the job instead of calling its own work a conflict.
    /// </summary>
    /// <remarks>
    /// The work tree must hold the stashed file exactly (content and mode; absent when the stash
    /// deletes it). The index then holds either the stash's entry (the earlier run got that far)
    /// or, where HEAD has not changed the path since the stash was made, HEAD's entry: the earlier
    /// run wrote the file but stopped before it wrote the index, which is written last.
    /// </remarks>
    private bool IsInPlace(RestoreItem item, StashEntry? atHead)
    {
        var full = WorkTreeFile.FullPath(Root, item.Path);
        var workInPlace = item.AsIndex
            || (item.Work is { } work
                ? WorkTreeFile.Matches(full, _git.BlobOf(work.Id), work.Mode)
                : !WorkTreeFile.Exists(full) && !Directory.Exists(full));
        if (!workInPlace)
        {
            return false;
        }

        var current = Repo.Index[item.Path];
        bool IndexHolds(StashEntry? entry) => entry is null ? current is null : current is not null && current.Id == entry.Id && current.Mode == entry.Mode;
        return IndexHolds(item.Untracked ? null : item.Index) || (atHead == item.Base && IndexHolds(atHead));
    }

    /// <summary>HEAD holds the path as the stash's base did, and the index and work tree still match HEAD there.</summary>
    /// <remarks>Only the index counts for a file git takes as its index entry has it.</remarks>
    private bool IsUntouchedSinceStash(RestoreItem item, StashEntry? atHead, Dictionary<string, FileStatus> changedHere)
    {
        if (atHead != item.Base)
        {
            return false;
        }

        var current = Repo.Index[item.Path];
        if (item.AsIndex)
        {
            return atHead is null ? current is null : current is not null && current.Id == atHead.Id && current.Mode == atHead.Mode;
        }

        if (atHead is null)
        {
            var full = WorkTreeFile.FullPath(Root, item.Path);
            return current is null && !WorkTreeFile.Exists(full) && !Directory.Exists(full);
        }

        return current is not null && current.Id == atHead.Id && current.Mode == atHead.Mode
            && !changedHere.ContainsKey(item.Path);
    }

    private sealed record RestoreItem(string Path, StashEntry? Work, StashEntry? Index, StashEntry? Base, bool Untracked)
    {
        /// <summary>A skip-worktree or assume-unchanged entry: its file was neither put away nor is written back.</summary>
        public bool AsIndex { get; init; }
    }

    private sealed record RestorePlan(IReadOnlyList<RestoreItem> Items, IReadOnlyList<string> Conflicts, IReadOnlyDictionary<string, FileStamp> Stamps);
}
