namespace Lifecycle.Benchmarks.Dashboard;

/// <summary>The workflows the seeded instances run: built-in activities only, so any server reads them.</summary>
public static class SeedWorkflows
{
    /// <summary>Finishes after a few steps.</summary>
    public const string Deploy = """
        { "id": "deploy", "name": "Deploy", "root": { "type": "Sequence", "activities": [
          { "id": "build", "type": "Log", "message": "building" },
          { "id": "test", "type": "SetVariable", "variable": "passed", "value": true },
          { "id": "ship", "type": "Log", "message": { "js": "'shipping ' + input.release" } },
          { "type": "SetOutput", "name": "release", "value": { "js": "input.release" } } ] } }
        """;

    /// <summary>Faults at 'report' when the input says so, else finishes.</summary>
    public const string Nightly = """
        { "id": "nightly-report", "name": "Nightly report", "root": { "type": "Sequence", "activities": [
          { "id": "collect", "type": "SetVariable", "variable": "rows", "value": 42 },
          { "id": "check", "type": "If", "condition": { "js": "input.fail === true" },
            "then": { "id": "report", "type": "Fail", "message": "the report database did not answer" } },
          { "type": "SetOutput", "name": "rows", "value": { "js": "vars.rows" } } ] } }
        """;

    /// <summary>Waits for 'approved' with the ticket as correlation.</summary>
    public const string Approval = """
        { "id": "approval", "name": "Approval", "root": { "type": "Sequence", "activities": [
          { "id": "ask", "type": "Log", "message": { "js": "'approve ' + input.ticket + '?'" } },
          { "id": "wait", "type": "WaitForEvent", "event": "approved", "correlation": { "js": "input.ticket" } },
          { "type": "SetOutput", "name": "approved", "value": true } ] } }
        """;

    /// <summary>A loop of five steps.</summary>
    public const string Import = """
        { "id": "import", "name": "Import", "root": { "type": "ForEach", "items": [1, 2, 3, 4, 5], "variable": "batch",
          "body": { "id": "load", "type": "Log", "message": { "js": "'batch ' + vars.batch" } } } }
        """;

    /// <summary>A loop of <paramref name="items"/> logged steps: the long journal.</summary>
    public static string Long(int items) => $$"""
        { "id": "long-journal", "name": "Long journal", "root": { "type": "Sequence", "activities": [
          { "id": "loop", "type": "ForEach", "items": { "js": "Array.from({ length: {{items}} }, (_, i) => i + 1)" }, "variable": "i",
            "body": { "id": "step", "type": "Log", "message": { "js": "'step ' + vars.i" } } },
          { "type": "SetOutput", "name": "steps", "value": {{items}} } ] } }
        """;
}
