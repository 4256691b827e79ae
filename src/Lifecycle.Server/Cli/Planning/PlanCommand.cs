using System.CommandLine;
using System.Globalization;
using Lifecycle.Activities.Prediction;
using Lifecycle.Server.Planning;

namespace Lifecycle.Server.Cli.Planning;

/// <summary>
/// <c>plan [--hours H] [--format text|json]</c>: the next session's plan (blockers first, the task in
/// progress, then by priority), each task with its predicted effort, fitted into H hours (default:
/// the predicted session duration), kept with the session; what does not fit is listed as later.
/// </summary>
public static class PlanCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var hours = new Option<string?>("--hours") { Description = "The time budget in hours (e.g. 1.5); default: the predicted session duration" };
        var format = new Option<string>("--format") { Description = "text or json (--json is the same as --format json)", DefaultValueFactory = _ => "text" };
        var command = new Command("plan", "Plan the session: tasks in continuation order with predicted effort, fitted into the time budget") { hours, format };
        return command.Handle(output, error, async (context, ct) =>
        {
            var wanted = context.Parse.GetValue(format)!.Trim().ToLowerInvariant();
            if (wanted is not ("text" or "json"))
            {
                throw new UsageException($"--format must be text or json, not '{wanted}'.");
            }

            var given = context.Parse.GetValue(hours);
            var budget = given is null ? (double?)null : PlanHours.Parse(given, "--hours");
            var plan = await context.Sessions.PlanAsync(budget, ct);
            if (context.Json || wanted == "json")
            {
                context.WriteJson(plan);
            }
            else
            {
                Print(context, plan);
            }

            return ExitCodes.Ok;
        });
    }

    private static void Print(CommandContext context, SessionPlan plan)
    {
        var output = context.Out;
        var kept = plan.ForNextSession ? $"kept for the session after {plan.SessionId}" : $"kept with session {plan.SessionId}";
        var from = plan.BudgetFrom == "hours" ? "given with --hours" : "the predicted session duration";
        output.WriteLine(Text($"Plan ({kept}): {plan.Planned.Count} of {plan.Tasks.Count} tasks in {plan.PlannedMinutes:0} of {plan.BudgetMinutes:0} minutes ({from})."));
        if (plan.PlannedMinutes > plan.BudgetMinutes)
        {
            output.WriteLine(Text($"{plan.Planned[0].Id} alone is predicted to take {plan.PlannedMinutes:0} minutes, over the budget: it is planned first anyway."));
        }

        output.WriteLine($"First: {plan.Advice}");
        if (plan.Planned.Count > 0)
        {
            var table = new TextTable("start", "task", "priority", "why", "effort min (10-90%)", "title");
            foreach (var task in plan.Planned)
            {
                table.Add(Text($"+{task.StartMinute:0}m"), task.Id, task.Priority.ToString(CultureInfo.InvariantCulture), task.Reason, Effort(task.Effort), task.Title);
            }

            table.WriteTo(context);
        }

        if (plan.Later.Count > 0)
        {
            output.WriteLine("Later (does not fit the budget):");
            foreach (var task in plan.Later)
            {
                output.WriteLine($"  {task.Id} (priority {task.Priority}, {Effort(task.Effort)} min): {task.Title}");
            }
        }

        output.WriteLine(Forecast(plan.Session));
        if (plan.Tasks.FirstOrDefault()?.Effort is { Source: PredictionSource.Assumed })
        {
            output.WriteLine(Text($"Task effort is assumed ({TaskEffortPredictor.Assumed.Point:0} min, {TaskEffortPredictor.Assumed.Low:0}-{TaskEffortPredictor.Assumed.High:0}): fewer than {TaskEffortPredictor.MinimumSamples} done tasks have a recorded time."));
        }
    }

    /// <summary>"Next session predicted: 60 min (30-120), 2 commits (1-5), 120 lines (10-800); from 412 work sessions of the git history."</summary>
    internal static string Forecast(SessionForecast? forecast) =>
        forecast is null
            ? "Next session: no prediction (no closed session and no commit to learn from)."
            : Text($"Next session predicted: {forecast.DurationMinutes.Point:0} min ({forecast.DurationMinutes.Low:0}-{forecast.DurationMinutes.High:0}), ") +
              Text($"{forecast.Commits.Point:0} commits ({forecast.Commits.Low:0}-{forecast.Commits.High:0}), {forecast.Lines.Point:0} lines ({forecast.Lines.Low:0}-{forecast.Lines.High:0}); ") +
              $"from {forecast.Samples} {(forecast.Source == PredictionSource.Sessions ? "closed sessions" : "work sessions of the git history")}.";

    private static string Effort(TaskEffortForecast effort) => Text($"{effort.Minutes.Point:0} ({effort.Minutes.Low:0}-{effort.Minutes.High:0})");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
