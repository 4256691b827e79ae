using LibGit2Sharp;

namespace Lifecycle.Activities.Git.Stashing;

/// <summary>
/// Puts a session's uncommitted work away as a stash named after it, and leaves the working tree
/// and index at HEAD.
/// </summary>
public sealed class StashWriter
{
    /// <summary>The status flags that say the work tree differs from the index at that path.</summary>
    private const FileStatus WorkTreeSide = FileStatus.NewInWorkdir | FileStatus.ModifiedInWorkdir | FileStatus.DeletedFromWorkdir
        | FileStatus.TypeChangeInWorkdir | FileStatus.RenamedInWorkdir | FileStatus.Unreadable;

    /// <summary>Entries git takes as the index has them, whatever the file on disk holds (or whether there is one).</summary>
    private const IndexEntryFlags AsIndexHasIt = IndexEntryFlags.SkipWorktree | IndexEntryFlags.AssumeUnchanged;

    /// <summary>A status flag that says the index differs from HEAD at that path.</summary>
    private const FileStatus StagedOrConflicted = FileStatus.NewInIndex | FileStatus.ModifiedInIndex | FileStatus.DeletedFromIndex
        | FileStatus.RenamedInIndex | FileStatus.TypeChangeInIndex | FileStatus.Conflicted;

    private readonly GitContext _git;
    private readonly WorkTreeStatus _status;
    private readonly StashList _stashes;
    private readonly StashWorkTree _workTree;

    internal StashWriter(GitContext git, WorkTreeStatus status, StashList stashes)
    {
        _git = git;
        _status = status;
        _stashes = stashes;
        _workTree = new StashWorkTree(git);
    }

    /// <summary>Called once the stash is written, before the files are reset: where a test plays an editor saving meanwhile.</summary>
    internal Action? BeforeReset { get; set; }

    private Repository Repo => _git.Repo;

    private string Root => _git.Root;

