using Lifecycle.Workflows.Control;
using Lifecycle.Workflows.Data;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Tests.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Definitions;

public class DefinitionReaderTests
{
    [Fact]
    public void Read_DesignExample_LoadsEveryPart()
    {
        var definition = Readers.Create().Read(DesignExampleTests.Greet);

        Assert.Equal("greet", definition.Id);
        Assert.Equal("Greet", definition.Name);
        Assert.Equal("Says hello, counts, waits for a go signal.", definition.Description);
        Assert.Equal(0, definition.Version);
        var input = definition.Inputs["name"];
        Assert.Equal("string", input.Type);
        Assert.Equal("world", input.Default!.GetValue<string>());
        Assert.False(input.Required);
        Assert.Equal("""{"count":0}""", definition.Variables.ToJsonString());
        Assert.Equal(new TriggerDefinition("Event", Event: "greet_requested"), Assert.Single(definition.Triggers));
        Assert.Equal(PersistenceMode.Suspensions, definition.Persistence);
        var root = Assert.IsType<Sequence>(definition.Root);
        Assert.Equal(5, root.Activities.Count);
        Assert.Equal("hello", root.Activities[0].Id);
        Assert.Equal("$.root.activities[0]", root.Activities[0].Path);
        Assert.IsType<SetVariable>(definition.ByPath["$.root.activities[1].body"]);
        Assert.Equal("$.root.activities[2]", definition.ByPath["$.root.activities[2]"].DisplayId);
        Assert.Equal(DesignExampleTests.Greet, definition.Source);
    }

    [Fact]
    public void Read_CommentsAndTrailingCommas_AreAccepted()
    {
        var definition = Readers.Create().Read("""
            {
              // the id
              "id": "relaxed",
              "variables": { "n": 1, /* start */ },
              "inputs": { "x": { "type": "number", "default": 2, }, },
              "root": {
                "type": "Sequence",
                "activities": [
                  { "type": "Log", "message": "hi", }, // trailing comma above
                  { "type": "SetOutput", "name": "o", "value": { "a": [1, 2,], }, },
                ],
              },
            }
            """);

        Assert.Equal("""{"n":1}""", definition.Variables.ToJsonString());
        Assert.Equal(2, definition.Inputs["x"].Default!.GetValue<int>());
        var output = Assert.IsType<SetOutput>(definition.ByPath["$.root.activities[1]"]);
        Assert.Equal("""{"a":[1,2]}""", output.Value.Literal!.ToJsonString());
    }

    [Fact]
    public void Read_WithoutName_UsesTheId()
    {
        var definition = Readers.Create().Read("""{ "id": "plain", "root": { "type": "Finish" } }""");

        Assert.Equal("plain", definition.Name);
        Assert.Empty(definition.Triggers);
        Assert.Empty(definition.Inputs);
        Assert.Empty(definition.Variables);
    }

    [Theory]
    [InlineData("everyActivity", PersistenceMode.EveryActivity)]
    [InlineData("EveryActivity", PersistenceMode.EveryActivity)]
    [InlineData("suspensions", PersistenceMode.Suspensions)]
    public void Read_Persistence_IsParsed(string value, PersistenceMode expected)
    {
        var definition = Readers.Create().Read($$"""{ "id": "p", "persistence": "{{value}}", "root": { "type": "Finish" } }""");

        Assert.Equal(expected, definition.Persistence);
    }

    [Fact]
    public void Read_PersistenceAsANumber_IsRejected()
    {
        var error = Assert.Single(Readers.Errors("""{ "id": "p", "persistence": "1", "root": { "type": "Finish" } }"""));

        Assert.Equal("$.persistence", error.Path);
    }

    [Fact]
    public void Read_AllTriggerTypes_AreLoaded()
    {
        var definition = Readers.Create().Read("""
            { "id": "t", "root": { "type": "Finish" }, "triggers": [
              { "type": "Event", "event": "git_commit" },
              { "type": "Cron", "cron": "0 0/5 * * * ?" },
              { "type": "Http", "method": "POST", "path": "/hooks/t" } ] }
            """);

        Assert.Equal(
            [
                new TriggerDefinition("Event", Event: "git_commit"),
                new TriggerDefinition("Cron", Cron: "0 0/5 * * * ?"),
                new TriggerDefinition("Http", Method: "POST", Path: "/hooks/t"),
            ],
            definition.Triggers);
    }

    [Fact]
    public void ContentHash_IgnoresWhitespaceAndTheSchemaLink()
    {
        var reader = Readers.Create();
        var compact = reader.Read("""{"id":"h","root":{"type":"Log","message":"hi"}}""");
        var spaced = reader.Read("""
            {
              "$schema": "../schemas/workflow.schema.json",
              "id": "h",
              "root": { "type": "Log",   "message": "hi" }
            }
            """);

        Assert.Equal(compact.ContentHash, spaced.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", compact.ContentHash);
    }

    [Fact]
    public void ContentHash_IgnoresCommentsAndTrailingCommas()
    {
        var reader = Readers.Create();
        var strict = reader.Read("""{"id":"h","root":{"type":"Log","message":"héllo <b>"}}""");
        var relaxed = reader.Read("""
            { "id": "h", /* note */
              "root": { "type": "Log", "message": "héllo <b>", }, }
            """);

        Assert.Equal(strict.ContentHash, relaxed.ContentHash);
    }

    [Fact]
    public void ContentHash_IsTheHashOfTheCompactDefinition()
    {
        const string json = """{ "$schema": "x", "id": "h", "root": { "type": "Log", "message": "héllo <b> \u00e9" } }""";
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove("$schema");
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString())));

        Assert.Equal(expected, Readers.Create().Read(json).ContentHash);
    }

    [Fact]
    public void ContentHash_ChangesWithTheContent()
    {
        var reader = Readers.Create();

        var one = reader.Read("""{"id":"h","root":{"type":"Log","message":"hi"}}""");
        var two = reader.Read("""{"id":"h","root":{"type":"Log","message":"hello"}}""");

        Assert.NotEqual(one.ContentHash, two.ContentHash);
    }

    [Fact]
    public void Read_Expression_KeepsItsSource()
    {
        var definition = Readers.Create().Read("""{ "id": "e", "root": { "type": "Log", "message": { "js": "'a' + 1" } } }""");

        var log = Assert.IsType<Log>(definition.Root);
        Assert.Equal("'a' + 1", log.Message.Expression!.Source);
        Assert.Null(log.Message.Literal);
        Assert.Equal("$.root.message", log.Message.Path);
    }
}
