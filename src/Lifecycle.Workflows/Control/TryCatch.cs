using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Control;

/// <summary>Runs <see cref="Try"/>; when it faults, runs <see cref="Catch"/> with the error in its output.</summary>
[Activity("Control", "Runs 'try'; if it faults, records the cause (e.g. a Fail's message) in output 'error' and runs 'catch'.", Outputs = ["error"])]
public sealed class TryCatch : Activity
{
    [Input("The activity whose faults are caught.", Required = true)]
    public Activity? Try { get; init; }

    [Input("Runs after a fault in 'try'; its own faults are not caught here.")]
    public Activity? Catch { get; init; }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (Try is null)
        {
            context.Complete();
        }
        else
        {
            context.ScheduleChild(Try);
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask<bool> OnChildFaultedAsync(ActivityContext context, Activity child, WorkflowFault fault)
    {
        if (!ReferenceEquals(child, Try))
        {
            return ValueTask.FromResult(false);
        }

        context.SetOutput("error", fault.Cause);
        if (Catch is null)
        {
            context.Complete($"Caught: {fault.Message}");
        }
        else
        {
            context.ScheduleChild(Catch);
        }

        return ValueTask.FromResult(true);
    }
}
