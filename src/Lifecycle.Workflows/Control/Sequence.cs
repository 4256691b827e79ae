using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Control;

/// <summary>Runs its activities one after another.</summary>
[Activity("Control", "Runs its activities one after another.")]
public sealed class Sequence : Activity
{
    [Input("The activities, in order.")]
    public IReadOnlyList<Activity> Activities { get; init; } = [];

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        ScheduleOrComplete(context, 0);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, Activity child)
    {
        ScheduleOrComplete(context, IndexOf(child) + 1);
        return ValueTask.CompletedTask;
    }

    private void ScheduleOrComplete(ActivityContext context, int index)
    {
        if (index < Activities.Count)
        {
            context.ScheduleChild(Activities[index]);
        }
        else
        {
            context.Complete();
        }
    }

    private int IndexOf(Activity child)
    {
        for (var i = 0; i < Activities.Count; i++)
        {
            if (ReferenceEquals(Activities[i], child))
            {
                return i;
            }
        }

        return Activities.Count;
    }
}
