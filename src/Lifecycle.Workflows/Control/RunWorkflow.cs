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
        context.State["scope"] = await context.StartWorkflowAsync(context.GetName(Workflow), context.Get(Input, null));
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, Activity child)
    {
        context.SetOutput("outputs", context.WorkflowOutputsOf(context.State["scope"]!.GetValue<int>()));
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
