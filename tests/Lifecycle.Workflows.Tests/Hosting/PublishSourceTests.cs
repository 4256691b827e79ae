using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Hosting;

public class PublishSourceTests
{
    private const string UsesCrash = """{ "id": "crashy", "root": { "type": "Sequence", "activities": [ { "type": "Crash" } ] } }""";

    [Fact]
    public async Task PublishSource_New_Changed_AndUnchangedContent_PublishesOnlyWhatChanged()
    {
        await using var test = new TestEngine();

        var first = await test.Engine.PublishSourceAsync(TestEngine.Workflow(""), "a.json");
        var reformatted = await test.Engine.PublishSourceAsync("// same content\n" + TestEngine.Workflow("").Replace(" ", "  ") + "\n", "a.json");
        var changed = await test.Engine.PublishSourceAsync(TestEngine.Workflow("""{ "type": "SetVariable", "variable": "x", "value": 1 }"""), "a.json");

        Assert.Equal(("test", 1, true), first);
        Assert.Equal(("test", 1, false), reformatted);
        Assert.Equal(("test", 2, true), changed);
    }

    [Fact]
    public async Task PublishSource_WithUnchangedContent_DoesNotReadItAgain()
    {
        // Published by a build that knows the 'Crash' activity; a build that does not would reject
        // the source if it read it, so an unchanged source passing shows it was not read.
        await using var knowing = new TestEngine(configureRegistry: r => r.AddAssembly(typeof(Crash).Assembly));
        Assert.Equal(("crashy", 1, true), await knowing.Engine.PublishSourceAsync(UsesCrash, "crashy.json"));

        await using var other = new TestEngine(folder: knowing.Folder);

        Assert.Equal(("crashy", 1, false), await other.Engine.PublishSourceAsync(UsesCrash, "crashy.json"));
        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => other.Engine.PublishSourceAsync(UsesCrash.Replace("Sequence\", \"activities", "Sequence\", \"name\": \"changed\", \"activities"), "crashy.json"));
        Assert.Contains("crashy.json is not a valid workflow", error.Message);
    }

    [Fact]
    public async Task PublishSource_Invalid_ThrowsItsErrorsAndPublishesNothing()
    {
        await using var test = new TestEngine();

        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => test.Engine.PublishSourceAsync("""{ "id": "x" """, "x.json"));

        Assert.Contains("Invalid JSON at line 1", error.Message);
        Assert.Empty(await test.Engine.Store.ListDefinitionsAsync(default));
    }

    [Theory]
    [InlineData("""{ "id": 3, "root": { "type": "Finish" } }""")]
    [InlineData("""[ "id" ]""")]
    [InlineData("""{ "id": "x", """)]
    public void Identify_WithoutAStringIdOrValidJson_IsNull(string json) =>
        Assert.Null(DefinitionReader.Identify(json));

    [Fact]
    public async Task Identify_GivesTheIdAndTheContentHashReadGives()
    {
        await using var test = new TestEngine();
        var json = "{ /* comment */ \"$schema\": \"x\", \"id\": \"a\", \"root\": { \"type\": \"Finish\" }, }";

        var definition = test.Reader.Read(json);

        Assert.Equal(("a", definition.ContentHash), DefinitionReader.Identify(json));
    }
}
