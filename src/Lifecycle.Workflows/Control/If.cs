using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Control;

/// <summary>Runs <see cref="Then"/> when the condition holds, otherwise <see cref="Else"/>.</summary>
[Activity("Control", "Runs 'then' when the condition is true, otherwise 'else'.")]
public sealed class If : Activity
{
    [Input("The condition; JavaScript truthiness applies to expressions.", Required = true)]
    public Input<bool> Condition { get; init; } = null!;

    [Input("Runs when the condition is true.", Required = true)]
    public Activity? Then { get; init; }

    [Input("Runs when the condition is false.")]
    public Activity? Else { get; init; }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var branch = context.Get(Condition) ? Then : Else;
        if (branch is null)
        {
            context.Complete();
        }
        else
        {
            context.ScheduleChild(branch);
        }

        return ValueTask.CompletedTask;
    }
}