    /// <summary>
    /// Puts away every uncommitted change (staged, unstaged and untracked, never ignored files) as
    /// a stash named <c>lifecycle session &lt;sessionId&gt;</c>, and leaves the working tree and
    /// index at HEAD.
    /// </summary>
    /// <remarks>
    /// The stash has git's own shape (a work-tree commit whose parents are HEAD, the index and the
    /// untracked files), so <c>git stash list</c> shows it and <c>git stash apply</c> can use it.
    /// Unlike <c>git stash</c>, files are stored as their exact bytes, bypassing clean filters, so a
    /// CRLF file under <c>text=auto</c> comes back byte for byte; the index is stored as staged.
    /// Changed submodules and untracked nested repositories cannot be stashed and stay in place
    /// (listed in <see cref="StashOutcome.Skipped"/>). The stash is written and checked before any
    /// file is touched. What trees cannot hold goes in the stash's notes (<see cref="StashNotes"/>):
    /// permission bits other than a new file's (a reset file keeps them too), and the index flags.
    /// A skip-worktree or assume-unchanged file is what its index entry holds, as git sees it: its
    /// file is never read or reset, only a staged change there is put away. An intent-to-add entry
    /// stays out of the stash's index, as <c>git write-tree</c> leaves it out.
    /// </remarks>
    /// <param name="sessionId">The session whose work this is; the stash restorer finds it by this id.</param>
    /// <param name="leave">Paths (relative, forward slashes) to leave where they are, e.g. the session's own documents.</param>
    /// <param name="snapshot">A status taken earlier (<see cref="WorkTreeStatus.TakeSnapshot"/>), used instead of a new one while it still holds.</param>
    /// <returns>
    /// The stash and the files in it with line counts against HEAD and their kind of change (a
    /// staged rename is one file, measured against the old path, as <c>git diff -M HEAD</c> counts
    /// it), or nothing to stash.
    /// </returns>
    /// <exception cref="SessionException">
    /// No commit yet or a bad session id (exit code 2); a merge or rebase in progress, unresolved
    /// conflicts, or another git process holding the index (exit code 4).
    /// </exception>
    public StashOutcome Write(string sessionId, Func<string, bool>? leave = null, StatusSnapshot? snapshot = null)
    {
        var name = _stashes.NameFor(sessionId);
        var head = Repo.Head.Tip
            ?? throw new SessionException($"Cannot stash in {Root}: the repository has no commits yet. Make a first commit, or close the session with --no-stash.", ErrorKind.InvalidInput);
        _git.EnsureReadyToWrite();
        var flagged = IndexFlagFile.Read(Repo.Info.Path);
        var span = Lifecycle.Workflows.Hosting.CommandTrace.Begin("stash: status");

        // A skip-worktree or assume-unchanged file is, to git, what its index entry holds (libgit2
        // reports a sparse checkout's absent files as deleted): only a staged change there is work.
        var entries = _status.Changes(snapshot)
            .Select(e => (flagged.GetValueOrDefault(e.Path) & AsIndexHasIt) != 0 ? e with { State = e.State & ~WorkTreeSide } : e)
            .Where(e => e.State != FileStatus.Unaltered)
            .ToList();
        // Status leaves submodules out, so a staged submodule pointer does not show there: an index
        // holding any gitlink takes the general way.
        var indexIsHead = !entries.Any(e => (e.State & StagedOrConflicted) != 0) && !IndexHasGitLinks();
        var skipped = entries.Where(_status.IsSkipped).Select(e => e.Path.TrimEnd('/')).ToList();
        entries.RemoveAll(_status.IsSkipped);
        entries.RemoveAll(WorkTreeStatus.IsLifecycleState);
        if (leave is not null)
        {
            entries.RemoveAll(e => leave(e.Path.TrimEnd('/')));
        }

        span.Dispose();
        var conflicted = entries.Where(e => e.State.HasFlag(FileStatus.Conflicted)).Select(e => e.Path).ToList();
        if (conflicted.Count > 0)
        {
            throw new SessionException($"Cannot stash with unresolved merge conflicts in {string.Join(", ", conflicted)}: resolve them and 'git add' the files first.", ErrorKind.Conflict);
        }

        if (entries.Count == 0)
        {
            return StashOutcome.Nothing(skipped);
        }

        // An untracked file gone since the status was taken (an editor's temporary file) has nothing to put away.
        var untracked = entries.Where(e => e.State == FileStatus.NewInWorkdir).Select(e => e.Path)
            .Where(p => WorkTreeFile.Exists(WorkTreeFile.FullPath(Root, p))).ToList();
        var tracked = entries.Where(e => e.State != FileStatus.NewInWorkdir).Select(e => e.Path).ToList();
        var stored = new Dictionary<string, StoredFile>(StringComparer.Ordinal);
        var kept = tracked.Where(flagged.ContainsKey).ToDictionary(p => p, p => flagged[p], StringComparer.Ordinal);
        var asIndex = kept.Where(k => (k.Value & AsIndexHasIt) != 0).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        span = Lifecycle.Workflows.Hosting.CommandTrace.Begin("stash: write the stash");
        var stash = WriteStash(name, head, new StashedPaths(tracked, untracked, asIndex, kept), stored, indexIsHead);
        span.Dispose();
        span = Lifecycle.Workflows.Hosting.CommandTrace.Begin("stash: read it back, check it holds every file");
        if (_stashes.Find(name)?.Stash.WorkTree.Id != stash.Id)
        {
            throw new SessionException($"The stash '{name}' could not be read back after writing it; nothing was changed. Check the repository with 'git fsck'.", ErrorKind.Failure);
        }

        if (NotInStash(stash, untracked, stored) is { Count: > 0 } missing)
        {
            throw new SessionException($"The stash '{name}' does not hold {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? $" and {missing.Count - 5} more" : "")} as read from the work tree, so nothing was reset: your files are as they were. Commit them, or close with 'lifecycle end --no-stash'.", ErrorKind.Failure);
        }

        span.Dispose();
        span = Lifecycle.Workflows.Hosting.CommandTrace.Begin("stash: flush and measure");

        // The flush waits on the disk while the measuring below uses the CPU; both end before any reset.
        var stashFiles = StashFiles(stash, stored.Values);
        var common = _git.CommonGitDirectory;
        var flushed = Task.Run(() => WorkTreeFile.FlushToDisk(stashFiles, common));
        var measure = new StashMeasure(_git);
        var atHead = measure.HeadEntries(head, stash, tracked);
        var asStaged = asIndex.Where(p => Repo.Index[p] is not null)
            .ToDictionary(p => p, p => new StoredFile(_git.BlobOf(Repo.Index[p].Id), Repo.Index[p].Mode, FilterNeutral: true), StringComparer.Ordinal);
        var staged = entries.Where(e => (e.State & StagedOrConflicted) != 0).Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        var files = measure.All(head, stash, new MeasuredPaths(tracked, untracked, atHead, staged, p => stored.GetValueOrDefault(p) ?? asStaged.GetValueOrDefault(p)));
        flushed.GetAwaiter().GetResult();
        span.Dispose();
        BeforeReset?.Invoke();
        span = Lifecycle.Workflows.Hosting.CommandTrace.Begin("stash: reset the work tree");
        var modes = StashNotes.Modes(stash.Message);
        var changedMeanwhile = new HeadReset(_git).Reset(tracked, untracked, atHead, stored, asIndex, modes);

        // LibGit2Sharp drops the flags of the entries it writes again: the ones left in the index get them back.
        IndexFlagFile.Set(Repo.Info.Path, flagged.Where(f => !f.Value.HasFlag(IndexEntryFlags.IntentToAdd)), _ => false);
        span.Dispose();
        return new StashOutcome(stash.Sha, files, [.. skipped, .. changedMeanwhile]);
    }

