using Lifecycle.Workflows.Journal;

namespace Lifecycle.Workflows.Runtime;

/// <summary>Retry points: what a faulted instance keeps so that a retry runs its failed activity again.</summary>
public sealed partial class WorkflowRunner
{
    /// <summary>
    /// Makes a faulted instance, restored from its retry point, run again from its failed activity
    /// with the variables as they were when it failed; the journal says why.
    /// </summary>
    /// <exception cref="WorkflowException">The instance is not faulted or kept no retry point.</exception>
    public void Retry(WorkflowExecution execution, string reason)
    {
        if (execution.Status != WorkflowStatus.Faulted
            || execution.Queue.First is not { } first
            || first.Value.Kind != WorkKind.Execute
            || !execution.Frames.TryGetValue(first.Value.FrameId, out var frame))
        {
            throw new WorkflowException(
                $"Instance {execution.InstanceId} kept no point to retry from (it faulted outside an activity, e.g. it could not be loaded or stalled); run the workflow again instead.");
        }

        execution.Status = WorkflowStatus.Running;
        execution.Fault = null;
        execution.FinishedAt = null;
        execution.UpdatedAt = Time.GetUtcNow();
        Record(execution, frame, JournalEvent.Resumed, reason);
    }

    /// <summary>
    /// The instance as it stands when <paramref name="failed"/> faults, before the fault removes
    /// any frame: the failed activity (its state reset, its descendants and their scopes gone) is
    /// queued to execute first, the rest (other branches, bookmarks, variables) as they were.
    /// </summary>
    private static InstanceSnapshot RetryPointFor(WorkflowExecution execution, ActivityFrame failed)
    {
        var removed = new HashSet<int>();
        bool found;
        do
        {
            found = false;
            foreach (var frame in execution.Frames.Values)
            {
                if (frame.ParentId is { } parent && (parent == failed.Id || removed.Contains(parent)) && removed.Add(frame.Id))
                {
                    found = true;
                }
            }
        }
        while (found);

        var owners = new HashSet<int>(removed) { failed.Id };
        var snapshot = InstanceSnapshot.Capture(execution);
        var scopesGone = snapshot.Scopes.Where(s => s.OwnerFrameId is { } owner && owners.Contains(owner)).Select(s => s.Id).ToHashSet();
        return snapshot with
        {
            Scopes = snapshot.Scopes.Where(s => !scopesGone.Contains(s.Id)).ToList(),
            Frames = snapshot.Frames
                .Where(f => !removed.Contains(f.Id) && !scopesGone.Contains(f.ScopeId))
                .Select(f => f.Id == failed.Id ? f with { State = null, Outputs = null } : f)
                .ToList(),
            Queue = [new WorkItem(WorkKind.Execute, failed.Id), .. snapshot.Queue.Where(i => !owners.Contains(i.FrameId))],
            Bookmarks = snapshot.Bookmarks.Where(b => !owners.Contains(b.FrameId)).ToList(),
        };
    }
}
