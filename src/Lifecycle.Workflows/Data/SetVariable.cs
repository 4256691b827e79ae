using System.Text.Json.Nodes;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Data;

/// <summary>Sets a variable of the workflow.</summary>
[Activity("Data", "Sets the variable named by 'variable' to 'value'.")]
public sealed class SetVariable : Activity
{
    [Input("The variable's name.", Required = true)]
    public Input<string> Variable { get; init; } = null!;

    [Input("The new value: any JSON value or expression.", Required = true)]
    public Input<JsonNode?> Value { get; init; } = null!;

    protected internal override IEnumerable<(string Path, string Message)> Validate() => LiteralChecks.Name(Variable);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.SetVariable(context.GetName(Variable), context.GetScriptValue(Value));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
