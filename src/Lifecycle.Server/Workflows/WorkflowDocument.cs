using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Persistence;

namespace Lifecycle.Server.Workflows;

/// <summary>One published version of a workflow, with every version's summary and its definition.</summary>
/// <param name="Id">The workflow id.</param>
/// <param name="Name">This version's name.</param>
/// <param name="Description">This version's description.</param>
/// <param name="Version">This version's number.</param>
/// <param name="Versions">Every published version, oldest first.</param>
/// <param name="Triggers">This version's triggers.</param>
/// <param name="Definition">The definition as JSON (comments, if the source had any, dropped).</param>
/// <param name="Source">The definition's source as published, for people (comments and layout kept).</param>
public sealed record WorkflowDocument(
    string Id,
    string Name,
    string? Description,
    int Version,
    IReadOnlyList<DefinitionVersion> Versions,
    IReadOnlyList<TriggerDefinition> Triggers,
    JsonNode? Definition,
    [property: JsonIgnore] string Source);
