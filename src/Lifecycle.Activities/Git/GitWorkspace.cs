using LibGit2Sharp;
using Lifecycle.Activities.Git.History;
using Lifecycle.Activities.Git.Stashing;
using Lifecycle.Activities.Git.Trees;

namespace Lifecycle.Activities.Git;

/// <summary>
/// A git working copy the session works in, opened once per operation: the branch checkout and
/// status here, and the jobs on it (stashing, restoring, history, the docs commit) as properties,
/// all sharing the one opened repository. Built on LibGit2Sharp, so no git executable is needed.
/// </summary>
/// <remarks>
/// LibGit2Sharp runs no hooks and no external filter drivers (Git LFS, git-crypt and the like):
/// a stash keeps such a file's real bytes, but resetting it to HEAD writes what is committed (an
/// LFS pointer). Built-in filters (<c>text</c>, <c>eol</c>, <c>ident</c>) are honoured where the
/// jobs say so; libgit2 expands only the first <c>$Id$</c> of a file, so a file with several
/// looks modified to it (and a restore over it reports a conflict rather than overwrite it).
/// Submodules are never entered: their content is left as it is. Objects are written without
/// fsync (libgit2's default). Open one per operation and dispose it; not thread-safe.
/// </remarks>
public sealed class GitWorkspace : IDisposable
{
    private readonly GitContext _git;
    private StashWriter? _stashWriter;
    private StashRestorer? _stashRestorer;
    private GitHistory? _history;
    private DocsCommit? _docsCommit;

    private GitWorkspace(GitContext git)
    {
        _git = git;
        Status = new WorkTreeStatus(git);
        Stashes = new StashList(git);
    }

    /// <summary>The root of the working tree.</summary>
    public string Root => _git.Root;

    /// <summary>The checked-out branch's short name, or null when HEAD is detached.</summary>
    public string? CurrentBranch => _git.CurrentBranch;

    /// <summary>True when HEAD points at a commit rather than a branch.</summary>
    public bool DetachedHead => _git.Repo.Info.IsHeadDetached;

    /// <summary>git's <c>user.name</c> for this repository, or null when it is not set.</summary>
    public string? UserName => _git.Repo.Config.Get<string>("user.name")?.Value;

    /// <summary>The commit HEAD points at, or null in a repository with no commits yet.</summary>
    public string? HeadSha => _git.Repo.Head.Tip?.Sha;

    /// <summary>What git status says: uncommitted files and snapshots.</summary>
    public WorkTreeStatus Status { get; }

    /// <summary>The sessions' stashes: their names, whether one exists, what one holds.</summary>
    public StashList Stashes { get; }

    /// <summary>Puts a session's uncommitted work away (refuses in a read-only workspace).</summary>
    public StashWriter StashWriter => _stashWriter ??= new StashWriter(_git, Status, Stashes);

    /// <summary>Brings a session's stashed work back (refuses in a read-only workspace).</summary>
    public StashRestorer StashRestorer => _stashRestorer ??= new StashRestorer(_git, Status, Stashes);

    /// <summary>Commits since a session started, the paths they changed, debt markers.</summary>
    public GitHistory History => _history ??= new GitHistory(_git);

    /// <summary>The session documents' commit (refuses in a read-only workspace).</summary>
    public DocsCommit DocsCommit => _docsCommit ??= new DocsCommit(_git);

    /// <summary>Opens the repository whose working tree contains <paramref name="path"/>.</summary>
    /// <param name="path">The working tree's root or any folder inside it.</param>
    /// <param name="time">The clock for commit and stash dates; the system clock when null.</param>
    /// <param name="readOnly">
    /// True for a workspace that only reads: it leaves <c>.git</c> untouched (see
    /// <see cref="IndexTime.Truncate"/>, which a writing workspace does before libgit2 reads the index)
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
                IndexTime.Truncate(found);
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

        return new GitWorkspace(new GitContext(repo, time ?? TimeProvider.System, readOnly));
    }

    /// <summary>Switches to a local branch, creating it from <c>origin/&lt;branch&gt;</c> when only the remote one exists.</summary>
    /// <remarks>
    /// A safe checkout: local changes that the switch would overwrite make it refuse, and nothing
    /// changes. Changes that do not collide travel with the switch, as with <c>git checkout</c>.
    /// </remarks>
    /// <exception cref="SessionException">
    /// The branch does not exist (<see cref="ErrorKind.InvalidInput"/>), or local changes would be overwritten (<see cref="ErrorKind.Conflict"/>, naming the paths in the way).
    /// </exception>
    public void Checkout(string branch)
    {
        if (CurrentBranch == branch)
        {
            return;
        }

        var repo = _git.Repo;
        var target = repo.Branches[branch];
        if (target is null && repo.Branches[$"origin/{branch}"] is { IsRemote: true } remote)
        {
            target = repo.CreateBranch(branch, remote.Tip);
            repo.Branches.Update(target, b => b.TrackedBranch = remote.CanonicalName);
        }

        if (target is null || target.IsRemote)
        {
            throw new SessionException($"Branch '{branch}' does not exist in {Root}: create it with 'git branch {branch}' or pick an existing branch.", ErrorKind.InvalidInput);
        }

        var inTheWay = new List<string>();
        try
        {
            Commands.Checkout(repo, target, new CheckoutOptions
            {
                CheckoutNotifyFlags = CheckoutNotifyFlags.Conflict,
                OnCheckoutNotify = (path, _) =>
                {
                    inTheWay.Add(path);
                    return true;
                },
            });
        }
        catch (CheckoutConflictException error)
        {
            var paths = inTheWay.Count == 0 ? error.Message.Trim()
                : string.Join(", ", inTheWay.Take(5)) + (inTheWay.Count > 5 ? $", and {inTheWay.Count - 5} more" : "");
            throw new SessionException($"Cannot switch to branch '{branch}': local changes would be overwritten ({paths}). Commit, stash or move them first.", ErrorKind.Conflict, error);
        }
    }

    /// <summary>Tree comparisons on this repository (tests compare the raw and the libgit2 ways).</summary>
    internal TreeComparer TreeComparer => _git.Trees;

    /// <inheritdoc />
    public void Dispose() => _git.Dispose();
}
