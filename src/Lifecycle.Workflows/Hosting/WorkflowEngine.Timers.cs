using Lifecycle.Workflows.Persistence;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Workflows.Hosting;

/// <summary>The seams a scheduler that fires timers on time uses (the server's Quartz jobs).</summary>
public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Resumes one timer bookmark. A bookmark no longer stored (resumed by another process, or its
    /// instance ended) does nothing, so a timer fired twice resumes its instance once.
    /// </summary>
    public async Task<TimerFiring> FireTimerAsync(string instanceId, int bookmarkId, CancellationToken cancellationToken = default)
    {
        var (result, outcome) = await DeliverAsync(instanceId, [bookmarkId], null, cancellationToken);
        return new TimerFiring(outcome == DeliveryOutcome.Resumed ? result : null, outcome == DeliveryOutcome.Busy);
    }

    /// <summary>Every timer the store holds, earliest first, for a scheduler to arrange (again) at its start.</summary>
    public Task<IReadOnlyList<TimerMatch>> PendingTimersAsync(CancellationToken cancellationToken = default) =>
        Store.FindTimersAsync(cancellationToken);

    private static List<Bookmark> TimersOf(WorkflowExecution execution) => execution.Bookmarks.Where(b => b.IsTimer).ToList();

    /// <summary>Tells the scheduler about the timers of <paramref name="before"/> that the saved instance no longer holds.</summary>
    private async Task CancelGoneTimersAsync(WorkflowExecution execution, List<Bookmark> before, CancellationToken cancellationToken)
    {
        foreach (var gone in before.Where(t => execution.Bookmarks.All(b => b.Id != t.Id)))
        {
            await timers.CancelAsync(execution.InstanceId, gone.Id, cancellationToken);
        }
    }
}
