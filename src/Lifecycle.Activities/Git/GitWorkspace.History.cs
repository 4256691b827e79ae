using LibGit2Sharp;

namespace Lifecycle.Activities.Git;

public sealed partial class GitWorkspace
{
    private const long LargestCountedFile = 1024 * 1024;

    /// <summary>
    /// The commits reachable from HEAD and not from <paramref name="fromSha"/>, newest first, each
    /// with the files it changed (like <c>git log --numstat --no-renames</c>).
    /// </summary>
    /// <param name="fromSha">The session's starting commit; null for the whole history.</param>
    /// <param name="excludeShas">Commits to leave out, such as the session's docs commit.</param>
    /// <exception cref="SessionException"><paramref name="fromSha"/> names no commit (exit code 2).</exception>
    public IReadOnlyList<CommitSummary> CommitsSince(string? fromSha, IReadOnlySet<string>? excludeShas = null)
    {
        return [.. Walk(fromSha, excludeShas).Select(c => new CommitSummary(c.Commit.Sha, c.Commit.MessageShort, c.Commit.Author.When, c.Commit.Author.Name,
            c.IsMerge ? [] : [.. _repo.Diff.Compare<Patch>(c.Parent?.Tree, c.Commit.Tree, NoRenames)
                .Select(e => new FileChange(e.Path, e.LinesAdded, e.LinesDeleted, e.IsBinaryComparison))]))];
    }

    /// <summary>
    /// The same commits as <see cref="CommitsSince"/> with only the paths they changed: no file
    /// content is read, so it costs a tree comparison per commit instead of a diff of every file.
    /// </summary>
    /// <exception cref="SessionException"><paramref name="fromSha"/> names no commit (exit code 2).</exception>
    public IReadOnlyList<CommitFiles> ChangedPathsSince(string? fromSha)
    {
        return [.. Walk(fromSha, null).Select(c => new CommitFiles(c.Commit.Sha, c.Commit.Author.Name,
            c.IsMerge ? [] : [.. CompareTrees(c.Parent?.Tree, c.Commit.Tree).Select(e => e.Path)]))];
    }

    private IEnumerable<(Commit Commit, Commit? Parent, bool IsMerge)> Walk(string? fromSha, IReadOnlySet<string>? excludeShas)
    {
        if (_repo.Head.Tip is not { } tip)
        {
            yield break;
        }

        var filter = new CommitFilter { IncludeReachableFrom = tip, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time };
        if (fromSha is not null)
        {
            filter.ExcludeReachableFrom = LookupCommit(fromSha);
        }

        foreach (var commit in _repo.Commits.QueryBy(filter))
        {
            if (excludeShas?.Contains(commit.Sha) == true)
            {
                continue;
            }

            var parents = commit.Parents.Take(2).ToList();
            yield return (commit, parents.FirstOrDefault(), parents.Count > 1);
        }
    }

    /// <summary>
    /// Commits the working-tree content of exactly these paths on top of HEAD, and nothing else:
    /// whatever the user has staged for other paths stays staged and out of the commit.
    /// </summary>
    /// <remarks>
    /// The commit's tree is HEAD's tree with these files replaced (through git's clean filters, as
    /// <c>git add</c> would) or removed when missing from disk. Afterwards the index entries of these
    /// paths match the commit. Commit hooks do not run: LibGit2Sharp does not run hooks. Author and
    /// committer come from git's <c>user.name</c> and <c>user.email</c> (<c>Lifecycle
    /// &lt;lifecycle@localhost&gt;</c> when unset); the commit is not signed.
    /// </remarks>
    /// <param name="paths">Files relative to the working tree's root (or absolute inside it).</param>
    /// <param name="message">The commit message.</param>
    /// <returns>The new commit's sha, or null when these paths already match HEAD (no empty commit is made).</returns>
    /// <exception cref="SessionException">
    /// No paths, no message, a folder, or a path outside the repository (exit code 2), or another git
    /// process holding the index or a merge or rebase in progress (exit code 4).
    /// </exception>
    public string? CommitPaths(IReadOnlyList<string> paths, string message)
    {
        if (paths.Count == 0 || string.IsNullOrWhiteSpace(message))
        {
            throw new SessionException("Nothing to commit: pass at least one file and a non-empty message.", ErrorKind.InvalidInput);
        }

        EnsureReadyToWrite();
        var head = _repo.Head.Tip;
        var tree = head is null ? new TreeDefinition() : TreeDefinition.From(head.Tree);
        var staged = new List<(string Path, Blob? Blob, Mode Mode)>();
        foreach (var path in paths.Select(RelativePath).Distinct(StringComparer.Ordinal))
        {
            var full = WorkTreeFile.FullPath(Root, path);
            if (!WorkTreeFile.Exists(full))
            {
                tree.Remove(path);
                staged.Add((path, null, Mode.Nonexistent));
                continue;
            }

            var (blob, mode, _) = new FileInfo(full).LinkTarget is not null
                ? WorkTreeFile.Store(_repo, full, null)
                : new StoredFile(_repo.ObjectDatabase.CreateBlob(path), KnownMode(head, path) ?? WorkTreeFile.ModeOf(full), FilterNeutral: false);
            tree.Add(path, blob, mode);
            staged.Add((path, blob, mode));
        }

        var newTree = _repo.ObjectDatabase.CreateTree(tree);
        if (head is not null && newTree.Id == head.Tree.Id)
        {
            return null;
        }

        var signature = Signature();
        var commit = _repo.ObjectDatabase.CreateCommit(signature, signature, message, newTree, head is null ? [] : [head], prettifyMessage: true);
        var log = $"commit{(head is null ? " (initial)" : "")}: {commit.MessageShort}";
        if (_repo.Info.IsHeadDetached)
        {
            _repo.Refs.UpdateTarget(_repo.Refs.Head, commit.Id, log);
        }
        else if (head is null)
        {
            _repo.Refs.Add(_repo.Refs.Head.TargetIdentifier, commit.Id, log);
        }
        else
        {
            _repo.Refs.UpdateTarget(_repo.Refs[_repo.Head.CanonicalName], commit.Id, log);
        }

        foreach (var (path, blob, mode) in staged)
        {
            if (blob is not null)
            {
                _repo.Index.Add(blob, path, mode);
            }
            else if (_repo.Index[path] is not null)
            {
                _repo.Index.Remove(path);
            }
        }

        _repo.Index.Write();
        return commit.Sha;
    }

