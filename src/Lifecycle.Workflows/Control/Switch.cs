using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Control;

/// <summary>Runs the first case whose condition holds, or the default.</summary>
[Activity("Control", "Runs the first case whose 'when' is true, or 'default' when none is.")]
public sealed class Switch : Activity
{
    [Input("The cases, tried in order.", Required = true)]
    public IReadOnlyList<SwitchCase> Cases { get; init; } = [];

    [Input("Runs when no case matches.")]
    public Activity? Default { get; init; }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var match = Cases.FirstOrDefault(c => context.Get(c.When))?.Do ?? Default;
        if (match is null)
        {
            context.Complete("No case matched.");
        }
        else
        {
            context.ScheduleChild(match);
        }

        return ValueTask.CompletedTask;
    }
}
