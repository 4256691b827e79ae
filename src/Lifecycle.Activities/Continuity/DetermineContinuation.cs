using System.Text.Json;
using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Continuity;

/// <summary>Decides how the session should continue (blockers, then in-progress work, then tasks).</summary>
[Activity("Session", "Determines the continuation strategy (RESOLVE_BLOCKERS, COMPLETE_IN_PROGRESS, CONTINUE_TASKS, START_NEW_WORK); outputs 'strategy', 'reason', 'priorityTask'.",
    Outputs = ["strategy", "reason", "priorityTask"])]
public sealed class DetermineContinuation(ISessionStore sessions) : SessionActivityBase(sessions)
{
    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var continuation = ContinuationStrategy.Determine(await LoadAsync(context));
        context.SetOutput("strategy", JsonSerializer.SerializeToNode(continuation.Strategy, SessionJson.Default.WorkStrategy));
        context.SetOutput("reason", continuation.Reason);
        context.SetOutput("priorityTask", continuation.PriorityTask is null ? null : JsonSerializer.SerializeToNode(continuation.PriorityTask, SessionJson.Default.SessionTask));
        context.Complete(continuation.Reason);
    }
}
