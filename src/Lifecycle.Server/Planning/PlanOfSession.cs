using Lifecycle.Activities.Prediction;

namespace Lifecycle.Server.Planning;

/// <summary>A session's plan and, once it closed, how it went.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Plan">Its plan; null when it had none.</param>
/// <param name="Review">The plan compared with what happened; null while the session is open or without a plan.</param>
/// <param name="Summary">The review's one line (as in the log); null without a review.</param>
public sealed record PlanOfSession(string SessionId, SessionPlan? Plan, PlanReview? Review, string? Summary);
