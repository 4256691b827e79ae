using System.Text.Json.Nodes;

namespace Lifecycle.Workflows.Hosting;

/// <summary>Something that happened: resumes matching bookmarks and starts workflows with a matching Event trigger.</summary>
/// <param name="Event">The event name, e.g. <c>git_commit</c>.</param>
/// <param name="Payload">Data for the resumed activities (their <c>payload</c> output) or the started workflows' input.</param>
/// <param name="Correlation">When set, also resumes bookmarks with this correlation; without, only uncorrelated ones.</param>
/// <param name="InstanceId">When set, only this instance is resumed and no workflow is started.</param>
public sealed record Stimulus(string Event, JsonNode? Payload = null, string? Correlation = null, string? InstanceId = null);
