namespace Lifecycle.Activities.Prediction;

/// <summary>A done task's effort, as recorded.</summary>
/// <param name="TaskId">The task (T3).</param>
/// <param name="Priority">Its priority when it was done.</param>
/// <param name="Minutes">Time spent on it inside sessions, from when it was added (or first switched to) until it was done.</param>
/// <param name="Done">When it was done.</param>
public sealed record TaskEffortSample(string TaskId, int Priority, double Minutes, DateTimeOffset Done);
