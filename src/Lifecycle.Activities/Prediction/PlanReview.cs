using System.Globalization;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Prediction;

/// <summary>
/// A session's plan compared with what happened, at its close: which planned tasks were done,
/// which tasks were done without being planned, and the predicted minutes against the actual ones.
/// </summary>
/// <param name="Plan">The plan the session had.</param>
/// <param name="Items">Every task of the plan, planned and later, with what became of it.</param>
/// <param name="DoneUnplanned">Tasks the session did that the plan did not have among the planned ones (later ones or new ones).</param>
/// <param name="ActualMinutes">How long the session lasted.</param>
public sealed record PlanReview(SessionPlan Plan, IReadOnlyList<PlanReviewItem> Items, IReadOnlyList<string> DoneUnplanned, double ActualMinutes)
{
    /// <summary>Planned tasks done.</summary>
    public int PlannedDone => Items.Count(i => i.Planned && i.Done);

    /// <summary>Planned tasks in all.</summary>
    public int PlannedCount => Items.Count(i => i.Planned);

    /// <summary>Compares <paramref name="plan"/> with the closed <paramref name="session"/> and the recorded task efforts.</summary>
    public static PlanReview Of(SessionPlan plan, SessionContext session, IReadOnlyList<TaskEffortSample> efforts, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(efforts);
        var done = session.CompletedTasks.Select(t => t.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var items = plan.Tasks.Select(t => new PlanReviewItem(t.Id, t.Title, t.Fits, done.Contains(t.Id), t.Effort.Minutes,
            done.Contains(t.Id) ? efforts.LastOrDefault(e => string.Equals(e.TaskId, t.Id, StringComparison.OrdinalIgnoreCase)) is { } e ? Math.Round(e.Minutes, 1) : null : null)).ToList();
        var planned = items.Where(i => i.Planned).Select(i => i.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unplanned = session.CompletedTasks.Select(t => t.Id).Where(id => !planned.Contains(id)).ToList();
        return new PlanReview(plan, items, unplanned, Math.Round(Math.Max(0, ((session.EndTime ?? end) - session.StartTime).TotalMinutes), 1));
    }

    /// <summary>
    /// One line for the log and the report: "plan: 2 of 3 planned tasks done (T1 in 40 min, predicted 30, T3 in …; not done: T2);
    /// 1 more done (T5); planned 75 min in a budget of 90 min; the session took 110 min
    /// (predicted 60, 30-120)".
    /// </summary>
    public string Summary()
    {
        var invariant = CultureInfo.InvariantCulture;
        var doneIds = Items.Where(i => i.Planned && i.Done)
            .Select(i => i.ActualMinutes is { } took ? string.Create(invariant, $"{i.Id} in {took:0} min, predicted {i.Predicted.Point:0}") : i.Id).ToList();
        var missed = Items.Where(i => i.Planned && !i.Done).Select(i => i.Id).ToList();
        var text = $"plan: {PlannedDone} of {PlannedCount} planned task{(PlannedCount == 1 ? "" : "s")} done";
        if (doneIds.Count + missed.Count > 0)
        {
            text += $" ({(doneIds.Count > 0 ? string.Join(", ", doneIds) : "none")}{(missed.Count > 0 ? "; not done: " + string.Join(", ", missed) : "")})";
        }

        if (DoneUnplanned.Count > 0)
        {
            text += $"; {DoneUnplanned.Count} more done ({string.Join(", ", DoneUnplanned)})";
        }

        text += string.Create(invariant, $"; planned {Plan.PlannedMinutes:0} min in a budget of {Plan.BudgetMinutes:0} min; the session took {ActualMinutes:0} min");
        if (Plan.Session is { } predicted)
        {
            var d = predicted.DurationMinutes;
            text += string.Create(invariant, $" (predicted {d.Point:0}, {d.Low:0}-{d.High:0})");
        }

        return text;
    }

    /// <summary>The handoff's plan section ("## Plan" and the summary line); empty without a review.</summary>
    public static string Markdown(PlanReview? review) => review is null ? "" : $"\n## Plan\n\n{review.Summary()}\n";
}
