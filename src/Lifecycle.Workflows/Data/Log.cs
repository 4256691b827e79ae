using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Data;

/// <summary>Writes a message into the journal (and the live output of the CLI).</summary>
[Activity("Data", "Writes 'message' into the journal at 'level' (info by default).", Outputs = ["message"])]
public sealed class Log : Activity
{
    public static readonly IReadOnlyList<string> Levels = ["debug", "info", "warning", "error"];

    [Input("The message.", Required = true)]
    public Input<string> Message { get; init; } = null!;

    [Input("debug, info, warning or error. Default info.")]
    public Input<string>? Level { get; init; }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var message = context.Get(Message) ?? "";
        var level = context.Get(Level, "info");
        if (!Levels.Contains(level))
        {
            throw new ActivityFaultException($"unknown level '{level}'; use one of {string.Join(", ", Levels)}");
        }

        context.SetOutput("message", message);
        context.Complete(level == "info" ? message : $"[{level}] {message}");
        return ValueTask.CompletedTask;
    }

    protected internal override IEnumerable<(string Path, string Message)> Validate()
    {
        if (Level is { Expression: null } level && !Levels.Contains(level.Value))
        {
            yield return (level.Path, $"Unknown level '{level.Value}'. Use one of: {string.Join(", ", Levels)}.");
        }
    }
}
