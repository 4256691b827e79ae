using System.Text.Json.Nodes;
using Lifecycle.Activities.Git;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Sessions;

/// <summary>Puts what protocol rules look at into outputs: state, open tasks, blockers, uncommitted files now.</summary>
[Activity("Session", "Outputs the session's 'state', 'openTasks' (count), 'blockers' (count) and 'uncommittedFiles' (the work tree's, now), for protocol rules.",
    Outputs = ["state", "openTasks", "blockers", "uncommittedFiles"])]
public sealed class DescribeSession(ISessionStore sessions, RepositoryContext repository) : SessionActivityBase(sessions)
{
    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var session = await LoadAsync(context);
        IReadOnlyList<string> uncommitted;
        try
        {
            using var git = GitWorkspace.Open(repository.Root);
            uncommitted = git.UncommittedFiles();
        }
        catch (SessionException)
        {
            uncommitted = [];
        }

        context.SetOutput("state", session.State.ToString().ToUpperInvariant());
        context.SetOutput("openTasks", session.OpenTasks.Count);
        context.SetOutput("blockers", session.Blockers.Count);
        context.SetOutput("uncommittedFiles", new JsonArray(uncommitted.Select(f => (JsonNode?)f).ToArray()));
        context.Complete($"{session.State.ToString().ToUpperInvariant()}: {session.OpenTasks.Count} open tasks, {uncommitted.Count} uncommitted files.");
    }
}