    /// <summary>
    /// The files read from the work tree that the stash's trees do not hold as read: checked before
    /// anything is reset, so no way of building the stash can lose a file (a case-only rename under
    /// <c>core.ignorecase</c> once did).
    /// </summary>
    private List<string> NotInStash(Commit stash, IReadOnlyList<string> untracked, Dictionary<string, StoredFile> stored)
    {
        var untrackedTree = untracked.Count > 0 ? stash.Parents.ElementAtOrDefault(2)?.Tree : null;
        var inUntracked = untracked.ToHashSet(StringComparer.Ordinal);
        return [.. stored.Where(file =>
            {
                var entry = (inUntracked.Contains(file.Key) ? _git.PathsIn(untrackedTree) : _git.PathsIn(stash.Tree))[file.Key];
                return entry is null || entry.Target.Id != file.Value.Blob.Id || entry.Mode != file.Value.Mode;
            })
            .Select(file => file.Key)
            .Order(StringComparer.Ordinal)];
    }

    private bool IndexHasGitLinks()
    {
        var file = Path.Combine(Repo.Info.Path, "index");
        return File.Exists(file) && Reality.IndexStages.HasGitLinks(File.ReadAllBytes(file)) != false;
    }

    // indexIsHead: the status saw nothing staged, so the index's tree is HEAD's and need not be written.
    private Commit WriteStash(string name, Commit head, StashedPaths paths, Dictionary<string, StoredFile> stored, bool indexIsHead)
    {
        var (tracked, untracked, _, flags) = paths;
        var branch = _git.CurrentBranch ?? "(no branch)";
        var onHead = $"{branch}: {head.Sha[..7]} {head.MessageShort}";
        var signature = _git.Signature();
        var indexTree = indexIsHead ? head.Tree : Repo.ObjectDatabase.CreateTree(Repo.Index);

        // An intent-to-add entry stages nothing: git's write-tree leaves it out, libgit2 writes it as an empty file.
        if (flags.Where(f => f.Value.HasFlag(IndexEntryFlags.IntentToAdd)).Select(f => f.Key).ToList() is { Count: > 0 } intended)
        {
            var definition = TreeDefinition.From(indexTree);
            intended.ForEach(p => definition.Remove(p));
            indexTree = Repo.ObjectDatabase.CreateTree(definition);
        }

        var indexCommit = Repo.ObjectDatabase.CreateCommit(signature, signature, $"index on {onHead}\n", indexTree, [head], false);

        var parents = new List<Commit> { head, indexCommit };
        if (untracked.Count > 0)
        {
            var files = new TreeDefinition();
            foreach (var path in untracked)
            {
                var file = stored[path] = WorkTreeFile.Store(Repo, WorkTreeFile.FullPath(Root, path), _git.KnownMode(head, path));
                files.Add(path, file.Blob, file.Mode);
            }

            var tree = Repo.ObjectDatabase.CreateTree(files);
            var modes = StashNotes.ModeLines(untracked.Select(p => (p, WorkTreeFile.FullPath(Root, p))));
            parents.Add(Repo.ObjectDatabase.CreateCommit(signature, signature, StashNotes.Message($"untracked files on {onHead}\n", modes), tree, [], false));
        }

        var message = $"On {branch}: {name}";
        var workTree = _workTree.Build(head, [.. tracked.Where(p => !paths.AsIndex.Contains(p))], stored, indexIsHead);
        var notes = StashNotes.ModeLines(tracked.Where(stored.ContainsKey).Select(p => (p, WorkTreeFile.FullPath(Root, p))).Concat(Folders(stored.Keys)))
            + StashNotes.FlagLines(flags);
        var stash = Repo.ObjectDatabase.CreateCommit(signature, signature, StashNotes.Message(message + "\n", notes), workTree, parents, false);
        EnsureStashLog();
        Repo.Refs.Add("refs/stash", stash.Id, message, allowOverwrite: true);
        return stash;
    }

