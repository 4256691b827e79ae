namespace Lifecycle.Workflows.Persistence;

/// <summary>A published workflow as listings show it.</summary>
public sealed record DefinitionSummary(string Id, string Name, string? Description, int LatestVersion, int Versions, DateTimeOffset PublishedAt);
