using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Workflows.Timers;

/// <summary>
/// Arranges for a timer bookmark to be resumed when due. The embedded engine fires due timers
/// when it starts (<see cref="EmbeddedTimerScheduler"/>); the server plugs in one that fires on time.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Called after an instance was persisted with a timer bookmark.</summary>
    ValueTask ScheduleAsync(string instanceId, Bookmark timer, CancellationToken cancellationToken);
}
