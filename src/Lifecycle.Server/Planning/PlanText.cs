using System.Globalization;
using Lifecycle.Activities.Prediction;

namespace Lifecycle.Server.Planning;

/// <summary>
/// A plan as lines of text, the same for <c>lifecycle plan</c> and the MCP <c>plan</c> tool: what is
/// planned in which order with its predicted effort, what does not fit, and the session's forecast.
/// </summary>
public static class PlanText
{
    /// <summary>"Plan (kept with session 00004): 2 of 3 tasks in 90 of 120 minutes (given with --hours)."</summary>
    public static string Summary(SessionPlan plan)
    {
        var kept = plan.ForNextSession ? $"kept for the session after {plan.SessionId}" : $"kept with session {plan.SessionId}";
        var from = From(plan);
        return Text($"Plan ({kept}): {plan.Planned.Count} of {plan.Tasks.Count} tasks in {plan.PlannedMinutes:0} of {plan.BudgetMinutes:0} minutes ({from}).");
    }

    /// <summary>Where the budget came from, in words.</summary>
    public static string From(SessionPlan plan) => plan.BudgetFrom switch
    {
        "hours" => "given with --hours",
        "timebox" => "the time left in the timebox",
        "default" => "no prediction yet, so the default",
        _ => "the predicted session duration",
    };

    /// <summary>The line that says the first task alone is over the budget; null when it is not.</summary>
    public static string? OverBudget(SessionPlan plan) =>
        plan.PlannedMinutes > plan.BudgetMinutes
            ? Text($"{plan.Planned[0].Id} alone is predicted to take {plan.PlannedMinutes:0} minutes, over the budget: it is planned first anyway.")
            : null;

    /// <summary>The line that says task effort is an assumption (too few done tasks have a recorded time); null when it is not.</summary>
    public static string? Assumed(SessionPlan plan) =>
        plan.Tasks.FirstOrDefault()?.Effort is { Source: PredictionSource.Assumed }
            ? Text($"Task effort is assumed ({TaskEffortPredictor.Assumed.Point:0} min, {TaskEffortPredictor.Assumed.Low:0}-{TaskEffortPredictor.Assumed.High:0}): fewer than {TaskEffortPredictor.MinimumSamples} done tasks have a recorded time.")
            : null;

    /// <summary>"Next session predicted: 60 min (30-120), 2 commits (1-5), 120 lines (10-800); from 412 work sessions of the git history."</summary>
    public static string Forecast(SessionForecast? forecast) =>
        forecast is null
            ? Text($"Next session: no prediction yet (fewer than {SessionPredictor.MinimumSamples} closed sessions or work sessions in the git history to learn from).")
            : Text($"Next session predicted: {forecast.DurationMinutes.Point:0} min ({forecast.DurationMinutes.Low:0}-{forecast.DurationMinutes.High:0}), ") +
              Text($"{forecast.Commits.Point:0} commits ({forecast.Commits.Low:0}-{forecast.Commits.High:0}), {forecast.Lines.Point:0} lines ({forecast.Lines.Low:0}-{forecast.Lines.High:0}); ") +
              $"from {forecast.Samples} {(forecast.Source == PredictionSource.Sessions ? "closed sessions" : "work sessions of the git history")}.";

    /// <summary>"60 (15-240)": a task's predicted minutes with the 10-90% interval.</summary>
    public static string Effort(TaskEffortForecast effort) => Text($"{effort.Minutes.Point:0} ({effort.Minutes.Low:0}-{effort.Minutes.High:0})");

    /// <summary>The whole plan as lines, one per task (for the MCP tool, where no table is drawn).</summary>
    public static string Render(SessionPlan plan)
    {
        var lines = new List<string> { Summary(plan) };
        lines.AddRange(OverBudget(plan) is { } over ? [over] : []);
        lines.Add($"First: {plan.Advice}");
        lines.AddRange(plan.Planned.Select(t => Text($"+{t.StartMinute:0}m {t.Id} (priority {t.Priority}, {t.Reason}, {Effort(t.Effort)} min): {t.Title}")));
        if (plan.Later.Count > 0)
        {
            lines.Add("Later (does not fit the budget):");
            lines.AddRange(plan.Later.Select(t => $"  {t.Id} (priority {t.Priority}, {Effort(t.Effort)} min): {t.Title}"));
        }

        lines.Add(Forecast(plan.Session));
        lines.AddRange(Assumed(plan) is { } assumed ? [assumed] : []);
        return string.Join("\n", lines);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
