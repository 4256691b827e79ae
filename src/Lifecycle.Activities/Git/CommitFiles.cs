namespace Lifecycle.Activities.Git;

/// <summary>One commit and the paths it changed against its first parent (none for a merge).</summary>
/// <param name="Sha">The full commit id.</param>
/// <param name="Author">The author's name.</param>
/// <param name="Paths">Changed paths, without rename detection.</param>
public sealed record CommitFiles(string Sha, string Author, IReadOnlyList<string> Paths);
