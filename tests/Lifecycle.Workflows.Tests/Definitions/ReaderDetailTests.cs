using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Definitions;

public class ReaderDetailTests
{
    [Fact]
    public void EventTrigger_WithWhiteSpaceInTheName_IsRejected()
    {
        var errors = Readers.Errors("""{ "id": "t", "triggers": [ { "type": "Event", "event": "a b" } ], "root": { "type": "Finish" } }""");

        var error = Assert.Single(errors);
        Assert.Equal("$.triggers[0].event", error.Path);
        Assert.Contains("white space", error.Message);
    }

    [Fact]
    public void BadJson_AfterNonAsciiText_ReportsTheColumnInCharacters()
    {
        var errors = Readers.Errors("{ \"id\": \"é\", \"root\": ] }");

        Assert.StartsWith("Invalid JSON at line 1, column 22:", Assert.Single(errors).Message);
    }
}
