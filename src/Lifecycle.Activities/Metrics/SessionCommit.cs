namespace Lifecycle.Activities.Metrics;

/// <summary>A commit made during the session, with the lines it changed per file.</summary>
/// <param name="Sha">The commit id.</param>
/// <param name="Files">The files it changed.</param>
public sealed record SessionCommit(string Sha, IReadOnlyList<FileChange> Files);
