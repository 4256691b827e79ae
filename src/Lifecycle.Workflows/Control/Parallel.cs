using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Control;

/// <summary>Starts every branch at once and completes when all have completed.</summary>
[Activity("Control", "Starts every branch at once; completes when all of them have completed.")]
public sealed class Parallel : Activity
{
    [Input("The branches.", Required = true)]
    public IReadOnlyList<Activity> Branches { get; init; } = [];

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (Branches.Count == 0)
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }

        context.State["pending"] = Branches.Count;
        foreach (var branch in Branches)
        {
            context.ScheduleChild(branch);
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, Activity child)
    {
        var pending = context.State["pending"]!.GetValue<int>() - 1;
        context.State["pending"] = pending;
        if (pending == 0)
        {
            context.Complete();
        }

        return ValueTask.CompletedTask;
    }
}
