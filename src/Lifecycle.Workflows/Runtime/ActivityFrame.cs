using System.Text.Json.Nodes;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Runtime;

/// <summary>One scheduled or running activity of an instance, with the state it keeps between calls.</summary>
internal sealed class ActivityFrame(int id, int? parentId, int scopeId, Activity activity)
{
    public int Id { get; } = id;

    public int? ParentId { get; } = parentId;

    public int ScopeId { get; } = scopeId;

    public Activity Activity { get; } = activity;

    public JsonObject? State { get; set; }

    /// <summary>Inputs as last read during this execution, for the journal (not persisted).</summary>
    public JsonObject? Inputs { get; set; }

    /// <summary>Outputs set during this execution, written to the journal when it completes.</summary>
    public JsonObject? Outputs { get; set; }
}
