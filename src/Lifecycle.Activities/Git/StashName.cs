namespace Lifecycle.Activities.Git;

/// <summary>The name a session's stash carries, and how to recognise it among others.</summary>
internal static class StashName
{
    /// <summary>The stash message for a session; git shows it as <c>On &lt;branch&gt;: lifecycle session &lt;id&gt;</c>.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="worktree">
    /// The linked worktree's name, null for the main one. Linked worktrees share <c>refs/stash</c>
    /// but number their sessions each on their own, so their stashes carry the worktree's name.
    /// </param>
    public static string For(string sessionId, string? worktree = null)
    {
        if (string.IsNullOrWhiteSpace(sessionId) || sessionId.Any(char.IsControl))
        {
            throw new SessionException($"Session id '{sessionId}' cannot name a stash: use a non-empty id on one line.", ErrorKind.InvalidInput);
        }

        return worktree is null ? $"lifecycle session {sessionId}" : $"lifecycle session {sessionId} (worktree {worktree})";
    }

    /// <summary>
    /// True when a stash commit's message carries this name. git prefixes the message with
    /// <c>On &lt;branch&gt;: </c>, and branch names cannot contain a colon, so the name is what
    /// follows the first <c>": "</c>.
    /// </summary>
    public static bool Matches(string stashMessage, string name)
    {
        // The subject only: the lines after it are the stash's notes (StashNotes).
        var end = stashMessage.IndexOf('\n');
        var line = (end < 0 ? stashMessage : stashMessage[..end]).TrimEnd('\r');
        var separator = line.IndexOf(": ", StringComparison.Ordinal);
        return separator >= 0 && string.Equals(line[(separator + 2)..], name, StringComparison.Ordinal);
    }
}
