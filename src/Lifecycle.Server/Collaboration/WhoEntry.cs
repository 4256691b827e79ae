using Lifecycle.Activities.Tasks;

namespace Lifecycle.Server.Collaboration;

/// <summary>One person or agent and what they are on, as <c>lifecycle who</c> shows it.</summary>
/// <param name="Name">git's user.name of their newest session; null when not recorded.</param>
/// <param name="Email">git's user.email of their newest session; null when not recorded.</param>
/// <param name="Agent">The agent that ran it; null for a person.</param>
/// <param name="Kind"><c>person</c>, <c>agent</c> or <c>agent-assisted</c>.</param>
/// <param name="SessionId">Their newest session (ids are per clone: two clones may both have a 00003).</param>
/// <param name="State"><c>open</c> (the running server's or this clone's current session) or <c>closed</c> (a committed handoff).</param>
/// <param name="Branch">The branch that session works (or worked) on.</param>
/// <param name="Refs">Where its handoff was seen (<c>origin/feature</c>, <c>main</c>); <c>current</c> for the open session here.</param>
/// <param name="LastSeen">The close of a closed session; the last activity of an open one.</param>
/// <param name="HandoffTo">Whom its handoff is addressed to; null when to anyone.</param>
/// <param name="Tasks">That session's open tasks (each with its assignee, if any).</param>
/// <param name="Assigned">Open tasks of anyone's newest session assigned to this person or agent.</param>
public sealed record WhoEntry(
    string? Name,
    string? Email,
    string? Agent,
    string Kind,
    string SessionId,
    string State,
    string? Branch,
    IReadOnlyList<string> Refs,
    DateTimeOffset LastSeen,
    string? HandoffTo,
    IReadOnlyList<SessionTask> Tasks,
    IReadOnlyList<SessionTask> Assigned)
{
    /// <summary>"Ann Perkins &lt;ann@example.com&gt;", or the name, the email or the agent alone.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Who => Name is { } name ? Email is { } email ? $"{name} <{email}>" : name : Email ?? Agent ?? "unknown";

    /// <summary>"agent: claude-code", or the kind (person).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string KindText => Agent is { } agent ? $"agent: {agent}" : Kind;

    /// <summary>"T1 (for ann), T4 (assigned)": the open tasks, then those assigned to them elsewhere; "-" without.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string TaskList =>
        string.Join(", ", Tasks.Select(t => t.Assignee is { } a ? $"{t.Id} (for {a})" : t.Id)
            .Concat(Assigned.Where(a => !Tasks.Contains(a)).Select(t => $"{t.Id} (assigned)"))) is { Length: > 0 } list ? list : "-";
}

/// <summary>Who is on what: one entry per person or agent, open sessions first, then the most recently seen.</summary>
/// <param name="People">The entries.</param>
public sealed record WhoReport(IReadOnlyList<WhoEntry> People);
