using LibGit2Sharp;
using Lifecycle.Activities.Metrics;

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
        var staged = _git.Trees.Compare(stash.Base.Tree, stash.Index.Tree).Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
        var files = _git.Repo.Diff.Compare<Patch>(stash.Base.Tree, stash.WorkTree.Tree, GitContext.RenamesAsConfigured)
            .Where(p => p.Mode != Mode.GitLink && p.OldMode != Mode.GitLink)
            .Select(p => new FileChange(p.Path, p.LinesAdded, p.LinesDeleted, p.IsBinaryComparison,
                ChangeKinds.PutAway(ChangeKinds.Of(p), staged.Contains(p.Path), untracked: false), ChangeKinds.FromOf(p)))
            .ToList();
        if (stash.Untracked is { } untracked)
        {
            files.AddRange(_git.Repo.Diff.Compare<Patch>(null, untracked.Tree, GitContext.NoRenames)
                .Select(p => new FileChange(p.Path, p.LinesAdded, p.LinesDeleted, p.IsBinaryComparison, FileChangeKind.Untracked)));
        }

        return new StashOutcome(stash.WorkTree.Sha, [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)], []);
    }

    /// <summary>The commit of the stash of <paramref name="sessionId"/> (what <c>git stash list</c> shows); null when there is none.</summary>
    /// <exception cref="SessionException">A bad session id (exit code 2).</exception>
    public string? ShaOf(string sessionId) => Find(NameFor(sessionId))?.Stash.WorkTree.Sha;

    /// <summary>
    /// The files of a stash just made that the session changed since its start restored an earlier
    /// stash: a file put away again exactly as it was restored (content, mode, staged or not) is not
    /// the session's work and is left out; one it changed is measured against what was restored.
    /// </summary>
    /// <param name="restored">The stash commit the session's start restored (<see cref="ShaOf"/> then).</param>
    /// <param name="putAway">What the stash writer put away (or <see cref="Describe"/> found).</param>
    /// <returns>The session's own share of <paramref name="putAway"/>'s files; all of them when the restored stash can no longer be read.</returns>
    public IReadOnlyList<FileChange> ChangedSinceRestore(string restored, StashOutcome putAway) =>
        new RestoredWork(_git).ChangedSince(restored, putAway);

    /// <summary>
    /// The paths of <paramref name="uncommitted"/> (as git status lists them now) the session
    /// changed since its start restored <paramref name="restored"/>: a file the restore brought
    /// back that is still exactly as restored is left out. Reads only.
    /// </summary>
    /// <param name="restored">The stash commit the session's start restored.</param>
    /// <param name="uncommitted">The uncommitted paths now.</param>
    /// <returns>The session's own share of <paramref name="uncommitted"/>; all of it when the restored stash can no longer be read.</returns>
    public IReadOnlyList<string> TouchedSinceRestore(string restored, IReadOnlyList<string> uncommitted) =>
        new RestoredWork(_git).TouchedSince(restored, uncommitted);

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
