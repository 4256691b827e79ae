using System.Text.Json.Nodes;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Data;

/// <summary>Sets an output of the workflow.</summary>
[Activity("Data", "Sets the workflow output named by 'name' to 'value'; outputs are returned when the workflow ends.")]
public sealed class SetOutput : Activity
{
    [Input("The output's name.", Required = true)]
    public Input<string> Name { get; init; } = null!;

    [Input("The value: any JSON value or expression.", Required = true)]
    public Input<JsonNode?> Value { get; init; } = null!;

    protected internal override IEnumerable<(string Path, string Message)> Validate() => LiteralChecks.Name(Name);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.SetWorkflowOutput(context.GetName(Name), context.Get(Value));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
