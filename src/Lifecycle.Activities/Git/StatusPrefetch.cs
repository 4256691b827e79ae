using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Git;

/// <summary>
/// A git status taken ahead of need, on another core while a command starts up, for the one
/// activity of that command that puts the work away (<see cref="StashWork"/>).
/// </summary>
/// <remarks>
/// A full status is the largest single cost of closing a session on a big tree, and the command's
/// own start-up leaves a core idle meanwhile. <c>end</c> starts it; <see cref="StashWork"/> takes it
/// once; whatever may change the work tree before then (a shell command, a reality check agent, a
/// recovered workflow) discards it, so the taker makes a fresh one. The snapshot also checks itself:
/// it is used only while HEAD and the index are as it saw them (<see cref="StatusSnapshot"/>).
/// One per process (a singleton); thread-safe.
/// </remarks>
public sealed class StatusPrefetch(RepositoryContext repository)
{
    private readonly Lock _gate = new();
    private Task<StatusSnapshot?>? _status;

    /// <summary>Starts taking git status on another thread, unless one is already being taken.</summary>
    /// <returns>The status being taken (awaiting it does not take it).</returns>
    public Task Start()
    {
        lock (_gate)
        {
            return _status ??= Task.Run(Take);
        }
    }

    /// <summary>
    /// The status <see cref="Start"/> started, once (later callers take a fresh one); null when none
    /// was started, it was discarded, or it failed (the caller then takes its own, which reports the problem).
    /// </summary>
    public async Task<StatusSnapshot?> TakeAsync()
    {
        Task<StatusSnapshot?>? status;
        lock (_gate)
        {
            (status, _status) = (_status, null);
        }

        return status is null ? null : await status;
    }

    /// <summary>
    /// Drops the status being taken: called by whatever may have changed the work tree since it was
    /// started, so the next user takes a fresh one.
    /// </summary>
    public void Discard()
    {
        lock (_gate)
        {
            _status = null;
        }
    }

    private StatusSnapshot? Take()
    {
        try
        {
            using var git = GitWorkspace.Open(repository.Root, readOnly: true);
            return git.Status.TakeSnapshot();
        }
        catch (Exception)
        {
            // Deliberately broad: whatever went wrong, the user of the status takes a fresh one and reports it then.
            return null;
        }
    }
}
