using LibGit2Sharp;

namespace Lifecycle.Activities.Git;

/// <summary>
/// A git working copy the session works in: branch checkout, stashing uncommitted work under the
/// session's name, the docs commit and the numbers metrics need. Built on LibGit2Sharp, so no git
/// executable is needed.
/// </summary>
/// <remarks>
/// LibGit2Sharp runs no hooks and no external filter drivers (Git LFS, git-crypt and the like):
/// a stash keeps such a file's real bytes, but resetting it to HEAD writes what is committed (an
/// LFS pointer). Built-in filters (<c>text</c>, <c>eol</c>, <c>ident</c>) are honoured where this
/// type says so; libgit2 expands only the first <c>$Id$</c> of a file, so a file with several
/// looks modified to it (and a restore over it reports a conflict rather than overwrite it).
/// Submodules are never entered: their content is left as it is. Objects are written without
/// fsync (libgit2's default). Open one per operation and dispose it; not thread-safe.
/// </remarks>
public sealed partial class GitWorkspace : IDisposable
{
    private readonly Repository _repo;
    private readonly TimeProvider _time;
    private readonly Dictionary<ObjectId, TreePaths> _trees = [];

    /// <summary>Tree comparisons path by path, as <c>git diff --no-renames</c>.</summary>
    private static readonly CompareOptions NoRenames = new() { Similarity = SimilarityOptions.None };

    private readonly bool _readOnly;

    private GitWorkspace(Repository repo, TimeProvider time, bool readOnly)
    {
        _repo = repo;
        _time = time;
        _readOnly = readOnly;
    }

    /// <summary>The root of the working tree.</summary>
    public string Root => _repo.Info.WorkingDirectory;

    /// <summary>The checked-out branch's short name, or null when HEAD is detached.</summary>
    public string? CurrentBranch => _repo.Info.IsHeadDetached ? null : _repo.Head.FriendlyName;

    /// <summary>The name of the stash <see cref="StashWork"/> makes for a session in this working tree.</summary>
    public string StashNameFor(string sessionId) => StashName.For(sessionId, LinkedWorktreeName());

    /// <summary>git's <c>user.name</c> for this repository, or null when it is not set.</summary>
    public string? UserName => _repo.Config.Get<string>("user.name")?.Value;

    /// <summary>The commit HEAD points at, or null in a repository with no commits yet.</summary>
    public string? HeadSha => _repo.Head.Tip?.Sha;

    /// <summary>Opens the repository whose working tree contains <paramref name="path"/>.</summary>
    /// <param name="path">The working tree's root or any folder inside it.</param>
    /// <param name="time">The clock for commit and stash dates; the system clock when null.</param>
    /// <param name="readOnly">
    /// True for a workspace that only reads: it leaves <c>.git</c> untouched (see
    /// <see cref="TruncateIndexTime"/>, which a writing workspace does before libgit2 reads the index)
    /// and refuses to write.
    /// </param>
    /// <exception cref="SessionException">
    /// The path is not inside a git working tree, or the repository cannot be opened (exit code 2).
    /// </exception>
    public static GitWorkspace Open(string path, TimeProvider? time = null, bool readOnly = false)
    {
        var found = Directory.Exists(path) ? Repository.Discover(path) : null;
        if (found is null)
        {
            throw new SessionException($"'{path}' is not inside a git repository: run 'git init' there or pass the repository's folder.", ErrorKind.InvalidInput);
        }

        Repository repo;
        try
        {
            if (!readOnly)
            {
                TruncateIndexTime(found);
            }

            repo = new Repository(found);
        }
        catch (LibGit2SharpException error)
        {
            throw new SessionException($"Cannot open the git repository at '{path}': {error.Message.Trim()}. Check that it is intact and owned by you ('git status' there shows the problem).", ErrorKind.InvalidInput, error);
        }

        if (repo.Info.IsBare)
        {
            repo.Dispose();
            throw new SessionException($"'{path}' is a bare git repository: pass a folder with a working tree.", ErrorKind.InvalidInput);
        }

        return new GitWorkspace(repo, time ?? TimeProvider.System, readOnly);
    }

    /// <summary>Switches to a local branch, creating it from <c>origin/&lt;branch&gt;</c> when only the remote one exists.</summary>
    /// <remarks>
    /// A safe checkout: local changes that the switch would overwrite make it refuse, and nothing
    /// changes. Changes that do not collide travel with the switch, as with <c>git checkout</c>.
    /// </remarks>
    /// <exception cref="SessionException">
    /// The branch does not exist (exit code 2), or local changes would be overwritten (exit code 4).
    /// </exception>
    public void Checkout(string branch)
    {
        if (CurrentBranch == branch)
        {
            return;
        }

        var target = _repo.Branches[branch];
        if (target is null && _repo.Branches[$"origin/{branch}"] is { IsRemote: true } remote)
        {
            target = _repo.CreateBranch(branch, remote.Tip);
            _repo.Branches.Update(target, b => b.TrackedBranch = remote.CanonicalName);
        }

        if (target is null || target.IsRemote)
        {
            throw new SessionException($"Branch '{branch}' does not exist in {Root}: create it with 'git branch {branch}' or pick an existing branch.", ErrorKind.InvalidInput);
        }

        try
        {
            Commands.Checkout(_repo, target, new CheckoutOptions());
        }
        catch (CheckoutConflictException error)
        {
            throw new SessionException($"Cannot switch to branch '{branch}': local changes would be overwritten ({error.Message.Trim()}). Commit or stash them first.", ErrorKind.Conflict, error);
        }
    }

