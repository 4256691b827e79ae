using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Continuity;

/// <summary>The strategy, why, and the task to take first when there is one.</summary>
/// <param name="Strategy">What to do first.</param>
/// <param name="Reason">One sentence for the mission.</param>
/// <param name="PriorityTask">With <see cref="WorkStrategy.ContinueTasks"/>: the highest-priority open task.</param>
public sealed record Continuation(WorkStrategy Strategy, string Reason, SessionTask? PriorityTask = null);
