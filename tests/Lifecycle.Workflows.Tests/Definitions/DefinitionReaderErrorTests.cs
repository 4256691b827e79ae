using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Definitions;

/// <summary>Every problem the reader reports, with its JSONPath.</summary>
public class DefinitionReaderErrorTests
{
    private static DefinitionError Single(string json, DefinitionReaderOptions? options = null) =>
        Assert.Single(Readers.Errors(json, options));

    private static string Wrap(string activities, string extra = "") => TestEngine.Workflow(activities, extra: extra);

    [Fact]
    public void Read_BadJson_ReportsTheLineAndColumn()
    {
        var error = Single("""
            {
              "id": "x",
              "root": { "type": "Finish" }
              "name": "y"
            }
            """);

        Assert.Equal("$", error.Path);
        Assert.StartsWith("Invalid JSON at line 4, column 3: ", error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
    }

    [Theory]
    [InlineData("\"3\"")]
    [InlineData("3.5")]
    [InlineData("true")]
    public void Read_ANumberInputGivenSomethingElse_IsRejectedNamingTheInput(string literal)
    {
        var error = Single(Wrap($$"""{ "type": "While", "condition": false, "maxIterations": {{literal}}, "body": { "type": "Log", "message": "x" } }"""));

        Assert.EndsWith(".maxIterations", error.Path);
    }

    [Fact]
    public void Read_TruncatedJson_IsReportedAsInvalidJson()
    {
        var error = Single("""{ "id": "x", "root": { "type": "Finish" """);

        Assert.Equal("$", error.Path);
        Assert.StartsWith("Invalid JSON at line 1", error.Message);
    }

    [Fact]
    public void Read_NotAnObject_IsRejected()
    {
        var error = Single("[1, 2]");

        Assert.Equal("$", error.Path);
        Assert.Contains("JSON object", error.Message);
    }

    [Fact]
    public void Read_UnknownActivityType_ListsTheKnownTypes()
    {
        var error = Single(Wrap("""{ "type": "Log", "message": "ok" }, { "type": "Stash" }"""));

        Assert.Equal("$.root.activities[1].type", error.Path);
        Assert.Equal(
            "Unknown activity type 'Stash'. Known types: Delay, Fail, Finish, ForEach, If, Log, Parallel, RunWorkflow, Sequence, " +
            "SetOutput, SetVariable, Switch, TryCatch, WaitForEvent, While.",
            error.Message);
    }

    [Fact]
    public void Read_MissingActivityType_IsReportedAtTheActivity()
    {
        var error = Single(Wrap("""{ "message": "no type" }"""));

        Assert.Equal("$.root.activities[0]", error.Path);
        Assert.Contains("'type'", error.Message);
    }

    [Fact]
    public void Read_ActivityThatIsNotAnObject_IsRejected()
    {
        var error = Single(Wrap("\"Log\""));

        Assert.Equal("$.root.activities[0]", error.Path);
        Assert.Contains("found the string \"Log\"", error.Message);
    }

    [Theory]
    [InlineData("""{ "type": "Log" }""", "message")]
    [InlineData("""{ "type": "SetVariable", "value": 1 }""", "variable")]
    [InlineData("""{ "type": "If", "condition": true }""", "then")]
    [InlineData("""{ "type": "ForEach", "items": [], "body": { "type": "Finish" } }""", "variable")]
    [InlineData("""{ "type": "While", "body": { "type": "Finish" } }""", "condition")]
    [InlineData("""{ "type": "WaitForEvent" }""", "event")]
    [InlineData("""{ "type": "Delay" }""", "duration")]
    [InlineData("""{ "type": "RunWorkflow" }""", "workflow")]
    [InlineData("""{ "type": "TryCatch", "catch": { "type": "Finish" } }""", "try")]
    [InlineData("""{ "type": "Switch" }""", "cases")]
    [InlineData("""{ "type": "If", "condition": true, "then": null }""", "then")]
    public void Read_MissingRequiredInput_NamesTheInputAtTheActivityPath(string activity, string input)
    {
        var error = Single(Wrap(activity));

        Assert.StartsWith("$.root.activities[", error.Path);
        Assert.DoesNotContain(".", error.Path["$.root.activities[".Length..]);
        Assert.Contains($"Missing required input '{input}'", error.Message);
    }

    [Fact]
    public void Read_SwitchCaseWithoutDo_IsReportedAtTheCase()
    {
        var error = Single("""{ "id": "s", "root": { "type": "Switch", "cases": [ { "when": true } ] } }""");

        Assert.Equal("$.root.cases[0]", error.Path);
        Assert.Contains("Missing required input 'do'", error.Message);
    }

    [Theory]
    [InlineData("""{ "type": "While", "condition": true, "body": { "type": "Finish" }, "maxIterations": "ten" }""", "maxIterations", "an integer", "the string \"ten\"")]
    [InlineData("""{ "type": "While", "condition": true, "body": { "type": "Finish" }, "maxIterations": 2.5 }""", "maxIterations", "an integer", "the number 2.5")]
    [InlineData("""{ "type": "While", "condition": true, "body": { "type": "Finish" }, "maxIterations": "10" }""", "maxIterations", "an integer", "the string \"10\"")]
    [InlineData("""{ "type": "Log", "message": 5 }""", "message", "a string", "the number 5")]
    [InlineData("""{ "type": "If", "condition": "yes", "then": { "type": "Finish" } }""", "condition", "a boolean", "the string \"yes\"")]
    [InlineData("""{ "type": "RunWorkflow", "workflow": "w", "input": [1] }""", "input", "an object", "an array [1]")]
    [InlineData("""{ "type": "WaitForEvent", "event": { "name": "x" } }""", "event", "a string", "an object")]
    public void Read_WrongInputType_NamesTheExpectedTypeAndQuotesTheValue(string activity, string input, string expected, string found)
    {
        var error = Single(Wrap(activity));

        Assert.Equal($"$.root.activities[0].{input}", error.Path);
        Assert.Contains($"Input '{input}' expects {expected}", error.Message);
        Assert.Contains($"found {found}", error.Message);
    }

    [Theory]
    [InlineData("""{ "type": "Log", "message": null }""", "message", "a string")]
    [InlineData("""{ "type": "Log", "message": "x", "level": null }""", "level", "a string")]
    [InlineData("""{ "type": "WaitForEvent", "event": null }""", "event", "a string")]
    [InlineData("""{ "type": "While", "condition": null, "body": { "type": "Finish" } }""", "condition", "a boolean")]
    public void Read_NullForAnInputThatIsNotNullable_IsRejected(string activity, string input, string expected)
    {
        var error = Single(Wrap(activity));

        Assert.Equal($"$.root.activities[0].{input}", error.Path);
        Assert.StartsWith($"Input '{input}' expects {expected}", error.Message);
        Assert.EndsWith("found null.", error.Message);
    }

    [Theory]
    [InlineData("""{ "type": "WaitForEvent", "event": "go", "correlation": null }""")]
    [InlineData("""{ "type": "SetVariable", "variable": "x", "value": null }""")]
    [InlineData("""{ "type": "SetOutput", "name": "x", "value": null }""")]
    [InlineData("""{ "type": "RunWorkflow", "workflow": "w", "input": null }""")]
    public void Read_NullForANullableInput_IsAccepted(string activity)
    {
        Assert.NotNull(Readers.Create().Read(Wrap(activity)));
    }

    [Fact]
    public void Read_WrongInputType_QuotesNonAsciiValuesAsWritten()
    {
        var error = Single(Wrap("""{ "type": "If", "condition": "né <b>", "then": { "type": "Finish" } }"""));

        Assert.Contains("found the string \"né <b>\"", error.Message);
    }

    [Fact]
    public void Read_ActivitiesNotAnArray_IsRejected()
    {
        var error = Single("""{ "id": "s", "root": { "type": "Sequence", "activities": { "type": "Finish" } } }""");

        Assert.Equal("$.root.activities", error.Path);
        Assert.Contains("Expected an array of activities", error.Message);
    }

    [Fact]
    public void Read_ExpressionWithSomethingBesideIt_IsRejected()
    {
        var error = Single(Wrap("""{ "type": "Log", "message": { "js": "'a'", "note": "x" } }"""));

        Assert.Equal("$.root.activities[0].message", error.Path);
        Assert.Contains("{\"js\": \"...\"}", error.Message);
    }

    [Fact]
    public void Read_DuplicateActivityId_PointsAtTheSecondAndNamesTheFirst()
    {
        var error = Single(Wrap("""
            { "id": "step", "type": "Log", "message": "a" },
            { "type": "If", "condition": true, "then": { "id": "step", "type": "Log", "message": "b" } }
            """));

        Assert.Equal("$.root.activities[1].then.id", error.Path);
        Assert.Contains("Duplicate activity id 'step'", error.Message);
        Assert.Contains("$.root.activities[0]", error.Message);
    }

    [Fact]
    public void Read_DuplicateIdOfAnActivityWithAnUnknownType_IsReportedToo()
    {
        var errors = Readers.Errors(Wrap("""{ "id": "x", "type": "Nope" }, { "id": "x", "type": "Finish" }"""));

        Assert.Equal(["$.root.activities[0].type", "$.root.activities[1].id"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Read_JavaScriptSyntaxError_IsReportedAtLoadWithThePathOfTheExpression()
    {
        var error = Single(Wrap("""{ "type": "SetVariable", "variable": "x", "value": { "js": "vars.count +* 2" } }"""));

        Assert.Equal("$.root.activities[0].value.js", error.Path);
        Assert.StartsWith("JavaScript syntax error in 'vars.count +* 2': ", error.Message);
    }

    [Fact]
    public void Read_RunWorkflowOfAnUnknownWorkflow_IsRejectedWhenTheReaderCanCheck()
    {
        var json = Wrap("""{ "type": "Sequence", "activities": [ { "type": "RunWorkflow", "workflow": "nowhere" } ] }""");

        var error = Single(json, new DefinitionReaderOptions { WorkflowExists = id => id == "known" });

        Assert.Equal("$.root.activities[0].activities[0].workflow", error.Path);
        Assert.Contains("'nowhere'", error.Message);
        Assert.Contains("not published", error.Message);
        Assert.NotNull(Readers.Create().Read(json));
    }

    [Fact]
    public void Read_RunWorkflowOfItself_IsAccepted()
    {
        var json = """{ "id": "self", "root": { "type": "RunWorkflow", "workflow": "self" } }""";

        Assert.NotNull(Readers.Create().Read(json, new DefinitionReaderOptions { WorkflowExists = _ => false }));
    }

    [Fact]
    public void Read_UnknownTriggerType_ListsTheKnownTriggerTypes()
    {
        var error = Single(Wrap("", """ "triggers": [ { "type": "Event", "event": "a" }, { "type": "Webhook", "url": "x" } ], """));

        Assert.Equal("$.triggers[1].type", error.Path);
        Assert.Equal("Unknown trigger type 'Webhook'. Known trigger types: Event, Cron, Http.", error.Message);
    }

    [Theory]
    [InlineData("""{ "type": "Event" }""", "$.triggers[0]", "Missing required 'event'")]
    [InlineData("""{ "type": "Http", "method": "POST" }""", "$.triggers[0]", "Missing required 'path'")]
    [InlineData("""{ "type": "Event", "event": "a", "cron": "x" }""", "$.triggers[0].cron", "Unknown field 'cron' on a Event trigger")]
    [InlineData("""{ "type": "Cron", "cron": "* * * *" }""", "$.triggers[0].cron", "needs 6 or 7 fields")]
    [InlineData("""{ "type": "Event", "event": "" }""", "$.triggers[0].event", "non-empty string")]
    [InlineData("\"Event\"", "$.triggers[0]", "A trigger is an object")]
    public void Read_BadTrigger_IsReported(string trigger, string path, string message)
    {
        var error = Single(Wrap("", $$""" "triggers": [ {{trigger}} ], """));

        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Read_UnknownInputProperty_ListsTheActivityInputs()
    {
        var error = Single(Wrap("""{ "type": "Log", "mesage": "typo", "message": "ok" }"""));

        Assert.Equal("$.root.activities[0].mesage", error.Path);
        Assert.Equal("Unknown input 'mesage' on Log; its inputs: message, level.", error.Message);
    }

    [Fact]
    public void Read_InputOnAnActivityWithoutInputs_SaysItTakesNone()
    {
        var error = Single(Wrap("""{ "type": "Finish", "reason": "done" }"""));

        Assert.Equal("$.root.activities[0].reason", error.Path);
        Assert.Contains("it takes no inputs", error.Message);
    }

    [Fact]
    public void Read_UnknownPropertyOnASwitchCase_IsReportedAtTheCase()
    {
        var error = Single("""{ "id": "s", "root": { "type": "Switch", "cases": [ { "when": true, "do": { "type": "Finish" }, "then": 1 } ] } }""");

        Assert.Equal("$.root.cases[0].then", error.Path);
    }

    [Fact]
    public void Read_UnknownTopLevelProperty_IsRejected()
    {
        var error = Single("""{ "id": "x", "verison": 2, "root": { "type": "Finish" } }""");

        Assert.Equal("$.verison", error.Path);
        Assert.Contains("Unknown property 'verison'", error.Message);
    }

    [Theory]
    [InlineData("""{ "root": { "type": "Finish" } }""", "$", "Missing required 'id'")]
    [InlineData("""{ "id": "", "root": { "type": "Finish" } }""", "$.id", "non-empty string")]
    [InlineData("""{ "id": "has space", "root": { "type": "Finish" } }""", "$.id", "Workflow id 'has space'")]
    [InlineData("""{ "id": "x" }""", "$", "Missing 'root'")]
    [InlineData("""{ "id": "x", "persistence": "always", "root": { "type": "Finish" } }""", "$.persistence", "Unknown persistence 'always'")]
    [InlineData("""{ "id": "x", "variables": [1], "root": { "type": "Finish" } }""", "$.variables", "'variables' maps")]
    [InlineData("""{ "id": "x", "inputs": { "n": { "type": "float" } }, "root": { "type": "Finish" } }""", "$.inputs.n.type", "Unknown input type 'float'")]
    [InlineData("""{ "id": "x", "inputs": { "n": { "type": "integer", "default": 1.5 } }, "root": { "type": "Finish" } }""", "$.inputs.n.default", "not of the declared type 'integer'")]
    [InlineData("""{ "id": "x", "inputs": { "n": "string" }, "root": { "type": "Finish" } }""", "$.inputs.n", "Input 'n' is declared as")]
    public void Read_BadWorkflowLevelField_IsReported(string json, string path, string message)
    {
        var error = Single(json);

        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Read_ManyProblems_ReportsThemAllAtOnce()
    {
        var json = """
            {
              "id": "broken",
              "triggers": [ { "type": "Webhook" } ],
              "root": {
                "type": "Sequence",
                "activities": [
                  { "id": "a", "type": "Stash" },
                  { "id": "a", "type": "Log" },
                  { "type": "While", "condition": true, "body": { "type": "Finish" }, "maxIterations": "ten" },
                  { "type": "SetVariable", "variable": "x", "value": { "js": "1 +" } },
                  { "type": "RunWorkflow", "workflow": "nowhere" },
                  { "type": "Log", "message": "x", "colour": "red" }
                ]
              }
            }
            """;

        var error = Assert.Throws<WorkflowValidationException>(() =>
            Readers.Create().Read(json, new DefinitionReaderOptions { SourceName = "broken.json", WorkflowExists = _ => false }));

        Assert.Equal(
            [
                "$.triggers[0].type",
                "$.root.activities[0].type",
                "$.root.activities[1].id",
                "$.root.activities[1]",
                "$.root.activities[2].maxIterations",
                "$.root.activities[3].value.js",
                "$.root.activities[5].colour",
                "$.root.activities[4].workflow",
            ],
            error.Errors.Select(e => e.Path));
        Assert.StartsWith("broken.json is not a valid workflow (8 problems): $.triggers[0].type: Unknown trigger type", error.Message);
    }
}
