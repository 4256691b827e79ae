namespace Lifecycle.Activities.Prediction;

/// <summary>One task of a plan, looked at after the session: done or not, predicted against taken.</summary>
/// <param name="Id">The task.</param>
/// <param name="Title">What it was.</param>
/// <param name="Planned">True when it fitted the budget; false when the plan left it for later.</param>
/// <param name="Done">True when the session did it.</param>
/// <param name="Predicted">Its predicted effort in minutes.</param>
/// <param name="ActualMinutes">The time it took inside sessions, when it was done.</param>
public sealed record PlanReviewItem(string Id, string Title, bool Planned, bool Done, Estimate Predicted, double? ActualMinutes);
