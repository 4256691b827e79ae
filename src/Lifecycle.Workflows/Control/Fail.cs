using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Control;

/// <summary>Faults with a message.</summary>
[Activity("Control", "Faults with 'message'; a surrounding TryCatch can catch it.")]
public sealed class Fail : Activity
{
    [Input("Why the workflow fails.", Required = true)]
    public Input<string> Message { get; init; } = null!;

    public override ValueTask ExecuteAsync(ActivityContext context) =>
        throw new ActivityFaultException(context.Get(Message) ?? "failed");
}
