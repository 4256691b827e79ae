using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Control;

/// <summary>One case of a <see cref="Switch"/>.</summary>
public sealed class SwitchCase
{
    [Input("The condition of this case.", Required = true)]
    public Input<bool> When { get; init; } = null!;

    [Input("Runs when this is the first case whose condition is true.", Required = true)]
    public Activity? Do { get; init; }
}
