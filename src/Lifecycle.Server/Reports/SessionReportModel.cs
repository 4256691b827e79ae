using Lifecycle.Activities.Handoff;

namespace Lifecycle.Server.Reports;

/// <summary>One closed session's report: what <c>lifecycle report ID</c> writes as Markdown, JSON or HTML.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="GeneratedAt">When the report was made.</param>
/// <param name="TimeZone">The zone its local times are in (the timeline's clock).</param>
/// <param name="Figures">Its figures.</param>
/// <param name="Timeline">State transitions, commits, task changes, errors and idle gaps, in time order.</param>
/// <param name="Insights">Its productivity insights (the handoff's).</param>
/// <param name="Goals">The goals checked against its figures.</param>
/// <param name="Handoff">Its handoff, whole.</param>
/// <param name="Source">Where the handoff was read: the work tree, or the branch whose tip holds it.</param>
/// <param name="Plan">The session's plan compared with what happened; null when no plan was made.</param>
/// <param name="Suggestions">The optimization suggestions from the closed sessions' history, with their evidence.</param>
public sealed record SessionReportModel(
    string SessionId,
    DateTimeOffset GeneratedAt,
    string TimeZone,
    SessionFigures Figures,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<string> Insights,
    IReadOnlyList<GoalCheck> Goals,
    Handoff Handoff,
    string Source,
    Lifecycle.Activities.Prediction.PlanReview? Plan = null,
    Suggestions.SuggestionReport? Suggestions = null);
