using System.Text.Json.Nodes;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Expressions;

namespace Lifecycle.Workflows.Runtime;

/// <summary>
/// The data of one workflow run inside an instance: scope 0 is the workflow itself, each
/// <c>RunWorkflow</c> in progress adds one with its own input, variables and outputs.
/// </summary>
internal sealed class WorkflowScope(int id, WorkflowDefinition definition, int? ownerFrameId, JsonObject input, ScriptScope script)
{
    public int Id { get; } = id;

    public WorkflowDefinition Definition { get; } = definition;

    /// <summary>The <c>RunWorkflow</c> frame that started this scope; null for scope 0.</summary>
    public int? OwnerFrameId { get; } = ownerFrameId;

    public JsonObject Input { get; } = input;

    public ScriptScope Script { get; } = script;

    /// <summary>Outputs the workflow sets with <c>SetOutput</c>.</summary>
    public JsonObject WorkflowOutputs { get; init; } = [];
}
