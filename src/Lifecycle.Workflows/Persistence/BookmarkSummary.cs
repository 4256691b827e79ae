namespace Lifecycle.Workflows.Persistence;

/// <summary>What an instance waits on, as results and listings show it.</summary>
public sealed record BookmarkSummary(string Event, string ActivityId, string? Correlation = null, DateTimeOffset? DueAt = null);
