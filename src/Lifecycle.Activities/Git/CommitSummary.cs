namespace Lifecycle.Activities.Git;

/// <summary>One commit and the files it changed against its first parent.</summary>
/// <param name="Sha">The full commit id.</param>
/// <param name="Message">The first line of the commit message.</param>
/// <param name="When">The author date.</param>
/// <param name="Author">The author's name.</param>
/// <param name="Files">
/// The files changed against the first parent (the empty tree for a root commit), with their kind
/// of change and renames paired, like <c>git log --numstat</c>. Empty for a merge commit, as git log shows it.
/// </param>
public sealed record CommitSummary(string Sha, string Message, DateTimeOffset When, string Author, IReadOnlyList<FileChange> Files);
