using LibGit2Sharp;

namespace Lifecycle.Activities.Git;

/// <summary>One path git status lists, with its state (index and work tree flags).</summary>
/// <param name="Path">Relative, forward slashes; a trailing slash for an untracked nested repository.</param>
/// <param name="State">What changed there.</param>
public sealed record ChangedPath(string Path, FileStatus State);
