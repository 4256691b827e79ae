using Lifecycle.Activities;
using Lifecycle.Activities.Collaboration;
using Lifecycle.Activities.Documents;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Sessions;
using LibGit2Sharp;

namespace Lifecycle.Server.Collaboration;

/// <summary>
/// What a start adds to the mission about the others: whom the previous handoff was addressed to
/// (and, plainly, when that is someone else), and warnings about other sessions working on the
/// same files (<see cref="OverlapWarnings"/>). Also settles who runs the new session when the
/// request names an agent (the MCP server passes its client's name).
/// </summary>
public sealed class StartBriefing(ISessionStore sessions, RepositoryContext repository, SessionLogWriter log, TimeProvider time, ISessionNotifier notifier)
{
    private const int Attempts = 5;

    /// <summary>
    /// Records <paramref name="agent"/> (when given) and the warnings on the new session, logs the
    /// warnings, and returns the text for the end of the mission ("" when there is nothing to say).
    /// </summary>
    public async Task<(SessionContext Session, string Mission)> ApplyAsync(SessionContext session, string? agent, CancellationToken cancellationToken)
    {
        var addressed = await AddressedAsync(session, agent, cancellationToken);
        var warnings = await OverlapsAsync(session, cancellationToken);
        var needsSave = warnings.Count > 0 || (agent is not null && agent != session.Agent);
        if (needsSave)
        {
            session = await SaveAsync(session.SessionId, agent, warnings, cancellationToken) ?? session;
        }

        if (warnings.Count > 0)
        {
            var now = time.GetUtcNow();
            SessionLogs.Append(log, notifier, session, [.. warnings.Select(w => new SessionLogEntry(now, SessionLogEntryKind.Warning, w))]);
        }

        // The warnings go into the mission's warnings block (MissionWarnings); the addressee is said here.
        var lines = new List<string>(addressed);
        return (session, lines.Count == 0 ? "" : "\n\n## Others\n" + string.Join("\n", lines.Select(l => $"- {l}")));
    }

    /// <summary>"The handoff of session 00003 was addressed to dana." and, when the one starting is not dana, a plain sentence saying so.</summary>
    private async Task<List<string>> AddressedAsync(SessionContext session, string? agent, CancellationToken cancellationToken)
    {
        if (session.PreviousSession is not { } previousId || await sessions.GetAsync(previousId, cancellationToken) is not { HandoffTo: { } to } previous)
        {
            return [];
        }

        var from = SessionIdentity.Of(previous)?.Who ?? "its author";
        var lines = new List<string> { $"The handoff of session {previousId} (from {from}) was addressed to {to}." };
        var me = SessionIdentity.Of(session) is { } identity ? identity with { Agent = agent ?? identity.Agent } : null;
        if (me is null || !me.Matches(to))
        {
            lines.Add($"You are {me?.Who ?? "not identified (set git's user.name and user.email)"}, not {to}: this handoff was meant for {to}. Check with them before you take over its open work.");
        }

        return lines;
    }

    private async Task<IReadOnlyList<string>> OverlapsAsync(SessionContext session, CancellationToken cancellationToken)
    {
        try
        {
            var me = SessionIdentity.Of(session);
            var candidates = new List<RefSession>();
            foreach (var other in CommittedHandoffs.OnAllRefs(repository.Root, repository.Config.DocsFolder).Where(o => o.InFlight))
            {
                // Not another's: a session this store holds (this clone's, or the committed one it continued
                // from), nor one of this identity's own on a local branch (older sessions of this clone).
                var stored = await sessions.GetAsync(other.Handoff.SessionId, cancellationToken);
                var own = stored is not null && stored.StartTime == other.Handoff.StartTime
                          || SameIdentity(me, other.Handoff.RanBy) && other.Refs.Any(r => r.StartsWith("refs/heads/", StringComparison.Ordinal));
                if (!own)
                {
                    candidates.Add(other);
                }
            }

            return candidates.Count == 0 ? [] : OverlapWarnings.For(repository.Root, candidates);
        }
        catch (Exception error) when (error is LibGit2SharpException or IOException or SessionException)
        {
            // The warnings help; a repository git cannot read for them must not stop the start.
            notifier.Note($"could not look for other sessions on the same files: {error.Message}");
            return [];
        }
    }

    private static bool SameIdentity(SessionIdentity? me, SessionIdentity? other) =>
        me is not null && other is not null && me.Name == other.Name && me.Email == other.Email && me.Agent == other.Agent;

    private async Task<SessionContext?> SaveAsync(string sessionId, string? agent, IReadOnlyList<string> warnings, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await sessions.GetAsync(sessionId, cancellationToken) is not { } current)
            {
                return null;
            }

            current.Agent = agent ?? current.Agent;
            current.Warnings.AddRange(warnings.Where(w => !current.Warnings.Contains(w)));
            try
            {
                await sessions.SaveAsync(current, cancellationToken);
                return current;
            }
            catch (SessionConflictException) when (attempt < Attempts)
            {
                // Saved by another process meanwhile (a hook's event): read again and redo.
            }
        }
    }
}
