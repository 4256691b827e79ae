namespace Lifecycle.Activities.Git;

/// <summary>
/// A git status taken ahead of need (on another core while a command starts), and what it was
/// taken against, so the user of it can tell whether it still holds.
/// </summary>
/// <remarks>
/// It holds while HEAD and the index file's content are unchanged: then git itself has not moved. Edits to
/// the work tree after it was taken are not in it, as edits made after a fresh status would not
/// be: a command works on the work tree as it was when the command began.
/// </remarks>
/// <param name="Entries">The changed paths, as <see cref="WorkTreeStatus"/> lists them.</param>
/// <param name="HeadSha">HEAD when it was taken; null before the first commit.</param>
/// <param name="IndexHash">The index file's content hash then (its own SHA-1 trailer, or a SHA-256 of its bytes); null when there was none.</param>
public sealed record StatusSnapshot(IReadOnlyList<ChangedPath> Entries, string? HeadSha, string? IndexHash);
