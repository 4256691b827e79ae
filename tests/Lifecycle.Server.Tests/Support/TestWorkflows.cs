namespace Lifecycle.Server.Tests.Support;

/// <summary>Definitions the end-to-end tests use.</summary>
public static class TestWorkflows
{
    public const string Greet = """
    {
      "id": "greet",
      "name": "Greet",
      "inputs": { "name": { "type": "string", "default": "world" } },
      "variables": { "count": 0 },
      "root": {
        "type": "Sequence",
        "activities": [
          { "id": "hello", "type": "SetVariable", "variable": "greeting", "value": { "js": "'hello ' + input.name" } },
          { "type": "ForEach", "items": [1, 2, 3], "variable": "item",
            "body": { "type": "SetVariable", "variable": "count", "value": { "js": "vars.count + vars.item" } } },
          { "id": "say", "type": "Log", "message": { "js": "vars.greeting" } },
          { "id": "go", "type": "WaitForEvent", "event": "go" },
          { "type": "SetOutput", "name": "total", "value": { "js": "vars.count + outputs.go.payload.extra" } }
        ]
      }
    }
    """;

    /// <summary>Three logged steps; <paramref name="persistence"/> sets the definition's persistence mode.</summary>
    public static string Steps(string persistence = "suspensions") => $$"""
    {
      "id": "steps",
      "persistence": "{{persistence}}",
      "root": {
        "type": "Sequence",
        "activities": [
          { "id": "a", "type": "Log", "message": "step a" },
          { "id": "b", "type": "Log", "message": "step b" },
          { "id": "c", "type": "SetOutput", "name": "done", "value": true }
        ]
      }
    }
    """;
}
