using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Control;

/// <summary>Ends the workflow at once, cancelling whatever else is running or waiting.</summary>
[Activity("Control", "Ends the workflow at once; a sub-workflow returns to its caller.")]
public sealed class Finish : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.FinishWorkflow();
        return ValueTask.CompletedTask;
    }
}
