using Lifecycle.Activities.Collaboration;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;
using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Collaboration;

/// <summary>
/// The use case of <c>lifecycle who</c> (and <c>GET /api/who</c>): who is on what, from the
/// handoffs committed on every ref (each clone's branches, as fetched) and the current session.
/// </summary>
/// <remarks>
/// One entry per person or agent: the same git identity running an agent is a different "who"
/// from that person working by hand. Their newest session is shown (an open one before any closed
/// one); tasks assigned to them are gathered from every entry's open tasks.
/// </remarks>
public static class WhoIsOn
{
    /// <summary>The report; <paramref name="current"/> is the status of this repository's current session (the server's when one runs), null when there is none.</summary>
    public static WhoReport Build(RepositoryContext repository, SessionStatus? current)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var entries = CommittedHandoffs.OnAllRefs(repository.Root, repository.Config.DocsFolder)
            .Select(s => Entry(s.Handoff.RanBy, s.Handoff.SessionId, "closed", s.Handoff.Branch, s.RefNames, s.Handoff.EndTime, s.Handoff.HandoffTo, s.Handoff.OpenItems))
            .ToList();
        if (current is { Session: { State: not SessionState.Dormant } session })
        {
            entries.Add(Entry(SessionIdentity.Of(session), session.SessionId, "open", current.Branch ?? session.ActiveBranch, ["current"],
                current.LastActivity ?? session.ActiveSince ?? session.StartTime, session.HandoffTo, session.OpenTasks));
        }

        var people = entries
            .GroupBy(e => $"{e.Agent?.ToLowerInvariant()}|{(e.Email ?? e.Name ?? "unknown").ToLowerInvariant()}", StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(e => e.State == "open").ThenByDescending(e => e.LastSeen).First())
            .ToList();
        var openTasks = people.SelectMany(p => p.Tasks).ToList();
        return new WhoReport([.. people
            .Select(p => p with { Assigned = [.. openTasks.Where(t => t.Assignee is { } a && Identity(p).Matches(a)).DistinctBy(t => (t.Id, t.Title))] })
            .OrderByDescending(p => p.State == "open").ThenByDescending(p => p.LastSeen)]);
    }

    private static WhoEntry Entry(SessionIdentity? who, string sessionId, string state, string? branch, IReadOnlyList<string> refs, DateTimeOffset lastSeen, string? to, IReadOnlyList<SessionTask> tasks) =>
        new(who?.Name, who?.Email, who?.Agent, who?.Kind ?? "person", sessionId, state, branch, refs, lastSeen, to, tasks, []);

    private static SessionIdentity Identity(WhoEntry entry) => new(entry.Name, entry.Email, entry.Agent, []);
}
