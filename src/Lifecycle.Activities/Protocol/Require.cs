using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Protocol;

/// <summary>
/// Requires the user to confirm an action before the workflow goes on: asks on an interactive
/// terminal, blocks when there is none, unless <see cref="Yes"/> (--yes) confirms it up front. A
/// confirmation is recorded in the workflow output <c>overrides</c>, which goes into the session log.
/// </summary>
[Activity("Protocol", "Asks the user to confirm 'action' when 'when' holds; without a terminal it blocks unless 'yes' (--yes) is set; a confirmation goes into the workflow output 'overrides' (for the session log).")]
public sealed class Require(IConfirmation confirmation) : Activity
{
    [Input("What the user must have done, e.g. \"Commit or stash uncommitted work\".", Required = true)]
    public Input<string> Action { get; init; } = null!;

    [Input("When the requirement applies; true by default.")]
    public Input<bool>? When { get; init; }

    [Input("Confirms up front (e.g. {\"js\": \"input.yes === true\"} for --yes).")]
    public Input<bool>? Yes { get; init; }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        if (!context.Get(When, true))
        {
            context.Complete();
            return;
        }

        var action = context.Get(Action);
        if (context.Get(Yes, false))
        {
            ProtocolOverrides.Record(context, $"Confirmed with --yes: {action}");
            context.Complete($"Confirmed with --yes: {action}");
            return;
        }

        var answer = await confirmation.ConfirmAsync($"{action}. Continue?", context.CancellationToken);
        switch (answer)
        {
            case true:
                ProtocolOverrides.Record(context, $"Confirmed at the terminal: {action}");
                context.Complete($"Confirmed: {action}");
                break;
            case false:
                throw new ActivityFaultException($"Required action not completed: {action}. Do it, then run the command again.", code: FaultCodes.Blocked);
            default:
                throw new ActivityFaultException(
                    $"Required action not completed: {action}. Confirm with --yes, or run on a terminal to answer.", code: FaultCodes.Blocked);
        }
    }
}
