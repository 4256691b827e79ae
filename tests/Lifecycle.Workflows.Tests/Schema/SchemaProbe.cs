using System.Text.Json.Nodes;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Tests.Schema;

/// <summary>An activity with one input of each shape the schema generator maps; only the schema tests use it.</summary>
[Activity("Testing", "Exercises every input shape the schema generator maps.", Type = "SchemaProbe", Outputs = ["echo", "count"])]
internal sealed class SchemaProbe : Activity
{
    public enum Mode
    {
        Fast,
        Careful,
    }

    [Input("A nullable integer.")]
    public Input<int?>? Count { get; init; }

    [Input("A number.", Required = true)]
    public Input<double> Ratio { get; init; } = null!;

    [Input("Names, some missing.")]
    public Input<string?[]>? Tags { get; init; }

    [Input("Settings as an object.")]
    public Input<JsonObject>? Settings { get; init; }

    [Input("How to go about it.")]
    public Input<Mode>? Pace { get; init; }

    [Input("Labels by key.")]
    public Input<Dictionary<string, long>>? Labels { get; init; }

    [Input("Anything at all, null included.")]
    public Input<JsonNode?>? Anything { get; init; }

    [Input("Anything but null.")]
    public Input<JsonNode>? Something { get; init; }

    [Input("Rules, each with its own inputs.")]
    public IReadOnlyList<Rule> Rules { get; init; } = [];

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }

    public sealed class Rule
    {
        [Input("Whether the rule applies.", Required = true)]
        public Input<bool> When { get; init; } = null!;

        [Input("Runs when the rule applies.")]
        public Activity? Then { get; init; }
    }
}
