namespace Lifecycle.Workflows.Persistence;

/// <summary>One version of a published workflow.</summary>
public sealed record DefinitionVersion(int Version, string ContentHash, DateTimeOffset PublishedAt);
