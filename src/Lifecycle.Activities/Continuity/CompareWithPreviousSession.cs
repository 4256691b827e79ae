using System.Text.Json.Nodes;
using Lifecycle.Activities.Git;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Continuity;

/// <summary>
/// Says what changed since the previous session's handoff: HEAD moved (and by whose commits), and
/// checks that passed at close but fail now. Each finding becomes a warning of the session (shown
/// in the mission and the log).
/// </summary>
[Activity("Session", "Compares with the previous session's handoff: HEAD moved, commits by others, checks that passed at close and fail now; outputs 'changes' (also added to the session's warnings).",
    Outputs = ["changes"])]
public sealed class CompareWithPreviousSession(ISessionStore sessions, RepositoryContext repository, TimeProvider time) : SessionActivityBase(sessions)
{
    [Input("The reality check's agent health now, e.g. {\"js\": \"outputs.reality.agentHealth\"}.")]
    public Input<JsonNode?>? AgentHealth { get; init; }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var session = await LoadAsync(context);
        var previous = session.PreviousSession is { } id ? await Sessions.GetAsync(id, context.CancellationToken) : null;
        var changes = new List<string>();
        if (previous is not null)
        {
            changes.AddRange(HeadChanges(previous));
            changes.AddRange(CheckChanges(previous, context.Get(AgentHealth, null) as JsonObject));
        }

        foreach (var change in changes.Where(c => !session.Warnings.Contains(c)))
        {
            session.Warnings.Add(change);
        }

        await Sessions.SaveAsync(session, context.CancellationToken);
        context.SetOutput("changes", new JsonArray([.. changes.Select(c => JsonValue.Create(c))]));
        context.Complete(changes.Count == 0 ? "Nothing changed since the last session." : string.Join(" ", changes));
    }

    private IEnumerable<string> HeadChanges(SessionContext previous)
    {
        var docs = SessionDocs.For(repository.Config.DocsFolder, previous.SessionId);
        var handoffFile = System.IO.Path.Combine(repository.Root, docs.HandoffJson);
        if (!File.Exists(handoffFile) || HandoffJson.Parse(File.ReadAllText(handoffFile)).HeadSha is not { } closedAt)
        {
            yield break;
        }

        List<CommitFiles> since;
        string? me;
        try
        {
            using var git = GitWorkspace.Open(repository.Root, time, readOnly: true);
            var documents = docs.All.ToHashSet(StringComparer.Ordinal);

            // The previous session's own docs commit is not a change; anything else is.
            since = git.History.ChangedPathsSince(closedAt).Where(c => c.Paths.Count == 0 || c.Paths.Any(p => !documents.Contains(p))).ToList();
            me = git.UserName;
        }
        catch (SessionException)
        {
            yield break;
        }

        if (since.Count == 0)
        {
            yield break;
        }

        var others = since.Where(c => me is not null && c.Author != me).Select(c => c.Author).Distinct().ToList();
        yield return $"HEAD moved since session {previous.SessionId} closed: {since.Count} new commit{(since.Count == 1 ? "" : "s")}" +
                     (others.Count == 0 ? "." : $", {since.Count(c => others.Contains(c.Author))} by others ({string.Join(", ", others)}).");
    }

    private static IEnumerable<string> CheckChanges(SessionContext previous, JsonObject? now)
    {
        if (previous.CheckAtClose is not { } atClose || now is null)
        {
            yield break;
        }

        foreach (var (name, health) in atClose.Agents.Where(a => a.Value >= 1).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (now[name] is JsonValue value && value.TryGetValue<double>(out var current) && current < health)
            {
                yield return $"Check '{name}' passed at the close of session {previous.SessionId} and fails now (health {current:P0}).";
            }
        }
    }
}
