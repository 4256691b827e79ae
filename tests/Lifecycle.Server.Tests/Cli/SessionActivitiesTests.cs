using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;
using Lifecycle.Server.Persistence;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>The session activities composed in a workflow and run by the real binary on a real repository.</summary>
public class SessionActivitiesTests
{
    private const string MiniStart = """
        { "id": "mini-start", "root": { "type": "Sequence", "activities": [
          { "id": "context", "type": "CreateSessionContext" },
          { "id": "load", "type": "LoadPreviousSession", "session": { "js": "outputs.context.sessionId" } },
          { "id": "reality", "type": "RealityCheck", "quick": true },
          { "type": "TransitionState", "session": { "js": "outputs.context.sessionId" }, "trigger": "activate" },
          { "type": "Checkpoint", "session": { "js": "outputs.context.sessionId" } },
          { "id": "next", "type": "DetermineContinuation", "session": { "js": "outputs.context.sessionId" } },
          { "type": "SetOutput", "name": "session", "value": { "js": "outputs.context.sessionId" } },
          { "type": "SetOutput", "name": "strategy", "value": { "js": "outputs.next.strategy" } },
          { "type": "SetOutput", "name": "reason", "value": { "js": "outputs.next.reason" } } ] } }
        """;

    private const string MiniEnd = """
        { "id": "mini-end", "inputs": { "session": { "type": "string", "required": true } },
          "root": { "type": "Sequence", "activities": [
          { "type": "TransitionState", "session": { "js": "input.session" }, "trigger": "close" },
          { "type": "Checkpoint", "session": { "js": "input.session" } },
          { "type": "TransitionState", "session": { "js": "input.session" }, "trigger": "finish" } ] } }
        """;

    [Fact]
    public async Task StartEndStart_CarriesTasksOver_AndCheckpointsState()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        folder.Write("start.json", MiniStart);
        folder.Write("end.json", MiniEnd);
        var cli = new CliRunner(folder.Path);
        var store = new SqliteSessionStore(Path.Combine(folder.Path, ".lifecycle", "lifecycle.db"));

        var first = await cli.RunAsync("--json", "workflow", "run", "start.json");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("00001", first.Json["outputs"]!["session"]!.GetValue<string>());
        Assert.Equal("START_NEW_WORK", first.Json["outputs"]!["strategy"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(folder.Path, ".lifecycle", "state.json")));
        var session = (await store.GetAsync("00001", default))!;
        Assert.Equal(SessionState.Active, session.State);
        TaskBoard.Add(session.Tasks, "write the handoff", 1);
        TaskBoard.Done(session.Tasks, TaskBoard.Add(session.Tasks, "draft").Id);
        await store.SaveAsync(session, default);
        Assert.Equal(0, (await cli.RunAsync("event", "heartbeat")).ExitCode);

        var end = await cli.RunAsync("--json", "workflow", "run", "end.json", "--input", """{"session": "00001"}""");
        var second = await cli.RunAsync("--json", "workflow", "run", "mini-start");

        Assert.True(end.ExitCode == 0, end.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal("00002", second.Json["outputs"]!["session"]!.GetValue<string>());
        Assert.Equal("CONTINUE_TASKS", second.Json["outputs"]!["strategy"]!.GetValue<string>());
        Assert.Contains("T1 (priority 1): write the handoff", second.Json["outputs"]!["reason"]!.GetValue<string>());
        var closed = (await store.GetAsync("00001", default))!;
        Assert.Equal((SessionState.Dormant, "00002"), (closed.State, closed.NextSession));
        Assert.Single(await store.GetEventsAsync("00001", default));
        Assert.Equal("00001", (await store.GetAsync("00002", default))!.PreviousSession);
    }

    [Fact]
    public async Task CrashAfterCreatingTheSession_RecoveryReusesIt()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        folder.Write("start.json", MiniStart);
        folder.Write("noop.json", """{ "id": "noop", "root": { "type": "Finish" } }""");
        var cli = new CliRunner(folder.Path);
        cli.Environment["LIFECYCLE_CRASH_AT"] = "load";

        var crashed = await cli.RunAsync("workflow", "run", "start.json");
        cli.Environment.Remove("LIFECYCLE_CRASH_AT");
        var next = await cli.RunAsync("workflow", "run", "noop.json");

        Assert.NotEqual(0, crashed.ExitCode);
        Assert.Contains("recovered instance", next.Stderr);
        var sessions = await new SqliteSessionStore(Path.Combine(folder.Path, ".lifecycle", "lifecycle.db")).ListAsync(default);
        var only = Assert.Single(sessions);
        Assert.Equal(SessionState.Active, only.State);
    }
}
