using System.Text.Json.Serialization;
using Lifecycle.Activities.Continuity;

namespace Lifecycle.Activities.Prediction;

/// <summary>
/// A session's plan: its tasks in the continuation strategy's order with their predicted effort,
/// those that fit the time budget first, the rest for later. Recorded as a <c>plan_made</c> event.
/// </summary>
/// <param name="SessionId">The session it was recorded on: the ACTIVE one, or between sessions the last one (see <paramref name="ForNextSession"/>).</param>
/// <param name="ForNextSession">Made between sessions: it is for the next session, which takes it when it starts.</param>
/// <param name="MadeAt">When it was made.</param>
/// <param name="BudgetMinutes">The time budget it was fitted into.</param>
/// <param name="BudgetFrom"><c>hours</c> (given with <c>--hours</c>), <c>timebox</c> (the time left in the session's timebox), <c>prediction</c> (the predicted session duration) or <c>default</c> (no prediction yet: <see cref="PlanBuilder.DefaultBudgetMinutes"/>).</param>
/// <param name="Strategy">The continuation strategy (what to do first).</param>
/// <param name="Advice">The strategy's reason in a sentence.</param>
/// <param name="Session">The next session's prediction it was made with; null without any history.</param>
/// <param name="Tasks">Every open or blocked task, planned ones and later ones, in order.</param>
public sealed record SessionPlan(
    string SessionId,
    bool ForNextSession,
    DateTimeOffset MadeAt,
    double BudgetMinutes,
    string BudgetFrom,
    WorkStrategy Strategy,
    string Advice,
    SessionForecast? Session,
    IReadOnlyList<PlannedTask> Tasks)
{
    /// <summary>The tasks that fit the budget, in order.</summary>
    [JsonIgnore]
    public IReadOnlyList<PlannedTask> Planned => [.. Tasks.Where(t => t.Fits)];

    /// <summary>The tasks left for later.</summary>
    [JsonIgnore]
    public IReadOnlyList<PlannedTask> Later => [.. Tasks.Where(t => !t.Fits)];

    /// <summary>The planned tasks' predicted effort, added up.</summary>
    [JsonIgnore]
    public double PlannedMinutes => Tasks.Where(t => t.Fits).Sum(t => t.Effort.Minutes.Point);
}
