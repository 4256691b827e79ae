using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

public class WorkflowRunTests
{
    [Fact]
    public async Task Run_SuspendsOnEvent_ThenASecondProcessResumesIt()
    {
        using var folder = new TempFolder();
        folder.Write("greet.json", TestWorkflows.Greet);
        var cli = new CliRunner(folder.Path);

        var run = await cli.RunAsync("--json", "workflow", "run", "greet.json", "--input", """{"name": "Ada"}""");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Suspended", run.Json["status"]!.GetValue<string>());
        Assert.Equal("go", run.Json["bookmarks"]![0]!["event"]!.GetValue<string>());
        Assert.Equal("go", run.Json["bookmarks"]![0]!["activityId"]!.GetValue<string>());
        var instanceId = run.Json["instanceId"]!.GetValue<string>();

        var resume = await cli.RunAsync("--json", "workflow", "resume", "--event", "go", "--payload", """{"extra": 10}""");

        Assert.True(resume.ExitCode == 0, resume.ToString());
        var resumed = Assert.Single(resume.Json["resumed"]!.AsArray())!;
        Assert.Equal(instanceId, resumed["instanceId"]!.GetValue<string>());
        Assert.Equal("Finished", resumed["status"]!.GetValue<string>());
        Assert.Equal(16, resumed["outputs"]!["total"]!.GetValue<int>());

        var journal = await cli.RunAsync("--json", "journal", instanceId);
        var started = journal.Json["entries"]!.AsArray().Where(e => e!["event"]!.GetValue<string>() == "Started")
            .Select(e => e!["activityId"]!.GetValue<string>()).ToList();
        Assert.Single(started, "say");
        Assert.Single(started, "go");
    }

    [Fact]
    public async Task Run_JsonOutput_HasEveryFieldOfTheContract()
    {
        using var folder = new TempFolder();
        folder.Write("steps.json", TestWorkflows.Steps());
        var cli = new CliRunner(folder.Path);

        var run = await cli.RunAsync("--json", "workflow", "run", "steps.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var fields = run.Json.AsObject().Select(p => p.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "instanceId", "workflowId", "version", "status", "outputs", "bookmarks", "error" }, fields);
        Assert.Equal("Finished", run.Json["status"]!.GetValue<string>());
        Assert.True(run.Json["outputs"]!["done"]!.GetValue<bool>());
        Assert.Null(run.Json["error"]);
    }

    [Fact]
    public async Task Run_TextOutput_PrintsLogLinesAsTheyRun()
    {
        using var folder = new TempFolder();
        folder.Write("steps.json", TestWorkflows.Steps());

        var run = await new CliRunner(folder.Path).RunAsync("workflow", "run", "steps.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("log: step a", run.Stdout);
        Assert.Contains("Finished", run.Stdout);
    }

    [Fact]
    public async Task Run_FaultedWorkflow_ExitsOneAndNamesTheActivity()
    {
        using var folder = new TempFolder();
        folder.Write("fail.json", """{ "id": "fail", "root": { "id": "boom", "type": "Fail", "message": "broken on purpose" } }""");

        var run = await new CliRunner(folder.Path).RunAsync("--json", "workflow", "run", "fail.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Faulted", run.Json["status"]!.GetValue<string>());
        Assert.Contains("Fail 'boom'", run.Json["error"]!.GetValue<string>());
        Assert.Contains("broken on purpose", run.Json["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_ById_UsesTheLatestPublishedVersion()
    {
        using var folder = new TempFolder();
        var cli = new CliRunner(folder.Path);
        folder.Write("steps.json", TestWorkflows.Steps());
        Assert.Equal(0, (await cli.RunAsync("workflow", "publish", "steps.json")).ExitCode);
        folder.Write("steps.json", TestWorkflows.Steps().Replace("step b", "step B"));
        var second = await cli.RunAsync("--json", "workflow", "publish", "steps.json");
        Assert.Equal(2, second.Json["version"]!.GetValue<int>());

        var run = await cli.RunAsync("--json", "workflow", "run", "steps");

        Assert.Equal(2, run.Json["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Resume_WithCorrelation_ResumesOnlyTheMatchingInstance()
    {
        using var folder = new TempFolder();
        folder.Write("wait.json", """
        { "id": "wait", "inputs": { "key": { "type": "string", "required": true } },
          "root": { "id": "w", "type": "WaitForEvent", "event": "ping", "correlation": { "js": "input.key" } } }
        """);
        var cli = new CliRunner(folder.Path);
        var first = await cli.RunAsync("--json", "workflow", "run", "wait.json", "--input", """{"key": "one"}""");
        var second = await cli.RunAsync("--json", "workflow", "run", "wait.json", "--input", """{"key": "two"}""");

        var resume = await cli.RunAsync("--json", "workflow", "resume", "--event", "ping", "--correlation", "two");

        var resumed = Assert.Single(resume.Json["resumed"]!.AsArray())!;
        Assert.Equal(second.Json["instanceId"]!.GetValue<string>(), resumed["instanceId"]!.GetValue<string>());
        var waiting = await cli.RunAsync("--json", "instances", "--status", "Suspended");
        Assert.Equal(first.Json["instanceId"]!.GetValue<string>(), Assert.Single(waiting.Json["instances"]!.AsArray())!["instanceId"]!.GetValue<string>());
    }
}
