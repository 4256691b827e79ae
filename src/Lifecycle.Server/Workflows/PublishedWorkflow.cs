using System.Text.Json.Serialization;
using Lifecycle.Workflows.Definitions;

namespace Lifecycle.Server.Workflows;

/// <summary>What publishing did: the version in force and whether this publication created it.</summary>
/// <param name="Id">The workflow id.</param>
/// <param name="Version">The version in force.</param>
/// <param name="Created">False when the content was already the latest version's (nothing was stored).</param>
/// <param name="Definition">The published definition, to run it without reading it again.</param>
public sealed record PublishedWorkflow(string Id, int Version, bool Created, [property: JsonIgnore] WorkflowDefinition Definition);
