namespace Lifecycle.Workflows.Persistence;

/// <summary>A stored timer bookmark and when it falls due.</summary>
public sealed record TimerMatch(string InstanceId, int BookmarkId, DateTimeOffset DueAt);