    /// <summary>The folders holding these files (each with a trailing slash), with their full paths: their modes go in the notes.</summary>
    private IEnumerable<(string Path, string Full)> Folders(IEnumerable<string> files)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            for (var slash = file.IndexOf('/'); slash > 0; slash = file.IndexOf('/', slash + 1))
            {
                folders.Add(file[..(slash + 1)]);
            }
        }

        return folders.Select(f => (f, WorkTreeFile.FullPath(Root, f.TrimEnd('/'))));
    }

    /// <summary>
    /// Stashes live in the reflog of refs/stash, which libgit2 only writes when the log file exists
    /// (LibGit2Sharp does not expose git_reference_ensure_log), so create it as git stash does.
    /// </summary>
    private void EnsureStashLog()
    {
        var log = Path.Combine(_git.CommonGitDirectory, "logs", "refs", "stash");
        if (!File.Exists(log))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(log)!);
            using (File.Open(log, FileMode.OpenOrCreate))
            {
            }
        }
    }

    /// <summary>
    /// The files that put the stash on disk, to flush before the files it holds are reset: libgit2
    /// writes objects without fsync, so a power cut right after could otherwise leave neither the
    /// files nor their copies.
    /// </summary>
    /// <remarks>
    /// The stored files' blobs (the work itself), the stash's commits and top trees, and the stash
    /// ref and its log, with the folders holding them, and every tree the tree writer wrote; trees
    /// below the top ones that libgit2 wrote from the index (with something staged) are not (a power
    /// cut could lose them, and <c>git fsck --lost-found</c> would still find the files' contents). Objects already packed are
    /// durable and have no loose file, which the flush skips.
    /// </remarks>
    private List<string> StashFiles(Commit stash, IEnumerable<StoredFile> stored)
    {
        var common = _git.CommonGitDirectory;
        var commits = stash.Parents.Skip(1).Append(stash).ToList();
        return
        [
            .. stored.Select(f => f.Blob.Id)
                .Concat(commits.Select(c => c.Id))
                .Concat(commits.Select(c => c.Tree.Id))
                .Concat(_workTree.WrittenTrees)
                .Distinct()
                .Select(id => Path.Combine(common, "objects", id.Sha[..2], id.Sha[2..])),
            Path.Combine(common, "refs", "stash"),
            Path.Combine(common, "logs", "refs", "stash"),
        ];
    }

    /// <summary>The paths a stash puts away.</summary>
    /// <param name="Tracked">Tracked paths with staged or unstaged changes.</param>
    /// <param name="Untracked">Untracked files.</param>
    /// <param name="AsIndex">Tracked paths git takes as the index has them (skip-worktree, assume-unchanged): their files are never read or touched.</param>
    /// <param name="Flags">The index entry flags of tracked paths, noted in the stash for the restore.</param>
    private sealed record StashedPaths(IReadOnlyList<string> Tracked, IReadOnlyList<string> Untracked, IReadOnlySet<string> AsIndex, IReadOnlyDictionary<string, IndexEntryFlags> Flags);
}
