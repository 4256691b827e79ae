using Lifecycle.Activities.Continuity;
using Lifecycle.Activities.Prediction;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Tests.Prediction;

public sealed class PlanBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Blockers_come_first_then_the_task_in_progress_then_priority()
    {
        var context = Context(
            new SessionTask("T1", "low", 5),
            new SessionTask("T2", "urgent", 1),
            new SessionTask("T3", "blocked", 4, SessionTaskStatus.Blocked, "waiting"),
            new SessionTask("T4", "in progress", 3),
            new SessionTask("T5", "done", 1, SessionTaskStatus.Done));

        var plan = PlanBuilder.Build(context, "T4", _ => Effort(10), 600, null, forNextSession: false, Now);

        Assert.Equal(["T3", "T4", "T2", "T1"], plan.Tasks.Select(t => t.Id));
        Assert.Equal(["blocker", "in-progress", "priority", "priority"], plan.Tasks.Select(t => t.Reason));
        Assert.Equal(WorkStrategy.ResolveBlockers, plan.Strategy);
    }

    [Fact]
    public void Tasks_are_fitted_first_fit_and_what_does_not_fit_is_later()
    {
        var context = Context(new SessionTask("T1", "big", 1), new SessionTask("T2", "medium", 2), new SessionTask("T3", "small", 3));
        var minutes = new Dictionary<string, double> { ["T1"] = 50, ["T2"] = 60, ["T3"] = 30 };

        var plan = PlanBuilder.Build(context, null, t => Effort(minutes[t.Id]), 90, null, forNextSession: true, Now);

        Assert.Equal(["T1", "T3"], plan.Planned.Select(t => t.Id));
        Assert.Equal(["T2"], plan.Later.Select(t => t.Id));
        Assert.Equal([0.0, 50.0], plan.Planned.Select(t => t.StartMinute!.Value));
        Assert.Equal(80, plan.PlannedMinutes);
        Assert.Equal("hours", plan.BudgetFrom);
        Assert.True(plan.ForNextSession);
    }

    [Fact]
    public void The_first_task_is_planned_even_when_it_alone_overruns_the_budget()
    {
        var context = Context(new SessionTask("T1", "long", 1), new SessionTask("T2", "short", 2));
        var minutes = new Dictionary<string, double> { ["T1"] = 120, ["T2"] = 10 };

        var plan = PlanBuilder.Build(context, null, t => Effort(minutes[t.Id]), 60, null, false, Now);

        Assert.Equal(["T1"], plan.Planned.Select(t => t.Id));
        Assert.Equal(["T2"], plan.Later.Select(t => t.Id));
        Assert.Equal(120, plan.PlannedMinutes);
    }

    [Fact]
    public void Without_hours_the_budget_is_the_predicted_duration()
    {
        var forecast = new SessionForecast(new Estimate(75, 30, 180), new Estimate(2, 1, 5), new Estimate(100, 10, 900), PredictionSource.GitHistory, 40, 10);

        var plan = PlanBuilder.Build(Context(new SessionTask("T1", "x")), null, _ => Effort(10), null, forecast, false, Now);
        var blind = PlanBuilder.Build(Context(new SessionTask("T1", "x")), null, _ => Effort(10), null, null, false, Now);

        Assert.Equal(75, plan.BudgetMinutes);
        Assert.Equal("prediction", plan.BudgetFrom);
        Assert.Equal(PlanBuilder.DefaultBudgetMinutes, blind.BudgetMinutes);
    }

    [Fact]
    public void A_plan_survives_its_event_and_is_reviewed_against_what_was_done()
    {
        var context = Context(new SessionTask("T1", "one", 1), new SessionTask("T2", "two", 2), new SessionTask("T3", "three", 3));
        var plan = PlanBuilder.Build(context, null, _ => Effort(40), 90, null, false, Now);
        var stored = SessionPlans.FromEvent(SessionPlans.ToEvent(plan))!;
        context.Tasks[0] = context.Tasks[0] with { Status = SessionTaskStatus.Done };
        context.Tasks[2] = context.Tasks[2] with { Status = SessionTaskStatus.Done };
        context.EndTime = Now.AddMinutes(100);

        var review = PlanReview.Of(stored, context, [new TaskEffortSample("T1", 1, 35, Now.AddMinutes(35))], Now.AddMinutes(100));

        Assert.Equal(plan.Tasks, stored.Tasks);
        Assert.Equal(1, review.PlannedDone);
        Assert.Equal(2, review.PlannedCount);
        Assert.Equal(["T3"], review.DoneUnplanned);
        Assert.Equal(35, review.Items[0].ActualMinutes);
        Assert.Equal(100, review.ActualMinutes);
        Assert.Equal("plan: 1 of 2 planned tasks done (T1 in 35 min, predicted 40; not done: T2); 1 more done (T3); planned 80 min in a budget of 90 min; the session took 100 min", review.Summary());
    }

    private static SessionContext Context(params SessionTask[] tasks) =>
        new() { SessionId = "00003", StartTime = Now, ActiveSince = Now, State = SessionState.Active, Tasks = [.. tasks] };

    private static TaskEffortForecast Effort(double minutes) => new(new Estimate(minutes, minutes / 2, minutes * 2), PredictionSource.Sessions, 5);
}
