namespace Lifecycle.Workflows.Persistence;

/// <summary>A stored bookmark that a stimulus matched.</summary>
public sealed record BookmarkMatch(string InstanceId, int BookmarkId);
