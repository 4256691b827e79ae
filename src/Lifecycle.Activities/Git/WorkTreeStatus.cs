using LibGit2Sharp;

namespace Lifecycle.Activities.Git;

/// <summary>
/// What git status says about the working tree and index: the changed paths, which of them a
/// stash can hold, and snapshots of it taken early to be used later.
/// </summary>
public sealed class WorkTreeStatus
{
    private readonly GitContext _git;

    internal WorkTreeStatus(GitContext git) => _git = git;

    /// <summary>
    /// Tracked files with staged or unstaged changes and untracked files (each file of an untracked
    /// folder), never ignored ones; sorted, with forward slashes.
    /// </summary>
    /// <remarks>Changed submodules are not listed: a stash cannot hold them.</remarks>
    /// <param name="snapshot">A status taken earlier, used instead of a new one while it still holds.</param>
    public IReadOnlyList<string> UncommittedFiles(StatusSnapshot? snapshot = null) =>
        [.. Changes(snapshot).Where(e => !IsSkipped(e) && !IsLifecycleState(e)).Select(e => e.Path).Order(StringComparer.Ordinal)];

    /// <summary>Takes git status now, to be used later by the stash writer or <see cref="UncommittedFiles"/>.</summary>
    public StatusSnapshot TakeSnapshot()
    {
        var index = IndexHash();
        var head = _git.Repo.Head.Tip?.Sha;
        var entries = Status().Select(e => new ChangedPath(e.FilePath, e.State)).ToList();
        return new StatusSnapshot(entries, head, index);
    }

    /// <summary>The snapshot's entries while HEAD and the index are as it saw them; a fresh status otherwise.</summary>
    internal IReadOnlyList<ChangedPath> Changes(StatusSnapshot? snapshot) =>
        snapshot is not null && snapshot.HeadSha == _git.Repo.Head.Tip?.Sha && snapshot.IndexHash == IndexHash()
            ? snapshot.Entries
            : [.. Status().Select(e => new ChangedPath(e.FilePath, e.State))];

    /// <summary>The work tree's and index's changes; only at <paramref name="paths"/> when given (no walk of the whole tree).</summary>
    /// <exception cref="SessionException">A file changed while libgit2 read it (exit code 4).</exception>
    internal RepositoryStatus Status(IReadOnlyCollection<string>? paths = null)
    {
        try
        {
            return RetrieveStatus(paths);
        }
        catch (LibGit2SharpException error) when (error.Message.Contains("reading file", StringComparison.OrdinalIgnoreCase))
        {
            throw new SessionException($"A file in {_git.Root} changed while git was reading it (an editor or a build is writing there); nothing was changed. Run the command again once it is quiet.", ErrorKind.Conflict, error);
        }
    }

    /// <summary>Lifecycle's own state folder (database, state.json): never the user's work, never stashed.</summary>
    internal static bool IsLifecycleState(ChangedPath entry) =>
        entry.Path.StartsWith(".lifecycle/", StringComparison.Ordinal);

    /// <summary>Untracked nested repositories show as a folder; gitlinks are submodules.</summary>
    /// <remarks>HEAD is only asked when the index cannot tell (the path left the index or changed type).</remarks>
    internal bool IsSkipped(ChangedPath entry)
    {
        if (entry.Path.EndsWith('/'))
        {
            return true;
        }

        var indexed = _git.Repo.Index[entry.Path];
        if (indexed?.Mode == Mode.GitLink)
        {
            return true;
        }

        var headMayDiffer = indexed is null || (entry.State & (FileStatus.TypeChangeInIndex | FileStatus.TypeChangeInWorkdir)) != 0;
        return headMayDiffer && _git.PathsIn(_git.Repo.Head.Tip?.Tree)[entry.Path]?.Mode == Mode.GitLink;
    }

    /// <summary>
    /// The index file's content hash: two reads that give the same hash saw the same index, whatever
    /// the file's times (an index rewritten in the same second to the same size still differs).
    /// </summary>
    /// <remarks>
    /// Every index file ends with the SHA-1 of everything before it, which git and libgit2 write
    /// and check on each read: that trailer (with the length) is the hash, read without reading the
    /// file. An index written with <c>index.skipHash</c> (on with <c>feature.manyFiles</c>) has a
    /// trailer of zeros; its bytes are hashed instead.
    /// </remarks>
    internal static string? IndexContentHash(string indexFile)
    {
        const int Trailer = 20;
        try
        {
            using var index = File.OpenHandle(indexFile, FileMode.Open, FileAccess.Read);
            var length = RandomAccess.GetLength(index);
            Span<byte> trailer = stackalloc byte[Trailer];
            if (length >= 12 + Trailer && RandomAccess.Read(index, trailer, length - Trailer) == Trailer && trailer.ContainsAnyExcept((byte)0))
            {
                return $"trailer {Convert.ToHexString(trailer)} {length}";
            }

            using var stream = new FileStream(index, FileAccess.Read);
            return $"sha256 {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream))}";
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private string? IndexHash() => IndexContentHash(Path.Combine(_git.Repo.Info.Path, "index"));

    private RepositoryStatus RetrieveStatus(IReadOnlyCollection<string>? paths) => _git.Repo.RetrieveStatus(new StatusOptions
    {
        PathSpec = paths is null ? null : [.. paths],
        DisablePathSpecMatch = paths is not null,
        IncludeIgnored = false,
        IncludeUntracked = true,
        RecurseUntrackedDirs = true,
        RecurseIgnoredDirs = false,
        ExcludeSubmodules = true,
        DetectRenamesInIndex = false,
        DetectRenamesInWorkDir = false,
        IncludeUnaltered = false,
    });
}
