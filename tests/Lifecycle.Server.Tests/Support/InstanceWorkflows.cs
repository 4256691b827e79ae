using System.Text.Json.Nodes;
using Lifecycle.Workflows.Hosting;

namespace Lifecycle.Server.Tests.Support;

/// <summary>Runs workflows on a test server's own engine, for the instances and journal routes.</summary>
internal static class InstanceWorkflows
{
    /// <summary>Waits for event 'go' (correlation optional), then sets output 'total'.</summary>
    public const string Waiter = TestWorkflows.Greet;

    /// <summary>Always faults at activity 'boom'.</summary>
    public const string Failing = """
        { "id": "failing", "root": { "type": "Sequence", "activities": [
          { "id": "before", "type": "SetVariable", "variable": "x", "value": 1 },
          { "id": "boom", "type": "Fail", "message": "no luck" } ] } }
        """;

    public static async Task<RunResult> RunAsync(this ServerFactory server, string json, JsonObject? input = null)
    {
        var engine = server.Engine();
        var (definition, _) = await engine.PublishAsync(await engine.ReadAsync(json, "test.json"));
        return await engine.RunAsync(definition, input);
    }
}
