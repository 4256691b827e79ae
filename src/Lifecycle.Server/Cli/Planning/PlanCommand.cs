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
        output.WriteLine(PlanText.Summary(plan));
        if (PlanText.OverBudget(plan) is { } over)
        {
            output.WriteLine(over);
        }

        output.WriteLine($"First: {plan.Advice}");
        if (plan.Planned.Count > 0)
        {
            var table = new TextTable("start", "task", "priority", "why", "effort min (10-90%)", "title");
            foreach (var task in plan.Planned)
            {
                table.Add(Text($"+{task.StartMinute:0}m"), task.Id, task.Priority.ToString(CultureInfo.InvariantCulture), task.Reason, PlanText.Effort(task.Effort), task.Title);
            }

            table.WriteTo(context);
        }

        if (plan.Later.Count > 0)
        {
            output.WriteLine("Later (does not fit the budget):");
            foreach (var task in plan.Later)
            {
                output.WriteLine($"  {task.Id} (priority {task.Priority}, {PlanText.Effort(task.Effort)} min): {task.Title}");
            }
        }

        output.WriteLine(PlanText.Forecast(plan.Session));
        if (PlanText.Assumed(plan) is { } assumed)
        {
            output.WriteLine(assumed);
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
