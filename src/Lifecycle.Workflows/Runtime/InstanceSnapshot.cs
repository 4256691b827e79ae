using System.Text.Json.Nodes;

namespace Lifecycle.Workflows.Runtime;

/// <summary>
/// Everything needed to continue an instance in another process, as stored with it: frames,
/// queue, bookmarks and each scope's data as JSON.
/// </summary>
internal sealed record InstanceSnapshot(
    List<InstanceSnapshot.ScopeState> Scopes,
    List<InstanceSnapshot.FrameState> Frames,
    List<WorkItem> Queue,
    List<Bookmark> Bookmarks,
    int NextFrameId,
    int NextBookmarkId,
    int NextScopeId)
{
    internal sealed record ScopeState(
        int Id,
        string DefinitionId,
        int Version,
        int? OwnerFrameId,
        JsonObject Input,
        JsonObject Variables,
        JsonObject Outputs,
        JsonObject WorkflowOutputs);

    internal sealed record FrameState(int Id, int? ParentId, int ScopeId, string Path, JsonObject? State, JsonObject? Outputs);

    public static InstanceSnapshot Capture(WorkflowExecution execution)
    {
        var scripts = execution.Scripts;
        return new InstanceSnapshot(
            execution.Scopes.Values.Select(s => new ScopeState(s.Id, s.Definition.Id, s.Definition.Version, s.OwnerFrameId,
                s.Input, scripts.ObjectToJson(s.Script.Variables), scripts.ObjectToJson(s.Script.Outputs), s.WorkflowOutputs)).ToList(),
            execution.Frames.Values.Select(f => new FrameState(f.Id, f.ParentId, f.ScopeId, f.Activity.Path, f.State, f.Outputs)).ToList(),
            execution.Queue.ToList(),
            execution.BookmarkList.ToList(),
            execution.NextFrameId,
            execution.NextBookmarkId,
            execution.NextScopeId);
    }
}
