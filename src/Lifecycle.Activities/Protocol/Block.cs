using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Protocol;

/// <summary>
/// Stops the workflow when a protocol rule is broken (the CLI exits 3, naming the rule and the
/// override). With <see cref="Force"/> the rule is overridden; the journal and the workflow output
/// <c>overrides</c> (which goes into the session log) record who did it.
/// </summary>
[Activity("Protocol", "Stops the workflow when 'when' holds, naming the rule; 'force' overrides it, and the journal and the workflow output 'overrides' (for the session log) record who overrode what.")]
public sealed class Block : Activity
{
    [Input("The rule's name, e.g. reality-consensus.", Required = true)]
    public Input<string> Rule { get; init; } = null!;

    [Input("Why the workflow stops, for the user.", Required = true)]
    public Input<string> Message { get; init; } = null!;

    [Input("When the rule is broken; true by default.")]
    public Input<bool>? When { get; init; }

    [Input("Overrides the rule (e.g. {\"js\": \"input.force === true\"} for --force).")]
    public Input<bool>? Force { get; init; }

    [Input("Who overrides, for the journal; the operating-system user by default.")]
    public Input<string?>? Actor { get; init; }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (!context.Get(When, true))
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }

        var rule = context.GetName(Rule);
        var message = context.Get(Message);
        if (context.Get(Force, false))
        {
            var actor = context.Get(Actor, null) ?? Environment.UserName;
            var overridden = $"Rule '{rule}' overridden with --force by {actor}: {message}";
            context.SetOutput("overridden", true);
            ProtocolOverrides.Record(context, overridden);
            context.Complete(overridden);
            return ValueTask.CompletedTask;
        }

        throw new ActivityFaultException($"Blocked by rule '{rule}': {message}. Override with --force.", code: FaultCodes.Blocked);
    }

    protected override IEnumerable<(string Path, string Message)> Validate() => LiteralChecks.Name(Rule);
}