    /// <summary>
    /// Tracked files with staged or unstaged changes and untracked files (each file of an untracked
    /// folder), never ignored ones; sorted, with forward slashes.
    /// </summary>
    /// <remarks>Changed submodules are not listed: a stash cannot hold them.</remarks>
    /// <param name="snapshot">A status taken earlier, used instead of a new one while it still holds.</param>
    public IReadOnlyList<string> UncommittedFiles(StatusSnapshot? snapshot = null) =>
        [.. Changes(snapshot).Where(e => !IsSkipped(e) && !IsLifecycleState(e)).Select(e => e.Path).Order(StringComparer.Ordinal)];

    /// <summary>Takes git status now, to be used later by <see cref="StashWork"/> or <see cref="UncommittedFiles"/>.</summary>
    public StatusSnapshot TakeSnapshot()
    {
        var index = IndexHash();
        var head = HeadSha;
        var entries = Status().Select(e => new ChangedPath(e.FilePath, e.State)).ToList();
        return new StatusSnapshot(entries, head, index);
    }

    /// <summary>The snapshot's entries while HEAD and the index are as it saw them; a fresh status otherwise.</summary>
    private IReadOnlyList<ChangedPath> Changes(StatusSnapshot? snapshot) =>
        snapshot is not null && snapshot.HeadSha == HeadSha && snapshot.IndexHash == IndexHash()
            ? snapshot.Entries
            : [.. Status().Select(e => new ChangedPath(e.FilePath, e.State))];

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
    private string? IndexHash() => IndexContentHash(Path.Combine(_repo.Info.Path, "index"));

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

    /// <inheritdoc />
    public void Dispose()
    {
        _objects?.Dispose();
        _repo.Dispose();
    }

    /// <summary>The work tree's and index's changes; only at <paramref name="paths"/> when given (no walk of the whole tree).</summary>
    /// <exception cref="SessionException">A file changed while libgit2 read it (exit code 4).</exception>
    private RepositoryStatus Status(IReadOnlyCollection<string>? paths = null)
    {
        try
        {
            return RetrieveStatus(paths);
        }
        catch (LibGit2SharpException error) when (error.Message.Contains("reading file", StringComparison.OrdinalIgnoreCase))
        {
            throw new SessionException($"A file in {Root} changed while git was reading it (an editor or a build is writing there); nothing was changed. Run the command again once it is quiet.", ErrorKind.Conflict, error);
        }
    }

    private RepositoryStatus RetrieveStatus(IReadOnlyCollection<string>? paths) => _repo.RetrieveStatus(new StatusOptions
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

    /// <summary>Lifecycle's own state folder (database, state.json): never the user's work, never stashed.</summary>
    private static bool IsLifecycleState(ChangedPath entry) =>
        entry.Path.StartsWith(".lifecycle/", StringComparison.Ordinal);

    /// <summary>Untracked nested repositories show as a folder; gitlinks are submodules.</summary>
    /// <remarks>HEAD is only asked when the index cannot tell (the path left the index or changed type).</remarks>
    private bool IsSkipped(ChangedPath entry)
    {
        if (entry.Path.EndsWith('/'))
        {
            return true;
        }

        var indexed = _repo.Index[entry.Path];
        if (indexed?.Mode == Mode.GitLink)
        {
            return true;
        }

        var headMayDiffer = indexed is null || (entry.State & (FileStatus.TypeChangeInIndex | FileStatus.TypeChangeInWorkdir)) != 0;
        return headMayDiffer && PathsIn(_repo.Head.Tip?.Tree)[entry.Path]?.Mode == Mode.GitLink;
    }

    /// <summary>A linked worktree's name (its folder under <c>.git/worktrees/</c>); null for the main working tree.</summary>
    private string? LinkedWorktreeName()
    {
        var gitDirectory = Path.TrimEndingDirectorySeparator(_repo.Info.Path);
        var parent = Path.GetDirectoryName(gitDirectory);
        return File.Exists(Path.Combine(gitDirectory, "commondir")) && Path.GetFileName(parent) == "worktrees"
            ? Path.GetFileName(gitDirectory)
            : null;
    }

    /// <summary>Path lookups in a tree, shared by every lookup in it during this workspace's life (trees never change).</summary>
    private TreePaths PathsIn(Tree? tree)
    {
        if (tree is null)
        {
            return new TreePaths(null);
        }

        if (!_trees.TryGetValue(tree.Id, out var paths))
        {
            _trees[tree.Id] = paths = new TreePaths(tree);
        }

        return paths;
    }

    private Signature Signature() =>
        _repo.Config.BuildSignature(_time.GetLocalNow())
        ?? new Signature("Lifecycle", "lifecycle@localhost", _time.GetLocalNow());

    /// <summary>
    /// Refuses before touching anything when another git process holds the index, or a merge,
    /// rebase, cherry-pick or similar is half done (stashing or committing under it would tangle it).
    /// </summary>
    private void EnsureReadyToWrite()
    {
        if (_readOnly)
        {
            throw new InvalidOperationException("This workspace was opened read-only; open it with readOnly: false to change git.");
        }

        if (_repo.Info.CurrentOperation is var operation and not CurrentOperation.None)
        {
            throw new SessionException($"A {operation} is in progress in {Root}: finish it, or abort it, before the session touches git.", ErrorKind.Conflict);
        }

        var lockFile = Path.Combine(_repo.Info.Path, "index.lock");
        if (File.Exists(lockFile))
        {
            throw new SessionException($"Another git process is using the repository ({lockFile} exists): wait for it to finish, or delete that file if no git process is running.", ErrorKind.Conflict);
        }
    }

    private bool TrustsFileMode() => _repo.Config.Get<bool>("core.fileMode")?.Value ?? !OperatingSystem.IsWindows();
}
