using Lifecycle.Activities;
using Lifecycle.Activities.Documents;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Prediction;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;
using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Planning;

/// <summary>
/// The prediction and planning use cases: the next session predicted, each open task's effort,
/// the plan made and kept with the session (recorded on the ACTIVE one; between sessions, for the
/// next one), and a session's plan with its review once it closed.
/// </summary>
public sealed class PlanService(ISessionStore sessions, SessionStoreAccess access, RepositoryContext repository, SessionLogWriter log, TimeProvider time)
{
    /// <summary>The next session and the open tasks, predicted.</summary>
    public async Task<Predictions> PredictAsync(CancellationToken cancellationToken)
    {
        var all = await AllAsync(cancellationToken);
        var context = all.Count == 0 ? null : await access.ForTasksAsync(cancellationToken, toChange: false);
        var facts = await FactsAsync(all, cancellationToken);
        var tasks = context is null ? [] : PlanBuilder.Ordered(context, await InProgressAsync(context, cancellationToken))
            .Select(t => new TaskPrediction(t.Task.Id, t.Task.Title, t.Task.Priority, t.Task.Status, Rounded(TaskEffortPredictor.Predict(facts.Efforts, t.Task.Priority))))
            .ToList();
        return new Predictions(facts.Session, tasks, facts.Closed, NextSessionPrediction.MinimumSessions, facts.Efforts.Count);
    }

    /// <summary>
    /// Makes the plan and keeps it: on the ACTIVE session, or between sessions for the next one.
    /// </summary>
    /// <param name="hours">The time budget; null for the predicted session duration.</param>
    /// <param name="cancellationToken">Cancels the reads; the plan is recorded whole or not at all.</param>
    /// <exception cref="SessionException">Hours out of range, or no open task to plan (<see cref="ErrorKind.InvalidInput"/>).</exception>
    public async Task<SessionPlan> MakeAsync(double? hours, CancellationToken cancellationToken)
    {
        if (hours is { } given)
        {
            PlanHours.Check(given);
        }

        var latest = await access.LatestAsync(cancellationToken);
        var context = await access.ForTasksAsync(cancellationToken);
        if (context.Tasks.All(t => t.Status == SessionTaskStatus.Done))
        {
            throw new SessionException("There are no open tasks to plan. Add some with 'lifecycle task add TEXT', then run 'lifecycle plan' again.", ErrorKind.InvalidInput);
        }

        var facts = await FactsAsync(await AllAsync(cancellationToken), cancellationToken);
        var forNext = latest.State != SessionState.Active;
        var now = time.GetUtcNow();
        var (budget, budgetFrom) = hours is { } h ? (h * 60, "hours") : (TimeboxLeft(latest, forNext, now), "timebox");
        var plan = PlanBuilder.Build(context, await InProgressAsync(context, cancellationToken), t => Rounded(TaskEffortPredictor.Predict(facts.Efforts, t.Priority)),
            budget, Rounded(facts.Session), forNext, now, budgetFrom);
        await sessions.AppendEventAsync(SessionPlans.ToEvent(plan), CancellationToken.None);
        if (!forNext)
        {
            log.Append(context, SessionLogEntries.Note(plan.MadeAt, Describe(plan)));
        }

        return plan;
    }

    /// <summary>The plan of the ACTIVE session, or between sessions the one made for the next; null when none was made.</summary>
    public async Task<SessionPlan?> CurrentAsync(CancellationToken cancellationToken)
    {
        var latest = await access.LatestAsync(cancellationToken);
        if (latest.State == SessionState.Active)
        {
            return await SessionPlans.ForAsync(sessions, latest, cancellationToken);
        }

        var context = await access.ForTasksAsync(cancellationToken, toChange: false);
        return await SessionPlans.PendingAsync(sessions, context, cancellationToken);
    }

    /// <summary>The plan of session <paramref name="sessionId"/> and, when it closed, how it went.</summary>
    public async Task<PlanOfSession> OfSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        var session = await access.GetAsync(sessionId, cancellationToken);
        if (session is { State: SessionState.Dormant, EndTime: not null } && await PlanReviews.OfAsync(sessions, session, time.GetUtcNow(), IdleThreshold, cancellationToken) is { } review)
        {
            return new PlanOfSession(session.SessionId, review.Plan, review, review.Summary());
        }

        return new PlanOfSession(session.SessionId, await SessionPlans.ForAsync(sessions, session, cancellationToken), null, null);
    }

    /// <summary>"plan made: T1, T3 in 90 min (budget 120 min, predicted); later: T2".</summary>
    public static string Describe(SessionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var planned = plan.Planned.Count == 0 ? "no task fits" : string.Join(", ", plan.Planned.Select(t => t.Id));
        var later = plan.Later.Count == 0 ? "" : $"; later: {string.Join(", ", plan.Later.Select(t => t.Id))}";
        return $"plan made: {planned} in {plan.PlannedMinutes:0} min (budget {plan.BudgetMinutes:0} min, from {PlanText.From(plan)}){later}";
    }

    /// <summary>The minutes left in the ACTIVE session's timebox (at least one); null without a timebox, or between sessions.</summary>
    private static double? TimeboxLeft(SessionContext latest, bool forNext, DateTimeOffset now) =>
        !forNext && latest is { TimeboxMinutes: { } box, ActiveSince: { } since }
            ? Math.Max(1, Math.Round(box - (now - since).TotalMinutes))
            : null;

    private TimeSpan IdleThreshold => TimeSpan.FromMinutes(repository.Config.IdleThresholdMinutes);

    private async Task<IReadOnlyList<SessionContext>> AllAsync(CancellationToken cancellationToken) =>
        access.Exists ? await sessions.ListAsync(cancellationToken) : [];

    private async Task<(SessionForecast? Session, int Closed, IReadOnlyList<TaskEffortSample> Efforts)> FactsAsync(IReadOnlyList<SessionContext> all, CancellationToken cancellationToken)
    {
        var closed = NextSessionPrediction.Closed(all);
        var forecast = NextSessionPrediction.Predict(closed, () => GitWorkHistory.Read(repository.Root), GitWorkHistory.UserEmail(repository.Root));
        var efforts = await SessionPlans.TaskHistoryAsync(sessions, all, time.GetUtcNow(), IdleThreshold, cancellationToken);
        return (forecast, closed.Count, efforts);
    }

    /// <summary>The task last switched to in <paramref name="context"/>, when it is still open.</summary>
    private async Task<string?> InProgressAsync(SessionContext context, CancellationToken cancellationToken)
    {
        var switched = await sessions.QueryEventsAsync(new SessionEventQuery(context.SessionId, SessionEventTypes.TaskSwitched, Limit: 10_000), cancellationToken);
        var id = switched.Items.LastOrDefault()?.Data?["task"]?.GetValue<string>();
        return context.Tasks.Any(t => t.Status == SessionTaskStatus.Open && string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase)) ? id : null;
    }

    private static SessionForecast? Rounded(SessionForecast? forecast) =>
        forecast is null ? null : forecast with { DurationMinutes = forecast.DurationMinutes.Rounded(), Commits = forecast.Commits.Rounded(), Lines = forecast.Lines.Rounded() };

    private static TaskEffortForecast Rounded(TaskEffortForecast forecast) => forecast with { Minutes = forecast.Minutes.Rounded() };
}
