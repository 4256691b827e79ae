using Lifecycle.Activities.Continuity;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Prediction;

/// <summary>
/// Makes a session's plan: the tasks in the spec's continuation order (blocked tasks first, as
/// resolving blockers comes first; then the task in progress; then the open tasks by priority), each
/// with its predicted effort, fitted into the budget first-fit: a task is planned when its predicted
/// minutes still fit after those planned before it, otherwise it is for later and the next ones
/// are tried (a small task still fits after a big one did not). The first task in the order is
/// planned even when it alone is predicted longer than the budget: a session starts with
/// something, and the plan then shows the overrun (<see cref="SessionPlan.PlannedMinutes"/> above
/// the budget) rather than an empty plan.
/// </summary>
public static class PlanBuilder
{
    /// <summary>The budget used when neither hours nor a prediction give one: 90 minutes.</summary>
    public const double DefaultBudgetMinutes = 90;

    /// <summary>The plan for the tasks of <paramref name="context"/>.</summary>
    /// <param name="context">The session tasks belong to (its tasks, blockers and uncommitted files).</param>
    /// <param name="inProgress">The task last switched to, when it is still open; null when none.</param>
    /// <param name="effort">Each task's predicted effort.</param>
    /// <param name="budgetMinutes">The budget; null for the predicted session duration.</param>
    /// <param name="session">The next session's prediction; null without history.</param>
    /// <param name="forNextSession">True when the plan is made between sessions.</param>
    /// <param name="now">When it is made.</param>
    /// <param name="budgetFrom">Where a given <paramref name="budgetMinutes"/> comes from: <c>hours</c> (the default) or <c>timebox</c>.</param>
    public static SessionPlan Build(SessionContext context, string? inProgress, Func<SessionTask, TaskEffortForecast> effort,
        double? budgetMinutes, SessionForecast? session, bool forNextSession, DateTimeOffset now, string budgetFrom = "hours")
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(effort);
        var budget = budgetMinutes ?? session?.DurationMinutes.Point ?? DefaultBudgetMinutes;
        var continuation = ContinuationStrategy.Determine(context);
        var used = 0.0;
        var tasks = new List<PlannedTask>();
        foreach (var (task, reason) in Ordered(context, inProgress))
        {
            var forecast = effort(task);
            var fits = used + forecast.Minutes.Point <= budget || tasks.Count == 0;
            tasks.Add(new PlannedTask(task.Id, task.Title, task.Priority, reason, forecast, fits, fits ? Math.Round(used, 1) : null));
            used += fits ? forecast.Minutes.Point : 0;
        }

        return new SessionPlan(context.SessionId, forNextSession, now, Math.Round(budget, 1), budgetMinutes is not null ? budgetFrom : session is not null ? "prediction" : "default",
            continuation.Strategy, continuation.Reason, session, tasks);
    }

    /// <summary>The open and blocked tasks in the continuation order, each with why it is there.</summary>
    public static IEnumerable<(SessionTask Task, string Reason)> Ordered(SessionContext context, string? inProgress)
    {
        ArgumentNullException.ThrowIfNull(context);
        var open = TaskBoard.ByPriority(context.Tasks.Where(t => t.Status != SessionTaskStatus.Done)).ToList();
        foreach (var blocked in open.Where(t => t.Status == SessionTaskStatus.Blocked))
        {
            yield return (blocked, "blocker");
        }

        var current = open.FirstOrDefault(t => t.Status == SessionTaskStatus.Open && string.Equals(t.Id, inProgress, StringComparison.OrdinalIgnoreCase));
        if (current is not null)
        {
            yield return (current, "in-progress");
        }

        foreach (var task in open.Where(t => t.Status == SessionTaskStatus.Open && !ReferenceEquals(t, current)))
        {
            yield return (task, "priority");
        }
    }
}
