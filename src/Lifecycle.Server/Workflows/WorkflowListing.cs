using Lifecycle.Workflows.Definitions;

namespace Lifecycle.Server.Workflows;

/// <summary>A workflow as listings show it: published, drafted in the repository, or both.</summary>
/// <param name="Id">The workflow id.</param>
/// <param name="Name">Its name (the latest version's; a draft's own when nothing is published).</param>
/// <param name="Description">The latest version's description.</param>
/// <param name="LatestVersion">The version in force; null when only a draft exists.</param>
/// <param name="Versions">How many versions are published.</param>
/// <param name="PublishedAt">When the latest version was published; null when only a draft exists.</param>
/// <param name="Triggers">The triggers in force (the latest version's; a draft's start nothing until published).</param>
/// <param name="HasDraft">The repository has its own edited file, <c>.lifecycle/workflows/&lt;id&gt;.json</c>.</param>
/// <param name="Unpublished">That file says something the version in force does not (publishing it would make a new version).</param>
public sealed record WorkflowListing(
    string Id,
    string Name,
    string? Description,
    int? LatestVersion,
    int Versions,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<TriggerDefinition> Triggers,
    bool HasDraft,
    bool Unpublished = false);
