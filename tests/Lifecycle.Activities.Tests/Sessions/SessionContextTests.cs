using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Tests.Sessions;

public class SessionContextTests
{
    [Fact]
    public void Json_UsesTheSpecsNamesInCamelCase_AndUpperCaseStates()
    {
        var context = new SessionContext { SessionId = "00003", State = SessionState.Active, ActiveBranch = "main" };
        TaskBoard.Add(context.Tasks, "write tests", 1);
        TaskBoard.Done(context.Tasks, TaskBoard.Add(context.Tasks, "draft").Id);

        var json = JsonSerializer.SerializeToNode(context, JsonSerializerOptions.Web)!.AsObject();

        foreach (var name in new[]
                 {
                     "sessionId", "startTime", "endTime", "state", "activeBranch", "uncommittedFiles", "openTasks", "completedTasks",
                     "realityConsensus", "agentHealth", "lastError", "commits", "filesModified", "linesChanged", "interruptions",
                     "previousSession", "nextSession", "handoffNotes", "blockers",
                 })
        {
            Assert.True(json.ContainsKey(name), $"missing {name}");
        }

        Assert.Equal("ACTIVE", json["state"]!.GetValue<string>());
        Assert.Equal("write tests", json["openTasks"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("done", json["completedTasks"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void Json_RoundTrip_KeepsTasksAndState()
    {
        var context = new SessionContext { SessionId = "00003", State = SessionState.Closing, Blockers = ["API key"] };
        TaskBoard.Block(context.Tasks, TaskBoard.Add(context.Tasks, "deploy").Id, "API key");

        var copy = JsonSerializer.Deserialize<SessionContext>(JsonSerializer.Serialize(context, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;

        Assert.Equal(SessionState.Closing, copy.State);
        Assert.Equal(SessionTaskStatus.Blocked, Assert.Single(copy.Tasks).Status);
        Assert.Equal("API key", Assert.Single(copy.OpenTasks).BlockedReason);
    }

    [Fact]
    public void AllBlockers_NamesABlockedTaskOnce_WhetherOrNotTaskBlockRecordedIt()
    {
        var session = new SessionContext { SessionId = "00001" };
        var recorded = Lifecycle.Activities.Tasks.TaskBoard.Add(session.Tasks, "deploy");
        var notRecorded = Lifecycle.Activities.Tasks.TaskBoard.Add(session.Tasks, "review");
        Lifecycle.Activities.Tasks.TaskBoard.Block(session.Tasks, recorded.Id, "API key");
        Lifecycle.Activities.Tasks.TaskBoard.Block(session.Tasks, notRecorded.Id, "waiting");
        session.Blockers.Add($"{recorded.Id}: API key");
        session.Blockers.Add("The build is red");

        Assert.Equal([$"{recorded.Id}: API key", "The build is red", $"{notRecorded.Id} blocked: waiting"], session.AllBlockers());
    }
}
