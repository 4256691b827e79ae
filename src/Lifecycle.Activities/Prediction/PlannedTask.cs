namespace Lifecycle.Activities.Prediction;

/// <summary>One task in a session's plan.</summary>
/// <param name="Id">The task (T3).</param>
/// <param name="Title">What to do.</param>
/// <param name="Priority">1 (highest) to 5.</param>
/// <param name="Reason">Why it is where it is: <c>blocker</c>, <c>in-progress</c> or <c>priority</c> (the continuation strategy's order).</param>
/// <param name="Effort">Its predicted effort in minutes.</param>
/// <param name="Fits">True when it fits in the budget (planned); false when it is for later.</param>
/// <param name="StartMinute">Minutes into the session it would start at, when it fits.</param>
public sealed record PlannedTask(string Id, string Title, int Priority, string Reason, TaskEffortForecast Effort, bool Fits, double? StartMinute);
