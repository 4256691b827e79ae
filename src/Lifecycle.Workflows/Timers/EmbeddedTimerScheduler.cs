using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Workflows.Timers;

/// <summary>
/// The scheduler of a short-lived process (the CLI): nothing to arrange, since timers live in the
/// store and <see cref="Hosting.WorkflowEngine.StartAsync"/> fires the due ones.
/// </summary>
public sealed class EmbeddedTimerScheduler : ITimerScheduler
{
    public ValueTask ScheduleAsync(string instanceId, Bookmark timer, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask CancelAsync(string instanceId, int bookmarkId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
