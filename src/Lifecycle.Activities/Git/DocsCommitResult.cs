namespace Lifecycle.Activities.Git;

/// <summary>What <see cref="DocsCommit.CommitPaths"/> did.</summary>
/// <param name="Sha">The new commit, or null when the paths already matched HEAD (no commit made).</param>
/// <param name="Signed">True when the commit carries a signature (<c>commit.gpgsign</c> is on and signing worked).</param>
/// <param name="SigningProblem">
/// Why a commit the configuration asks to sign is not signed, one line without a full stop, to
/// follow "The docs commit is not signed: "; null when it is signed or signing is off.
/// </param>
public sealed record DocsCommitResult(string? Sha, bool Signed, string? SigningProblem);
