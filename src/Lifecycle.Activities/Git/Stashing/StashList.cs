using LibGit2Sharp;

namespace Lifecycle.Activities.Git.Stashing;

/// <summary>The sessions' stashes in <c>git stash list</c>: their names, finding one, and what one holds.</summary>
public sealed class StashList
{
    private readonly GitContext _git;

    internal StashList(GitContext git) => _git = git;

    /// <summary>The name of the stash the stash writer makes for a session in this working tree.</summary>
    /// <exception cref="SessionException">A bad session id (exit code 2).</exception>
    public string NameFor(string sessionId) => StashName.For(sessionId, LinkedWorktreeName());

    /// <summary>True when a stash carries this session's name (what the stash restorer would restore).</summary>
    /// <param name="sessionId">The session to look for.</param>
    /// <exception cref="SessionException">A bad session id (exit code 2).</exception>
    public bool Has(string sessionId) => Find(NameFor(sessionId)) is not null;

    /// <summary>True when a stash in <c>git stash list</c> carries exactly this name (as <see cref="NameFor"/> makes them).</summary>
    public bool HasNamed(string name) => Find(name) is not null;

    /// <summary>
    /// What the stash of <paramref name="sessionId"/> holds, measured against the commit it was
    /// made on; null when there is none. Lets a re-run record a stash made before a crash.
    /// </summary>
    /// <remarks>Paths skipped when it was made are not known any more: <see cref="StashOutcome.Skipped"/> is empty.</remarks>
    public StashOutcome? Describe(string sessionId)
    {
        if (Find(NameFor(sessionId)) is not { } found)
        {
            return null;
        }

        var stash = found.Stash;
        var patches = _git.Repo.Diff.Compare<Patch>(stash.Base.Tree, stash.WorkTree.Tree, GitContext.NoRenames).AsEnumerable();
        if (stash.Untracked is { } untracked)
        {
            patches = patches.Concat(_git.Repo.Diff.Compare<Patch>(null, untracked.Tree, GitContext.NoRenames));
        }

        var files = patches
            .Where(p => p.Mode != Mode.GitLink && p.OldMode != Mode.GitLink)
            .Select(p => new FileChange(p.Path, p.LinesAdded, p.LinesDeleted, p.IsBinaryComparison))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        return new StashOutcome(stash.WorkTree.Sha, files, []);
    }

    /// <summary>The newest stash with this name and its position in <c>git stash list</c>; null when none has it.</summary>
    internal (Stash Stash, int Position)? Find(string name)
    {
        var position = 0;
        foreach (var stash in _git.Repo.Stashes)
        {
            if (StashName.Matches(stash.WorkTree.Message, name))
            {
                return (stash, position);
            }

            position++;
        }

        return null;
    }

    /// <summary>A linked worktree's name (its folder under <c>.git/worktrees/</c>); null for the main working tree.</summary>
    private string? LinkedWorktreeName()
    {
        var gitDirectory = Path.TrimEndingDirectorySeparator(_git.Repo.Info.Path);
        var parent = Path.GetDirectoryName(gitDirectory);
        return File.Exists(Path.Combine(gitDirectory, "commondir")) && Path.GetFileName(parent) == "worktrees"
            ? Path.GetFileName(gitDirectory)
            : null;
    }
}
