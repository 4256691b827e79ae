using System.Text.Json.Nodes;
using Lifecycle.Workflows.Activities;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Schema;
using Lifecycle.Workflows.Tests.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Workflows.Tests.Schema;

/// <summary>
/// Definitions checked against the generated schema and read by <see cref="DefinitionReader"/>:
/// an editor validating with the schema should agree with the engine.
/// </summary>
public class WorkflowSchemaValidationTests
{
    private static readonly SchemaCheck Schema = new(WorkflowSchemaGenerator.Generate(new ActivityRegistry()));

    [Theory]
    [InlineData(DesignExampleTests.Greet)]
    [InlineData("""{ "id": "a", "root": { "type": "Finish" } }""")]
    [InlineData("""{ "id": "a", "root": { "type": "Switch", "cases": [ { "when": { "js": "vars.x > 1" }, "do": { "type": "Finish" } } ], "default": { "type": "Log", "message": "none", "level": "debug" } } }""")]
    [InlineData("""{ "id": "a", "persistence": "everyActivity", "triggers": [ { "type": "Cron", "cron": "0 0/5 * * * ?" }, { "type": "Http", "method": "POST", "path": "/go" } ], "root": { "type": "Finish" } }""")]
    [InlineData("""{ "id": "a", "inputs": { "n": { "type": "integer", "default": 3, "required": false, "description": "how many" }, "any": {} }, "variables": { "v": [1] }, "root": { "type": "Finish" } }""")]
    [InlineData("""{ "id": "a", "root": { "type": "Parallel", "branches": [ { "type": "WaitForEvent", "event": "go", "correlation": null }, { "type": "Delay", "duration": 90 }, { "type": "Delay", "duration": "PT5M" } ] } }""")]
    [InlineData("""{ "id": "a", "root": { "id": "sub", "description": "calls b", "type": "RunWorkflow", "workflow": "b", "input": { "x": 1 } } }""")]
    [InlineData("""{ "id": "a", "root": { "type": "While", "condition": true, "maxIterations": 3, "body": { "type": "SetOutput", "name": "o", "value": { "nested": { "js": "not an expression here" } } } } }""")]
    public void ValidDefinition_PassesTheSchemaAndTheReader(string json)
    {
        Assert.Empty(Schema.Errors(JsonNode.Parse(json)));
        Assert.Empty(Read(json));
    }

    [Theory]
    [InlineData("""{ "id": "a", "root": { "type": "Log", "message": "x", "colour": "red" } }""")]
    [InlineData("""{ "id": "a", "root": { "type": "Stash" } }""")]
    [InlineData("""{ "id": "a", "root": { "type": "If", "then": { "type": "Finish" } } }""")]
    [InlineData("""{ "id": "a", "root": { "type": "If", "condition": "yes", "then": { "type": "Finish" } } }""")]
    [InlineData("""{ "id": "a", "root": { "type": "Log", "message": { "js": "vars.x", "extra": 1 } } }""")]
    [InlineData("""{ "id": "a", "root": { "type": "SetVariable", "variable": "v", "value": { "js": 1 } } }""")]
    [InlineData("""{ "id": "a", "root": { "type": "While", "condition": true, "maxIterations": null, "body": { "type": "Finish" } } }""")]
    [InlineData("""{ "id": "a", "root": { "type": "Switch", "cases": [ { "when": true } ] } }""")]
    [InlineData("""{ "id": "-a", "root": { "type": "Finish" } }""")]
    [InlineData("""{ "id": "a", "colour": "red", "root": { "type": "Finish" } }""")]
    [InlineData("""{ "id": "a", "triggers": [ { "type": "Http", "method": "POST" } ], "root": { "type": "Finish" } }""")]
    [InlineData("""{ "id": "a", "triggers": [ { "type": "Cron", "cron": "0 * * * *" } ], "root": { "type": "Finish" } }""")]
    [InlineData("""{ "id": "a", "triggers": [ { "type": "Event", "event": "go", "cron": "0 0 * * * ?" } ], "root": { "type": "Finish" } }""")]
    [InlineData("""{ "id": "a", "inputs": { "n": { "type": "string", "default": 1 } }, "root": { "type": "Finish" } }""")]
    [InlineData("""{ "id": "a", "persistence": "sometimes", "root": { "type": "Finish" } }""")]
    [InlineData("""{ "id": "a" }""")]
    public void InvalidDefinition_FailsTheSchemaAndTheReader(string json)
    {
        Assert.NotEmpty(Schema.Errors(JsonNode.Parse(json)));
        Assert.NotEmpty(Read(json));
    }

    private static IReadOnlyList<DefinitionError> Read(string json)
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        return new DefinitionReader(new ActivityRegistry(), services).TryRead(json).Errors;
    }
}
