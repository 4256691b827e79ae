using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Definitions;

/// <summary>
/// Inputs that crashed the reader instead of listing their problems (the issue's, and afl's from
/// fuzz/, docs/FUZZING.md): each is now a problem at its JSONPath.
/// </summary>
public class ReaderRobustnessTests
{
    private static readonly DefinitionReaderOptions Validate = new() { WorkflowExists = id => id == "published" };

    [Fact]
    public void RunWorkflow_WhoseWorkflowIsANumber_NextToADuplicateId_ListsBothProblems()
    {
        // The input: a NullReferenceException in CheckSubWorkflows, since 'workflow' never bound.
        const string json = """
            {"id": "parent", "root": {"type": "Sequence", "activities": [
              {"id": "a", "type": "RunWorkflow", "workflow": 7},
              {"id": "a", "type": "Log", "message": "hi"}]}}
            """;

        var errors = Readers.Errors(json, Validate);

        Assert.Collection(errors.OrderBy(e => e.Path, StringComparer.Ordinal),
            e =>
            {
                Assert.Equal("$.root.activities[0].workflow", e.Path);
                Assert.Contains("found the number 7", e.Message, StringComparison.Ordinal);
            },
            e =>
            {
                Assert.Equal("$.root.activities[1].id", e.Path);
                Assert.Contains("Duplicate activity id 'a'", e.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void RunWorkflow_WhoseWorkflowIsNull_IsOneProblem()
    {
        const string json = """{"id": "parent", "root": {"type": "RunWorkflow", "workflow": null}}""";

        var error = Assert.Single(Readers.Errors(json, Validate));

        Assert.Equal("$.root.workflow", error.Path);
        Assert.Contains("expects a string; found null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunWorkflow_NamingAnUnpublishedWorkflow_IsStillReported()
    {
        const string json = """{"id": "parent", "root": {"type": "RunWorkflow", "workflow": "nowhere"}}""";

        var error = Assert.Single(Readers.Errors(json, Validate));

        Assert.Equal("$.root.workflow", error.Path);
        Assert.Contains("'nowhere', which is not published", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id": "w", "root": {"type": "Log", "message": "half \udc00 a pair"}}""", "$.root.message", "The string has an escape for half")]
    [InlineData("""{"id": "w", "root": {"type": "Log", "mess\ud800age": "hi"}}""", "$.root", "The name of property 2 has an escape for half")]
    [InlineData("""{"id": "w", "variables": {"list": ["ok", "\ud83d"]}, "root": {"type": "Sequence"}}""", "$.variables.list[1]", "The string has an escape for half")]
    public void HalfASurrogatePair_IsOneProblemAtItsPath(string json, string path, string message)
    {
        // System.Text.Json parses such an escape but throws InvalidOperationException when it is read.
        var error = Assert.Single(Readers.Errors(json));

        Assert.Equal(path, error.Path);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("both halves", error.Message, StringComparison.Ordinal);
        Assert.Null(DefinitionReader.Identify(json));
    }

    [Theory]
    [InlineData("""{"id": "greet", "description": "S.", "id": "greet", "root": {"type": "Sequence"}}""", "$.id")]
    [InlineData("""{"id": "w", "variables": {"t": 0, "t": 1}, "root": {"type": "Sequence"}}""", "$.variables.t")]
    [InlineData("""{"id": "w", "root": {"type": "SetVariable", "variable": "v", "value": {"a b": 1, "a b": 2}}}""", "$.root.value['a b']")]
    public void AKeyGivenTwice_IsOneProblemAtTheSecond(string json, string path)
    {
        // afl's input had "id" twice: Identify threw ArgumentException from JsonObject.
        var error = Assert.Single(Readers.Errors(json));

        Assert.Equal(path, error.Path);
        Assert.Contains("appears more than once in this object; keep one.", error.Message, StringComparison.Ordinal);
        Assert.Null(DefinitionReader.Identify(json));
    }

    [Fact]
    public void ALineBreakTheParserQuotes_StaysOnTheMessagesLine()
    {
        // afl's input "f]\n {": the parser's message quotes the bytes it read, line break and all.
        var error = Assert.Single(Readers.Errors("f]\n {\n \"x\""));

        Assert.Equal("$", error.Path);
        Assert.StartsWith("Invalid JSON at line 1, column 2: 'f]\\n {", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AnExpressionNestedTooDeepToParse_IsASyntaxError_QuotedShort()
    {
        // The parser runs out of stack (a StackOverflow would end the process); the message quoted all 40,001 characters.
        var js = new string('(', 20_000) + "1" + new string(')', 20_000);
        var json = "{\"id\": \"w\", \"root\": {\"type\": \"Log\", \"message\": {\"js\": \"" + js + "\"}}}";

        var error = Assert.Single(Readers.Errors(json));

        Assert.Equal("$.root.message.js", error.Path);
        Assert.StartsWith($"JavaScript syntax error in '{new string('(', 57)}...':", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 400, error.Message);
    }
}
