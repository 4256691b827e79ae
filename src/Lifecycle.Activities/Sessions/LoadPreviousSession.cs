using Lifecycle.Activities.Tasks;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Sessions;

/// <summary>
/// Carries the previous session's context into this one: open and blocked tasks, blockers, branch,
/// the files it left uncommitted, its handoff notes. Merges by task id, so running it twice adds nothing.
/// </summary>
[Activity("Session", "Carries over the previous session's open tasks, blockers, branch, uncommitted files and handoff notes; outputs 'found', 'previousSession', 'branch'.",
    Outputs = ["found", "previousSession", "branch"])]
public sealed class LoadPreviousSession(ISessionStore sessions) : SessionActivityBase(sessions)
{
    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var session = await LoadAsync(context);
        var previous = session.PreviousSession is { } id ? await Sessions.GetAsync(id, context.CancellationToken) : null;
        context.SetOutput("found", previous is not null);
        context.SetOutput("previousSession", previous?.SessionId);
        context.SetOutput("branch", previous?.ActiveBranch);
        if (previous is null)
        {
            context.Complete("No previous session.");
            return;
        }

        var known = session.Tasks.Select(t => t.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        session.Tasks.AddRange(previous.Tasks.Where(t => t.Status != SessionTaskStatus.Done && !known.Contains(t.Id)));
        session.Blockers.AddRange(previous.Blockers.Where(b => !session.Blockers.Contains(b)));
        session.TaskNumbersUsed = Math.Max(session.TaskNumbersUsed, Math.Max(previous.TaskNumbersUsed, TaskBoard.HighestNumber(previous.Tasks)));
        session.ActiveBranch ??= previous.ActiveBranch;
        session.UncommittedFiles.AddRange(previous.UncommittedFiles.Where(f => !session.UncommittedFiles.Contains(f)));
        if (session.HandoffNotes.Length == 0)
        {
            // The note the last close left ('end --note'), or when it left none, the one it was handed.
            session.HandoffNotes = string.IsNullOrWhiteSpace(previous.CloseNote) ? previous.HandoffNotes : previous.CloseNote.Trim();
        }

        await Sessions.SaveAsync(session, context.CancellationToken);
        context.Complete($"Carried over from {previous.SessionId}: {session.OpenTasks.Count} open tasks, {session.Blockers.Count} blockers.");
    }
}
