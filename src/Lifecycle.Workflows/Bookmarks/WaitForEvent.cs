using System.Text.Json.Nodes;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Bookmarks;

/// <summary>Suspends until an event arrives; its payload becomes the output.</summary>
[Activity("Bookmarks", "Suspends the workflow until the event named 'event' arrives (with 'correlation', when set); output 'payload'.", Outputs = ["payload"])]
public sealed class WaitForEvent : Activity
{
    [Input("The event name, e.g. git_commit.", Required = true)]
    public Input<string> Event { get; init; } = null!;

    [Input("When set, only a stimulus with the same correlation resumes this activity.")]
    public Input<string?>? Correlation { get; init; }

    protected internal override IEnumerable<(string Path, string Message)> Validate() => LiteralChecks.Name(Event);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var name = context.Get(Event);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ActivityFaultException("'event' evaluated to an empty name");
        }

        context.CreateBookmark(name, context.Get(Correlation, null));
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnResumeAsync(ActivityContext context, JsonNode? payload)
    {
        context.SetOutput("payload", payload);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
