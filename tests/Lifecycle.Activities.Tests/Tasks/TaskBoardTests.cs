using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Tests.Tasks;

public class TaskBoardTests
{
    [Fact]
    public void Add_GivesIncreasingIds_EvenAfterGaps()
    {
        var tasks = new List<SessionTask> { new("T7", "old") };

        var task = TaskBoard.Add(tasks, "  new one  ", 2);

        Assert.Equal(new SessionTask("T8", "new one", 2), task);
    }

    [Fact]
    public void ByPriority_HighestFirst_ThenInTheOrderAdded()
    {
        var tasks = new List<SessionTask>();
        TaskBoard.Add(tasks, "c", 3);
        TaskBoard.Add(tasks, "a", 1);
        TaskBoard.Add(tasks, "d", 3);

        Assert.Equal(["a", "c", "d"], TaskBoard.ByPriority(tasks).Select(t => t.Title));
    }

    [Fact]
    public void DoneAndBlock_ChangeStatus_AndBlockKeepsTheReason()
    {
        var tasks = new List<SessionTask>();
        var a = TaskBoard.Add(tasks, "a");
        var b = TaskBoard.Add(tasks, "b");

        TaskBoard.Done(tasks, a.Id.ToLowerInvariant());
        TaskBoard.Block(tasks, b.Id, "waiting for review");

        Assert.Equal(SessionTaskStatus.Done, tasks[0].Status);
        Assert.Equal((SessionTaskStatus.Blocked, "waiting for review"), (tasks[1].Status, tasks[1].BlockedReason));
    }

    [Theory]
    [InlineData("add", "", 3, "A task needs a title")]
    [InlineData("add", "x", 9, "Priority 9 is out of range")]
    [InlineData("done", "T9", 3, "No task has id 'T9'. Tasks: T1.")]
    [InlineData("done-twice", "T1", 3, "Task T1 is already done.")]
    [InlineData("block", "T1", 3, "Say why task T1 is blocked")]
    public void Mistakes_AreBadInputWithAClearMessage(string operation, string argument, int priority, string expected)
    {
        var tasks = new List<SessionTask>();
        TaskBoard.Add(tasks, "existing");

        var error = Assert.Throws<SessionException>(() =>
        {
            switch (operation)
            {
                case "add":
                    TaskBoard.Add(tasks, argument, priority);
                    break;
                case "done":
                    TaskBoard.Done(tasks, argument);
                    break;
                case "done-twice":
                    TaskBoard.Done(tasks, argument);
                    TaskBoard.Done(tasks, argument);
                    break;
                default:
                    TaskBoard.Block(tasks, argument, " ");
                    break;
            }
        });

        Assert.Equal(expected.StartsWith("No task has id", StringComparison.Ordinal) ? ErrorKind.NotFound : ErrorKind.InvalidInput, error.Kind);
        Assert.Contains(expected, error.Message);
    }
}
