using System.Text.Json.Nodes;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Protocol;

/// <summary>Notes a protocol issue without stopping: in the journal and in the workflow output <c>warnings</c> (which goes into the session log).</summary>
[Activity("Protocol", "Records 'message' as a warning when 'when' holds (journal and the workflow output 'warnings'); never stops the workflow.")]
public sealed class Warn : Activity
{
    public const string OutputName = "warnings";

    [Input("The warning.", Required = true)]
    public Input<string> Message { get; init; } = null!;

    [Input("When to warn; true by default.")]
    public Input<bool>? When { get; init; }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (!context.Get(When, true))
        {
            context.Complete();
            return ValueTask.CompletedTask;
        }

        var message = context.Get(Message);
        var warnings = context.GetWorkflowOutput(OutputName) as JsonArray ?? [];
        warnings.Add(message);
        context.SetWorkflowOutput(OutputName, warnings);
        context.Complete($"[warning] {message}");
        return ValueTask.CompletedTask;
    }
}
