using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

public class DefinitionCommandTests
{
    [Fact]
    public async Task Publish_UnchangedContent_KeepsTheVersion_ChangedContentAddsOne()
    {
        using var folder = new TempFolder();
        folder.Write("steps.json", TestWorkflows.Steps());
        var cli = new CliRunner(folder.Path);

        var first = await cli.RunAsync("--json", "workflow", "publish", "steps.json");
        folder.Write("steps.json", TestWorkflows.Steps().Replace("\n", "\n  "));
        var reformatted = await cli.RunAsync("--json", "workflow", "publish", "steps.json");
        folder.Write("steps.json", TestWorkflows.Steps().Replace("step a", "step A"));
        var changed = await cli.RunAsync("--json", "workflow", "publish", "steps.json");

        Assert.True(first.Json["created"]!.GetValue<bool>());
        Assert.Equal(1, first.Json["version"]!.GetValue<int>());
        Assert.False(reformatted.Json["created"]!.GetValue<bool>());
        Assert.Equal(1, reformatted.Json["version"]!.GetValue<int>());
        Assert.True(changed.Json["created"]!.GetValue<bool>());
        Assert.Equal(2, changed.Json["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task ListAndShow_DescribePublishedWorkflows()
    {
        using var folder = new TempFolder();
        folder.Write("steps.json", TestWorkflows.Steps());
        var cli = new CliRunner(folder.Path);
        await cli.RunAsync("workflow", "publish", "steps.json");
        folder.Write("steps.json", TestWorkflows.Steps().Replace("step a", "step A"));
        await cli.RunAsync("workflow", "publish", "steps.json");

        var list = await cli.RunAsync("--json", "workflow", "list");
        var show = await cli.RunAsync("--json", "workflow", "show", "steps", "--version", "1");
        var text = await cli.RunAsync("workflow", "show", "steps");

        var listed = Assert.Single(list.Json["workflows"]!.AsArray())!;
        Assert.Equal("steps", listed["id"]!.GetValue<string>());
        Assert.Equal(2, listed["latestVersion"]!.GetValue<int>());
        Assert.Equal(1, show.Json["version"]!.GetValue<int>());
        Assert.Equal(2, show.Json["versions"]!.AsArray().Count);
        Assert.Contains("step a", show.Json["definition"]!.ToJsonString());
        Assert.Contains("version 2 of 2", text.Stdout);
    }

    [Fact]
    public async Task List_ShowsTheRepositorysDrafts_PublishedOrNot()
    {
        using var folder = new TempFolder();
        folder.Write("steps.json", TestWorkflows.Steps());
        folder.Write(".lifecycle/workflows/steps.json", TestWorkflows.Steps());
        folder.Write(".lifecycle/workflows/hook.json", WorkflowApi.Hook);
        var cli = new CliRunner(folder.Path);
        await cli.RunAsync("workflow", "publish", "steps.json");

        var list = await cli.RunAsync("--json", "workflow", "list");

        var workflows = list.Json["workflows"]!.AsArray();
        Assert.Equal(["hook", "steps"], workflows.Select(w => w!["id"]!.GetValue<string>()));
        Assert.Null(workflows[0]!["latestVersion"]);
        Assert.True(workflows[0]!["hasDraft"]!.GetValue<bool>());
        Assert.Equal(1, workflows[1]!["latestVersion"]!.GetValue<int>());
        Assert.True(workflows[1]!["hasDraft"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Commands_FindTheRepositoryUpward_LikeGit()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, ".git"));
        folder.Write("steps.json", TestWorkflows.Steps());
        Directory.CreateDirectory(Path.Combine(folder.Path, "src", "deep"));
        await new CliRunner(folder.Path).RunAsync("workflow", "publish", "steps.json");

        var list = await new CliRunner(Path.Combine(folder.Path, "src", "deep")).RunAsync("--json", "workflow", "list");

        Assert.Equal("steps", Assert.Single(list.Json["workflows"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "src", "deep", ".lifecycle")));
    }
}
