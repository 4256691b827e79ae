using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Workflows.Timers;

/// <summary>
/// Arranges for a timer bookmark to be resumed when due. The embedded engine fires due timers
/// when it starts (<see cref="EmbeddedTimerScheduler"/>); the server plugs in one that fires on time.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>
    /// Called after every persist of an instance that holds a timer bookmark, so the same timer may
    /// be scheduled more than once: implementations must be idempotent (keyed by instance and
    /// bookmark id). A timer that fires for a bookmark no longer stored must do nothing.
    /// </summary>
    ValueTask ScheduleAsync(string instanceId, Bookmark timer, CancellationToken cancellationToken);

    /// <summary>
    /// Called once a timer bookmark was resumed here and the instance saved without it: whatever
    /// was arranged for it can go. A timer resumed elsewhere (another process) is not reported, which
    /// is why a timer firing for a bookmark no longer stored must still do nothing.
    /// </summary>
    ValueTask CancelAsync(string instanceId, int bookmarkId, CancellationToken cancellationToken);
}
