using System.Text.Json.Nodes;
using Lifecycle.Activities.Git;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Sessions;

/// <summary>Puts what protocol rules look at into outputs: state, open tasks, blockers, uncommitted files now.</summary>
/// <remarks>
/// Listing uncommitted files costs a full git status (the largest part of this activity on a big
/// tree), so a workflow that only needs them in some cases says when with <see cref="ListUncommitted"/>.
/// </remarks>
[Activity("Session", "Outputs the session's 'state', 'openTasks' (count), 'blockers' (count) and 'uncommittedFiles' (the work tree's, now; null when not listed), for protocol rules.",
    Outputs = ["state", "openTasks", "blockers", "uncommittedFiles"])]
public sealed class DescribeSession(ISessionStore sessions, RepositoryContext repository) : SessionActivityBase(sessions)
{
    [Input("False to skip listing the uncommitted files (a full git status): 'uncommittedFiles' is then null. Default true.")]
    public Input<bool>? ListUncommitted { get; init; }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var session = await LoadAsync(context);
        IReadOnlyList<string>? uncommitted = null;
        if (context.Get(ListUncommitted, true))
        {
            try
            {
                using var git = GitWorkspace.Open(repository.Root, readOnly: true);
                uncommitted = git.Status.UncommittedFiles();
            }
            catch (SessionException)
            {
                uncommitted = [];
            }
        }

        context.SetOutput("state", session.State.ToString().ToUpperInvariant());
        context.SetOutput("openTasks", session.OpenTasks.Count);
        context.SetOutput("blockers", session.Blockers.Count);
        context.SetOutput("uncommittedFiles", uncommitted is null ? null : new JsonArray([.. uncommitted.Select(f => (JsonNode?)f)]));
        context.Complete($"{session.State.ToString().ToUpperInvariant()}: {session.OpenTasks.Count} open tasks"
            + (uncommitted is null ? "." : $", {uncommitted.Count} uncommitted files."));
    }
}
