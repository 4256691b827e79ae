using System.Text.Json.Nodes;

namespace Lifecycle.Workflows.Activities;

/// <summary>
/// One step of a workflow. Instances are the nodes of a loaded definition: they hold the inputs
/// as written in the definition and are shared by every run, so they must keep no run state.
/// Run state lives in the <see cref="ActivityContext"/> (see <see cref="ActivityContext.State"/>).
/// </summary>
/// <remarks>
/// A leaf activity does its work in <see cref="ExecuteAsync"/> and calls
/// <see cref="ActivityContext.Complete"/>. A composite schedules children and reacts in
/// <see cref="OnChildCompletedAsync"/>. An activity that waits creates a bookmark and is called
/// again in <see cref="OnResumeAsync"/> when a matching stimulus arrives.
/// </remarks>
public abstract class Activity
{
    /// <summary>The id given in the definition, if any; outputs are visible to expressions under it.</summary>
    public string? Id { get; internal set; }

    /// <summary>The JSONPath of this activity in its definition, e.g. <c>$.root.activities[2]</c>.</summary>
    public string Path { get; internal set; } = "$.root";

    /// <summary>The activity type name as written in definitions.</summary>
    public string Type { get; internal set; } = "";

    /// <summary>How the journal and messages name this activity: its id, or its path when it has none.</summary>
    public string DisplayId => Id ?? Path;

    /// <summary>Starts the activity.</summary>
    public abstract ValueTask ExecuteAsync(ActivityContext context);

    /// <summary>Called when a child scheduled by this activity completed. Completes this activity by default.</summary>
    public virtual ValueTask OnChildCompletedAsync(ActivityContext context, Activity child)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Called when a child (or a descendant) faulted. Return true when the fault is handled here;
    /// false lets it travel on to the parent.
    /// </summary>
    public virtual ValueTask<bool> OnChildFaultedAsync(ActivityContext context, Activity child, WorkflowFault fault) =>
        ValueTask.FromResult(false);

    /// <summary>Called when a bookmark created by this activity is resumed. Completes by default.</summary>
    public virtual ValueTask OnResumeAsync(ActivityContext context, JsonNode? payload)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Checks the inputs as written, when the definition is loaded. Return each problem with the
    /// JSONPath of the input; a literal that will fail at run time is better reported here.
    /// </summary>
    protected internal virtual IEnumerable<(string Path, string Message)> Validate() => [];

    public override string ToString() => $"{Type} '{DisplayId}'";
}
