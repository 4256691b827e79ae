using Lifecycle.Activities.Configuration;
using Lifecycle.Activities.Git;

namespace Lifecycle.Activities.Sessions;

/// <summary>
/// The repository the session activities work on, and its configuration (read once, on first use,
/// so a broken config.json fails the activity that needs it with its validation message).
/// </summary>
public sealed class RepositoryContext(string root)
{
    private LifecycleConfig? _config;
    private Task<StatusSnapshot?>? _status;

    /// <summary>The repository's working-tree root.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The paths of <c>.lifecycle/</c> in <see cref="Root"/>.</summary>
    public Setup.LifecyclePaths Paths => field ??= Setup.LifecyclePaths.For(Root);

    /// <summary><c>.lifecycle/</c> in <see cref="Root"/>.</summary>
    public string StateFolder => Paths.StateFolder;

    /// <summary>The repository's <c>.lifecycle/config.json</c>, or the defaults.</summary>
    public LifecycleConfig Config => _config ??= LifecycleConfigLoader.Load(Root);

    /// <summary>
    /// Starts taking git status on another thread, for the first activity of this command that
    /// needs it (a full status is the largest single cost of closing a session on a big tree, and
    /// the command's own start-up leaves a core idle meanwhile).
    /// </summary>
    /// <returns>The status being taken (awaiting it does not take it).</returns>
    public Task PrefetchStatus() => _status ??= Task.Run(TakeStatus);

    /// <summary>
    /// The status <see cref="PrefetchStatus"/> started, once (later callers take a fresh one);
    /// null when none was started or it failed (the caller then takes its own, which reports the problem).
    /// </summary>
    public async Task<StatusSnapshot?> TakePrefetchedStatusAsync() =>
        Interlocked.Exchange(ref _status, null) is { } status ? await status : null;

    /// <summary>
    /// Drops the prefetched status: called by whatever may have changed the work tree since it was
    /// started (a shell command), so the next user takes a fresh one.
    /// </summary>
    public void DiscardPrefetchedStatus() => Interlocked.Exchange(ref _status, null);

    private StatusSnapshot? TakeStatus()
    {
        try
        {
            using var git = GitWorkspace.Open(Root, readOnly: true);
            return git.Status.TakeSnapshot();
        }
        catch (Exception)
        {
            // Whatever went wrong, the user of the status takes a fresh one and reports it then.
            return null;
        }
    }
}
