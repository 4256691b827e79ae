using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>A process killed in the middle of a run; the next process finishes the instance.</summary>
public class CrashRecoveryTests
{
    [Theory]
    [InlineData("suspensions", true)]
    [InlineData("everyActivity", false)]
    public async Task KilledMidRun_NextProcessFinishesIt_AndTheJournalSaysInterruptedThenResumed(string persistence, bool runsAAgain)
    {
        using var folder = new TempFolder();
        folder.Write("steps.json", TestWorkflows.Steps(persistence));
        folder.Write("other.json", """{ "id": "other", "root": { "type": "Log", "message": "unrelated" } }""");
        var cli = new CliRunner(folder.Path);
        cli.Environment["LIFECYCLE_CRASH_AT"] = "b";

        var crashed = await cli.RunAsync("workflow", "run", "steps.json");

        Assert.NotEqual(0, crashed.ExitCode);
        Assert.Contains("log: step a", crashed.Stdout);
        Assert.DoesNotContain("log: step b", crashed.Stdout);
        cli.Environment.Remove("LIFECYCLE_CRASH_AT");
        var running = await cli.RunAsync("--json", "instances", "--status", "Running");
        var instanceId = Assert.Single(running.Json["instances"]!.AsArray())!["instanceId"]!.GetValue<string>();

        var next = await cli.RunAsync("workflow", "run", "other.json");

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Contains($"note: recovering instance {instanceId} of 'steps'", next.Stderr);
        Assert.Contains($"recovered instance {instanceId}", next.Stderr);
        // At-least-once: without per-activity persistence the run restarts from its start, so
        // 'a' runs again; with it, only the interrupted activity 'b' runs again.
        Assert.Equal(runsAAgain, next.Stdout.Contains("log: step a"));
        Assert.Contains("log: step b", next.Stdout);
        var instances = await cli.RunAsync("--json", "instances", "--workflow", "steps");
        var recovered = Assert.Single(instances.Json["instances"]!.AsArray())!;
        Assert.Equal("Finished", recovered["status"]!.GetValue<string>());
        Assert.True(recovered["outputs"]!["done"]!.GetValue<bool>());

        var journal = (await cli.RunAsync("--json", "journal", instanceId)).Json["entries"]!.AsArray()
            .Select(e => (Event: e!["event"]!.GetValue<string>(), Activity: e["activityId"]!.GetValue<string>())).ToList();
        var interrupted = journal.FindIndex(e => e.Event == "Interrupted");
        Assert.True(interrupted >= 0, string.Join("\n", journal));
        Assert.Equal("Resumed", journal[interrupted + 1].Event);
        Assert.Equal(1, journal.Count(e => e is { Event: "Completed", Activity: "a" }));
        Assert.Equal(1, journal.Count(e => e is { Event: "Completed", Activity: "b" }));
        Assert.Equal(1, journal.Count(e => e is { Event: "Completed", Activity: "c" }));
    }

    [Fact]
    public async Task RunningInALiveProcess_IsNotRecoveredByAnotherProcess()
    {
        using var folder = new TempFolder();
        folder.Write("long.json", """
        { "id": "long", "variables": { "i": 0 },
          "root": { "type": "Sequence", "activities": [
            { "type": "Log", "message": "started" },
            { "type": "While", "condition": { "js": "vars.i < 100000" }, "maxIterations": 100000,
              "body": { "type": "SetVariable", "variable": "i",
                        "value": { "js": "(function () { let s = 0; for (let k = 0; k < 20000; k++) { s += k; } return vars.i + 1; })()" } } } ] } }
        """);
        folder.Write("other.json", """{ "id": "other", "root": { "type": "Log", "message": "unrelated" } }""");
        var cli = new CliRunner(folder.Path);
        using var busy = cli.Start("workflow", "run", "long.json");
        try
        {
            while (await busy.StandardOutput.ReadLineAsync() is { } line && !line.Contains("log: started"))
            {
            }

            var other = await cli.RunAsync("workflow", "run", "other.json");

            Assert.True(other.ExitCode == 0, other.ToString());
            Assert.DoesNotContain("recovered", other.Stderr);
            var running = await cli.RunAsync("--json", "instances", "--status", "Running");
            Assert.Equal("long", Assert.Single(running.Json["instances"]!.AsArray())!["workflowId"]!.GetValue<string>());
            Assert.False(busy.HasExited);
        }
        finally
        {
            busy.Kill();
            await busy.WaitForExitAsync();
        }
    }
}
