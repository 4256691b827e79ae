using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Continuity;

/// <summary>
/// The spec's determine_continuation_strategy, in its order: blockers (recorded ones and blocked
/// tasks), then uncommitted work, then open tasks.
/// </summary>
public static class ContinuationStrategy
{
    public static Continuation Determine(SessionContext context)
    {
        var blockers = context.AllBlockers();
        if (blockers.Count > 0)
        {
            return new Continuation(WorkStrategy.ResolveBlockers,
                $"{Count(blockers.Count, "blocker")} stand{(blockers.Count == 1 ? "s" : "")} in the way: {string.Join("; ", blockers.Select(b => b.TrimEnd('.')))}.");
        }

        if (context.UncommittedFiles.Count > 0)
        {
            return new Continuation(WorkStrategy.CompleteInProgress,
                $"{Count(context.UncommittedFiles.Count, "uncommitted file")} from the last session: finish and commit {(context.UncommittedFiles.Count == 1 ? "it" : "them")}.");
        }

        var open = TaskBoard.ByPriority(context.Tasks.Where(t => t.Status == SessionTaskStatus.Open)).ToList();
        if (open.Count > 0)
        {
            var first = open[0];
            return new Continuation(WorkStrategy.ContinueTasks,
                $"{Count(open.Count, "open task")}; start with {first.Id} (priority {first.Priority}): {first.Title}.", first);
        }

        return new Continuation(WorkStrategy.StartNewWork, "Nothing is carried over: start new work.");
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