    /// <summary>
    /// Counts TODO, FIXME and HACK markers (whole words, case-sensitive) in the files of a commit's
    /// tree; the technical-debt delta is the difference between two counts.
    /// </summary>
    /// <remarks>
    /// Counts committed content, not the work tree, so the number is the same whoever asks and
    /// whatever is stashed. Binary files, files over 1 MB, symbolic links and submodules are skipped.
    /// With a <paramref name="known"/> count of another commit, only the files that differ between
    /// the two trees are read (the count of a 50,000-file tree costs a tree diff instead of reading
    /// every blob); an unknown or missing commit there falls back to reading the whole tree.
    /// </remarks>
    /// <param name="revision">A commit sha or reference; HEAD when null.</param>
    /// <param name="known">A count this method returned earlier, for any commit.</param>
    /// <returns>The count; 0 in a repository with no commits yet.</returns>
    /// <exception cref="SessionException"><paramref name="revision"/> names no commit (exit code 2).</exception>
    public int CountDebtMarkers(string? revision = null, DebtMarkerCount? known = null)
    {
        var commit = revision is null ? _repo.Head.Tip : LookupCommit(revision);
        if (commit is null)
        {
            return 0;
        }

        if (known is not null && TryLookupCommit(known.Sha) is { } from)
        {
            if (from.Tree.Id == commit.Tree.Id)
            {
                return known.Count;
            }

            var count = known.Count;
            foreach (var change in CompareTrees(from.Tree, commit.Tree))
            {
                if (DebtMarkersIn(change.NewId ?? ObjectId.Zero, change.NewMode) is not { } added || DebtMarkersIn(change.OldId ?? ObjectId.Zero, change.OldMode) is not { } removed)
                {
                    // A blob that cannot be read (a partial clone): only a full count is exact.
                    return CountDebtMarkers(revision);
                }

                count += added - removed;
            }

            return count;
        }

        var total = 0;
        foreach (var (_, entry) in Files(commit.Tree, ""))
        {
            total += DebtMarkersIn(entry.Target.Id, entry.Mode) ?? 0;
        }

        return total;
    }

    /// <summary>The markers in one blob; 0 for what is not counted (links, submodules, binary or large files, nothing); null when the blob cannot be read.</summary>
    private int? DebtMarkersIn(ObjectId id, Mode mode)
    {
        if (mode is not (Mode.NonExecutableFile or Mode.ExecutableFile))
        {
            return 0;
        }

        if (_repo.Lookup<Blob>(id) is not { } blob)
        {
            return null;
        }

        if (blob.Size > LargestCountedFile || blob.IsBinary)
        {
            return 0;
        }

        using var content = blob.GetContentStream();
        using var buffer = new MemoryStream((int)blob.Size);
        content.CopyTo(buffer);
        return DebtMarkers.Count(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private Commit? TryLookupCommit(string sha)
    {
        try
        {
            return _repo.Lookup(sha)?.Peel<Commit>();
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    private Commit LookupCommit(string revision) =>
        TryLookupCommit(revision)
        ?? throw new SessionException($"'{revision}' is not a commit in {Root}: pass a sha from 'git log'.", ErrorKind.NotFound);

    private string RelativePath(string path)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Root));
        var full = Path.GetFullPath(Path.Combine(root, path));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new SessionException($"'{path}' is outside the repository {root}: pass a file inside it.", ErrorKind.InvalidInput);
        }

        if (Directory.Exists(full) && new FileInfo(full).LinkTarget is null)
        {
            throw new SessionException($"'{path}' is a folder: pass the files to commit one by one.", ErrorKind.InvalidInput);
        }

        var relative = full[(root.Length + 1)..].Replace(Path.DirectorySeparatorChar, '/');
        return relative.StartsWith(".git/", StringComparison.Ordinal) || relative == ".git"
            ? throw new SessionException($"'{path}' is inside .git: pass a file of the working tree.", ErrorKind.InvalidInput)
            : relative;
    }
}
