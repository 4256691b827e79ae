using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Collaboration;

/// <summary>
/// Who ran a session: git's identity for the repository, and whether a coding agent did the work
/// (<see cref="Agent"/>) or helped with it (<see cref="AssistedBy"/>, from the commits' trailers).
/// </summary>
/// <param name="Name">git's <c>user.name</c> for the repository; null when it is not set.</param>
/// <param name="Email">git's <c>user.email</c> for the repository; null when it is not set.</param>
/// <param name="Agent">The coding agent that ran the session (e.g. <c>claude-code</c>); null when a person did.</param>
/// <param name="AssistedBy">Agents named in <c>Co-authored-by</c> trailers of the session's commits, e.g. <c>claude</c>.</param>
public sealed record SessionIdentity(string? Name, string? Email, string? Agent, IReadOnlyList<string> AssistedBy)
{
    /// <summary>Who did the work: <c>agent</c>, <c>agent-assisted</c> (a person whose commits name an agent as co-author) or <c>person</c>.</summary>
    public string Kind => Agent is not null ? "agent" : AssistedBy.Count > 0 ? "agent-assisted" : "person";

    /// <summary>The identity a session recorded; null when it recorded none (sessions from before identities were kept).</summary>
    public static SessionIdentity? Of(SessionContext session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.UserName is null && session.UserEmail is null && session.Agent is null && session.AssistedBy.Count == 0
            ? null
            : new SessionIdentity(session.UserName, session.UserEmail, session.Agent, session.AssistedBy);
    }

    /// <summary>"Dana &lt;dana@example.com&gt;", the agent's name when git has no identity, or "unknown".</summary>
    public string Who => Name is { } name ? Email is { } email ? $"{name} <{email}>" : name
        : Email ?? Agent ?? "unknown";

    /// <summary>"Dana &lt;dana@example.com&gt; (agent: claude-code)", "… (person, assisted by claude)", "… (person)".</summary>
    public string Describe() => Kind switch
    {
        "agent" => $"{Who} (agent: {Agent})",
        "agent-assisted" => $"{Who} (person, assisted by {string.Join(", ", AssistedBy)})",
        _ => $"{Who} (person)",
    };

    /// <summary>
    /// True when <paramref name="name"/> names this identity: its git name, its email, the email's
    /// local part or its agent, in any case (so <c>end --to dana</c> matches Dana &lt;dana@example.com&gt;).
    /// </summary>
    public bool Matches(string name)
    {
        var wanted = name.Trim();
        return new[] { Name, Email, Email?.Split('@')[0], Agent }
            .Any(candidate => candidate is not null && string.Equals(candidate.Trim(), wanted, StringComparison.OrdinalIgnoreCase));
    }
}
