using System.Text.Json.Nodes;

namespace Lifecycle.Workflows.Runtime;

/// <summary>What the scheduler does next for a frame.</summary>
internal enum WorkKind
{
    Execute,
    ChildCompleted,
    Resume,
}

/// <summary>One entry of an instance's scheduler queue.</summary>
/// <param name="Kind">What to call on the frame's activity.</param>
/// <param name="FrameId">The frame the call is for.</param>
/// <param name="ChildPath">For <see cref="WorkKind.ChildCompleted"/>: the completed child's path.</param>
/// <param name="ChildScopeId">For <see cref="WorkKind.ChildCompleted"/>: the scope of that child.</param>
/// <param name="Payload">For <see cref="WorkKind.Resume"/>: the stimulus payload.</param>
internal sealed record WorkItem(WorkKind Kind, int FrameId, string? ChildPath = null, int ChildScopeId = 0, JsonNode? Payload = null);
