using Lifecycle.Activities.Continuity;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Tests.Continuity;

public class ContinuationStrategyTests
{
    private static SessionContext Context(int blockers = 0, int uncommitted = 0, params (string Title, int Priority)[] tasks)
    {
        var context = new SessionContext { SessionId = "00002" };
        context.Blockers.AddRange(Enumerable.Range(1, blockers).Select(i => $"blocker {i}"));
        context.UncommittedFiles.AddRange(Enumerable.Range(1, uncommitted).Select(i => $"f{i}.cs"));
        foreach (var (title, priority) in tasks)
        {
            TaskBoard.Add(context.Tasks, title, priority);
        }

        return context;
    }

    [Fact]
    public void Blockers_ComeFirst() =>
        Assert.Equal(WorkStrategy.ResolveBlockers, ContinuationStrategy.Determine(Context(1, 3, ("a", 1))).Strategy);

    [Fact]
    public void UncommittedWork_ComesBeforeTasks()
    {
        var continuation = ContinuationStrategy.Determine(Context(0, 2, ("a", 1)));

        Assert.Equal(WorkStrategy.CompleteInProgress, continuation.Strategy);
        Assert.Equal("2 uncommitted files from the last session: finish and commit them.", continuation.Reason);
    }

    [Fact]
    public void OpenTasks_StartWithTheHighestPriority()
    {
        var continuation = ContinuationStrategy.Determine(Context(0, 0, ("later", 3), ("first", 1), ("also first", 1)));

        Assert.Equal(WorkStrategy.ContinueTasks, continuation.Strategy);
        Assert.Equal("first", continuation.PriorityTask!.Title);
        Assert.Equal("3 open tasks; start with T2 (priority 1): first.", continuation.Reason);
    }

    [Fact]
    public void BlockedTask_IsABlocker()
    {
        var context = Context(0, 0, ("deploy", 1));
        TaskBoard.Block(context.Tasks, "T1", "waiting for the API key");

        var continuation = ContinuationStrategy.Determine(context);

        Assert.Equal(WorkStrategy.ResolveBlockers, continuation.Strategy);
        Assert.Equal("1 blocker stands in the way: T1 blocked: waiting for the API key.", continuation.Reason);
    }

    [Fact]
    public void OnlyDoneTasks_MeansNewWork()
    {
        var context = Context(0, 0, ("done", 1));
        TaskBoard.Done(context.Tasks, "T1");

        Assert.Equal(WorkStrategy.StartNewWork, ContinuationStrategy.Determine(context).Strategy);
    }

    [Fact]
    public void Determine_WithABlockerEndingInAFullStop_EndsTheReasonWithOne()
    {
        var session = new SessionContext { SessionId = "00002" };
        session.Blockers.Add("The stash 'lifecycle session 00001' was not restored. Commit or move them.");

        var continuation = ContinuationStrategy.Determine(session);

        Assert.EndsWith("Commit or move them.", continuation.Reason);
        Assert.DoesNotContain("..", continuation.Reason);
    }
}
