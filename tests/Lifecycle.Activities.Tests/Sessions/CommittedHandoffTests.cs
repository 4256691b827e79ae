using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tests.Handoff;

namespace Lifecycle.Activities.Tests.Sessions;

public class CommittedHandoffTests
{
    [Fact]
    public void Read_TakesTheNewestHandoff_AsAClosedSessionWithItsTasksBlockersAndNotes()
    {
        var root = Directory.CreateTempSubdirectory("lifecycle-handoff-").FullName;
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, "docs", "sessions")).FullName;
            var handoff = HandoffExample.Handoff();
            File.WriteAllText(Path.Combine(folder, "SESSION-00002-HANDOFF.json"), "{ not json");
            File.WriteAllText(Path.Combine(folder, $"SESSION-{handoff.SessionId}-HANDOFF.json"), HandoffJson.Render(handoff));
            File.WriteAllText(Path.Combine(folder, "SESSION-1-HANDOFF.json"), "ignored: not a five-digit id");

            var session = CommittedHandoff.Read(root, null)!;

            Assert.Equal(handoff.SessionId, session.SessionId);
            Assert.Equal(SessionState.Dormant, session.State);
            Assert.NotNull(session.ActiveSince);
            Assert.Equal(handoff.OpenItems.Select(t => t.Id), session.Tasks.Where(t => t.Status != Lifecycle.Activities.Tasks.SessionTaskStatus.Done).Select(t => t.Id));
            Assert.Equal(handoff.WorkCompleted.CompletedTasks.Select(t => t.Id), session.CompletedTasks.Select(t => t.Id));
            Assert.Equal(handoff.Blockers, session.AllBlockers());
            Assert.Equal(handoff.HeadSha, session.EndSha);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Read_WhenTheNewestDoesNotRead_TakesTheNewestThatDoes_AndHighestIdStillCountsIt()
    {
        var root = Directory.CreateTempSubdirectory("lifecycle-handoff-").FullName;
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, "docs", "sessions")).FullName;
            var handoff = HandoffExample.Handoff();
            File.WriteAllText(Path.Combine(folder, $"SESSION-{handoff.SessionId}-HANDOFF.json"), HandoffJson.Render(handoff));
            File.WriteAllText(Path.Combine(folder, "SESSION-00009-HANDOFF.json"), "<<<<<<< HEAD\n{ }\n=======\n");
            File.WriteAllText(Path.Combine(folder, "SESSION-00008-HANDOFF.json"), """{ "sessionId": "00008", "blockers": null }""");

            Assert.Equal(handoff.SessionId, CommittedHandoff.Read(root, null)!.SessionId);
            Assert.Equal("00009", CommittedHandoff.HighestId(root, null));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Read_WithNoHandoffOrOneThatDoesNotRead_GivesNull()
    {
        var root = Directory.CreateTempSubdirectory("lifecycle-handoff-").FullName;
        try
        {
            Assert.Null(CommittedHandoff.Read(root, null));
            var folder = Directory.CreateDirectory(Path.Combine(root, "notes")).FullName;
            File.WriteAllText(Path.Combine(folder, "SESSION-00009-HANDOFF.json"), "{ \"sessionId\": ");

            Assert.Null(CommittedHandoff.Read(root, "notes"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
