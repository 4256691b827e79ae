using System.Text.Json.Nodes;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Control;

/// <summary>Runs the body once per item, with the item in a variable.</summary>
[Activity("Control", "Runs 'body' once for each item, with the item in the variable named by 'variable'.")]
public sealed class ForEach : Activity
{
    [Input("The items: an array (read once, when the loop starts).", Required = true)]
    public Input<JsonNode?> Items { get; init; } = null!;

    [Input("The variable that holds the current item.", Required = true)]
    public Input<string> Variable { get; init; } = null!;

    [Input("Runs once per item.", Required = true)]
    public Activity? Body { get; init; }

    protected internal override IEnumerable<(string Path, string Message)> Validate()
    {
        if (Items is { Expression: null } items && items.Literal is not System.Text.Json.Nodes.JsonArray)
        {
            yield return (items.Path, $"'items' must be an array, or an expression giving one; found {items.Literal?.ToJsonString() ?? "null"}.");
        }

        foreach (var problem in LiteralChecks.Name(Variable))
        {
            yield return problem;
        }
    }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var items = context.Get(Items);
        if (items is not JsonArray array)
        {
            throw new ActivityFaultException($"'items' must be an array; got {items?.ToJsonString() ?? "null"}");
        }

        context.State["items"] = array;
        context.State["index"] = 0;
        context.State["variable"] = context.GetName(Variable);
        Next(context);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, Activity child)
    {
        context.State["index"] = context.State["index"]!.GetValue<int>() + 1;
        Next(context);
        return ValueTask.CompletedTask;
    }

    private void Next(ActivityContext context)
    {
        var items = context.State["items"]!.AsArray();
        var index = context.State["index"]!.GetValue<int>();
        if (index >= items.Count || Body is null)
        {
            context.Complete();
            return;
        }

        context.SetVariable(context.State["variable"]!.GetValue<string>(), items[index]);
        context.ScheduleChild(Body);
    }
}
