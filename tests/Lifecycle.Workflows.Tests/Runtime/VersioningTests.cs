using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Runtime;

public class VersioningTests
{
    private static string Versioned(string label) => $$"""
        { "id": "doc", "root": { "type": "Sequence", "activities": [
          { "id": "wait", "type": "WaitForEvent", "event": "go" },
          { "type": "SetOutput", "name": "label", "value": "{{label}}" } ] } }
        """;

    [Fact]
    public async Task Publish_IdenticalContent_CreatesNoNewVersion()
    {
        await using var test = new TestEngine();
        var first = await test.Engine.PublishAsync(await test.Engine.ReadAsync(Versioned("one"), "doc.json"));

        var again = await test.Engine.PublishAsync(await test.Engine.ReadAsync(Versioned("one"), "doc.json"));

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(1, again.Definition.Version);
        Assert.Single(await test.Engine.Store.ListVersionsAsync("doc", default));
    }

    [Fact]
    public async Task Publish_ReformattedContent_CreatesNoNewVersion()
    {
        await using var test = new TestEngine();
        await test.PublishAsync(Versioned("one"));
        var reformatted = """
            {
                "$schema": "../schemas/workflow.schema.json",
                "id": "doc",
                "root": {
                    "type": "Sequence",
                    "activities": [
                        { "id": "wait", "type": "WaitForEvent", "event": "go" },
                        { "type": "SetOutput", "name": "label", "value": "one" },
                    ]
                }
            }
            """;

        var (definition, created) = await test.Engine.PublishAsync(await test.Engine.ReadAsync(reformatted, "doc.json"));

        Assert.False(created);
        Assert.Equal(1, definition.Version);
    }

    [Fact]
    public async Task Publish_ChangedContent_CreatesVersionTwo()
    {
        await using var test = new TestEngine();
        await test.PublishAsync(Versioned("one"));

        var (definition, created) = await test.Engine.PublishAsync(await test.Engine.ReadAsync(Versioned("two"), "doc.json"));

        Assert.True(created);
        Assert.Equal(2, definition.Version);
        Assert.Equal([1, 2], (await test.Engine.Store.ListVersionsAsync("doc", default)).Select(v => v.Version));
        var summary = Assert.Single(await test.Engine.Store.ListDefinitionsAsync(default));
        Assert.Equal(2, summary.LatestVersion);
        Assert.Equal(2, summary.Versions);
    }

    [Fact]
    public async Task Publish_BackToEarlierContent_CreatesANewVersion()
    {
        await using var test = new TestEngine();
        await test.PublishAsync(Versioned("one"));
        await test.PublishAsync(Versioned("two"));

        var definition = await test.PublishAsync(Versioned("one"));

        Assert.Equal(3, definition.Version);
    }

    [Fact]
    public async Task RunById_UsesTheLatestVersion()
    {
        await using var test = new TestEngine();
        await test.PublishAsync(Versioned("one"));
        await test.PublishAsync(Versioned("two"));

        var run = await test.Engine.RunAsync("doc", null);
        var resumed = await test.ResumeOneAsync("go");

        Assert.Equal(2, run.Version);
        Assert.Equal("two", resumed.Outputs["label"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunById_UnknownWorkflow_Throws()
    {
        await using var test = new TestEngine();

        var error = await Assert.ThrowsAsync<WorkflowNotFoundException>(() => test.Engine.RunAsync("nope", null));

        Assert.Equal("nope", error.WorkflowId);
        Assert.Contains("'nope'", error.Message);
    }

    [Fact]
    public async Task InstanceSuspendedOnVersionOne_ResumesOnVersionOneAfterVersionTwoIsPublished()
    {
        await using var test = new TestEngine();
        await test.PublishAsync(Versioned("one"));
        var run = await test.Engine.RunAsync("doc", null);
        await test.PublishAsync("""{ "id": "doc", "root": { "type": "SetOutput", "name": "label", "value": "two has no wait" } }""");

        await using var other = new TestEngine(folder: test.Folder);
        var resumed = await other.ResumeOneAsync("go");

        Assert.Equal(run.InstanceId, resumed.InstanceId);
        Assert.Equal(1, resumed.Version);
        Assert.Equal("one", resumed.Outputs["label"]!.GetValue<string>());
        var later = await other.Engine.RunAsync("doc", null);
        Assert.Equal(2, later.Version);
        Assert.Equal("two has no wait", later.Outputs["label"]!.GetValue<string>());
    }
}
