using LibGit2Sharp;

namespace Lifecycle.Activities.Git.History;

/// <summary>What the history says, for metrics: the commits since a session started, the paths they changed, the debt markers of a commit.</summary>
public sealed class GitHistory
{
    private const long LargestCountedFile = 1024 * 1024;

    private readonly GitContext _git;

    internal GitHistory(GitContext git) => _git = git;

    private Repository Repo => _git.Repo;

    /// <summary>
    /// The commits reachable from HEAD and not from <paramref name="fromSha"/>, newest first, each
    /// with the files it changed and their kind of change (like <c>git log --numstat</c>: a rename is
    /// one file under its new path, its lines counted against the old, as the repository's
    /// <c>diff.renames</c> says; see <see cref="GitContext.RenamesAsConfigured"/>).
    /// </summary>
    /// <param name="fromSha">The session's starting commit; null for the whole history.</param>
    /// <param name="excludeShas">Commits to leave out, such as the session's docs commit.</param>
    /// <exception cref="SessionException"><paramref name="fromSha"/> names no commit (exit code 2).</exception>
    public IReadOnlyList<CommitSummary> CommitsSince(string? fromSha, IReadOnlySet<string>? excludeShas = null)
    {
        return [.. Walk(fromSha, excludeShas).Select(c => new CommitSummary(c.Commit.Sha, c.Commit.MessageShort, c.Commit.Author.When, c.Commit.Author.Name,
            c.IsMerge ? [] : [.. Repo.Diff.Compare<Patch>(c.Parent?.Tree, c.Commit.Tree, GitContext.RenamesAsConfigured)
                .Select(e => new FileChange(e.Path, e.LinesAdded, e.LinesDeleted, e.IsBinaryComparison, ChangeKinds.Of(e), ChangeKinds.FromOf(e)))]))];
    }

    /// <summary>
    /// The same commits as <see cref="CommitsSince"/> with only the paths they changed: no file
    /// content is read, so it costs a tree comparison per commit instead of a diff of every file.
    /// </summary>
    /// <remarks>Without rename detection (which reads content): a rename lists both its paths.</remarks>
    /// <exception cref="SessionException"><paramref name="fromSha"/> names no commit (exit code 2).</exception>
    public IReadOnlyList<CommitFiles> ChangedPathsSince(string? fromSha)
    {
        return [.. Walk(fromSha, null).Select(c => new CommitFiles(c.Commit.Sha, c.Commit.Author.Name,
            c.IsMerge ? [] : [.. _git.Trees.Compare(c.Parent?.Tree, c.Commit.Tree).Select(e => e.Path)]))];
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
        var commit = revision is null ? Repo.Head.Tip : LookupCommit(revision);
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
            foreach (var change in _git.Trees.Compare(from.Tree, commit.Tree))
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
        foreach (var (_, entry) in GitContext.Files(commit.Tree))
        {
            total += DebtMarkersIn(entry.Target.Id, entry.Mode) ?? 0;
        }

        return total;
    }

    private IEnumerable<(Commit Commit, Commit? Parent, bool IsMerge)> Walk(string? fromSha, IReadOnlySet<string>? excludeShas)
    {
        if (Repo.Head.Tip is not { } tip)
        {
            yield break;
        }

        var filter = new CommitFilter { IncludeReachableFrom = tip, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time };
        if (fromSha is not null)
        {
            filter.ExcludeReachableFrom = LookupCommit(fromSha);
        }

        foreach (var commit in Repo.Commits.QueryBy(filter))
        {
            if (excludeShas?.Contains(commit.Sha) == true)
            {
                continue;
            }

            var parents = commit.Parents.Take(2).ToList();
            yield return (commit, parents.FirstOrDefault(), parents.Count > 1);
        }
    }

    /// <summary>The markers in one blob; 0 for what is not counted (links, submodules, binary or large files, nothing); null when the blob cannot be read.</summary>
    private int? DebtMarkersIn(ObjectId id, Mode mode)
    {
        if (mode is not (Mode.NonExecutableFile or Mode.ExecutableFile))
        {
            return 0;
        }

        if (Repo.Lookup<Blob>(id) is not { } blob)
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
            return Repo.Lookup(sha)?.Peel<Commit>();
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    private Commit LookupCommit(string revision) =>
        TryLookupCommit(revision)
        ?? throw new SessionException($"'{revision}' is not a commit in {_git.Root}: pass a sha from 'git log'.", ErrorKind.NotFound);
}
