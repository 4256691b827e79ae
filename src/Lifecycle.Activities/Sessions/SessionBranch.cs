namespace Lifecycle.Activities.Sessions;

/// <summary>Where a session works, in words: a branch, or a detached HEAD said plainly.</summary>
public static class SessionBranch
{
    /// <summary>What a detached HEAD means for the work, said wherever one is shown.</summary>
    public const string DetachedAdvice = "no branch: commits made here are found only by their sha; 'git switch -c NAME' keeps them";

    /// <summary>A branch's name for a document: the name, <c>none (detached HEAD at 1a2b3c4; …)</c>, or <c>unknown</c>.</summary>
    /// <param name="branch">The branch; null when there is none.</param>
    /// <param name="detached">True when HEAD was detached.</param>
    /// <param name="sha">The commit HEAD was at; null to leave it out.</param>
    public static string Name(string? branch, bool detached, string? sha) =>
        branch ?? (detached ? $"none (detached HEAD{(sha is null ? "" : $" at {Short(sha)}")}; {DetachedAdvice})" : "unknown");

    /// <summary><c>branch feat</c>, <c>a detached HEAD at 1a2b3c4</c>, or <c>branch unknown</c>.</summary>
    /// <param name="branch">The branch; null when there is none.</param>
    /// <param name="detached">True when HEAD was detached.</param>
    /// <param name="sha">The commit HEAD was at; named only for a detached HEAD.</param>
    public static string Describe(string? branch, bool detached, string? sha) =>
        branch is not null ? $"branch {branch}"
        : detached ? $"a detached HEAD{(sha is null ? "" : $" at {Short(sha)}")}"
        : "branch unknown";

    /// <summary>The session's own: <see cref="Describe"/> of its branch at its end (or start, while it runs).</summary>
    public static string Of(SessionContext session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Describe(session.ActiveBranch, session.DetachedHead, session.EndSha ?? session.StartSha);
    }

    /// <summary>What the next start says when the previous session ended on a detached HEAD and HEAD is on a branch now.</summary>
    /// <param name="previous">The previous session, closed on a detached HEAD.</param>
    /// <param name="current">The branch checked out now.</param>
    public static string LeftDetached(SessionContext previous, string current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var at = previous.DocsSha ?? previous.EndSha;
        return at is null
            ? $"Session {previous.SessionId} ended on a detached HEAD; you are on '{current}' now: its commits are on no branch."
            : $"Session {previous.SessionId} ended on a detached HEAD at {Short(at)}; you are on '{current}' now: its commits are on no branch; 'git switch -c NAME {Short(at)}' keeps them.";
    }

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;
}
