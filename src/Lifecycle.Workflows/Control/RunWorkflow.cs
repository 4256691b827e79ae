using System.Text.Json.Nodes;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Control;

/// <summary>Runs the latest published version of another workflow inside this instance.</summary>
[Activity("Control", "Runs the latest published version of another workflow as part of this one; output 'outputs' holds its outputs.", Outputs = ["outputs"])]
public sealed class RunWorkflow : Activity
{
    [Input("The id of the workflow to run.", Required = true)]
    public Input<string> Workflow { get; init; } = null!;

    [Input("The sub-workflow's input: an object.")]
    public Input<JsonObject?>? Input { get; init; }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var scope = await context.Runner.StartSubWorkflowAsync(context, context.Get(Workflow), context.Get(Input, null));
        context.State["scope"] = scope;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, Activity child)
    {
        var scope = context.State["scope"]!.GetValue<int>();
        context.SetOutput("outputs", context.Execution.Scopes[scope].WorkflowOutputs.DeepClone());
        context.Execution.Scopes.Remove(scope);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
