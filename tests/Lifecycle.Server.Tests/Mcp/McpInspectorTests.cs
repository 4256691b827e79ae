using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Mcp;

/// <summary>The MCP server as an independent client sees it: the MCP Inspector's CLI mode over stdio and over HTTP.</summary>
public sealed class McpInspectorTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CliRunner _cli;

    public McpInspectorTests()
    {
        _cli = SessionRepositories.Prepare(_folder);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Over_stdio_it_lists_the_tools_calls_them_and_reads_the_log()
    {
        var listed = await McpInspector.RunAsync(_folder.Path, [.. McpInspector.LifecycleMcp, "--method", "tools/list"]);
        Assert.True(listed.ExitCode == 0, listed.ToString());
        var tools = McpInspector.Answer(listed)["tools"]!.AsArray().Select(t => (string)t!["name"]!).ToList();
        Assert.Contains("start", tools);
        Assert.Contains("record_note", tools);
        var taskAdd = McpInspector.Answer(listed)["tools"]!.AsArray().Single(t => (string)t!["name"]! == "task_add")!;
        Assert.Equal(["title"], taskAdd["inputSchema"]!["required"]!.AsArray().Select(r => (string)r!));

        var started = await McpInspector.RunAsync(_folder.Path, [.. McpInspector.LifecycleMcp, "--method", "tools/call", "--tool-name", "start"]);
        Assert.True(started.ExitCode == 0, started.ToString());
        Assert.StartsWith("Session 00001 on branch", (string?)McpInspector.Answer(started)["content"]![0]!["text"]);

        var added = await McpInspector.RunAsync(_folder.Path, [.. McpInspector.LifecycleMcp, "--method", "tools/call", "--tool-name", "task_add", "--tool-arg", "title=from the inspector"]);
        Assert.Equal("Added T1: from the inspector", (string?)McpInspector.Answer(added)["content"]![0]!["text"]);

        var log = await McpInspector.RunAsync(_folder.Path, [.. McpInspector.LifecycleMcp, "--method", "resources/read", "--uri", "lifecycle://log/current"]);
        Assert.True(log.ExitCode == 0, log.ToString());
        Assert.Contains("[task] added T1 (priority 3): from the inspector", (string?)McpInspector.Answer(log)["contents"]![0]!["text"]);
    }

    [Fact]
    public async Task An_unknown_task_is_a_tool_error_with_the_CLIs_message()
    {
        await _cli.RunAsync("start");

        var done = await McpInspector.RunAsync(_folder.Path, [.. McpInspector.LifecycleMcp, "--method", "tools/call", "--tool-name", "task_done", "--tool-arg", "id=T5"]);

        var answer = McpInspector.Answer(done);
        Assert.True((bool?)answer["isError"]);
        Assert.Equal((await _cli.RunAsync("task", "done", "T5")).Stderr.Trim(), $"error: {answer["content"]![0]!["text"]}");
    }

    [Fact]
    public async Task Over_HTTP_it_needs_the_token_and_with_it_starts_a_session()
    {
        await using var server = await RunningServer.StartAsync(_cli);
        var url = server.Url.TrimEnd('/') + "/mcp";

        var refused = await McpInspector.RunAsync(_folder.Path, url, "--transport", "http", "--method", "tools/list");
        var started = await McpInspector.RunAsync(_folder.Path, url, "--transport", "http", "--header", $"Authorization: Bearer {server.Token}", "--method", "tools/call", "--tool-name", "start", "--tool-arg", "yes=true");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("auth_required", refused.Stdout + refused.Stderr);
        Assert.True(started.ExitCode == 0, started.ToString());
        Assert.StartsWith("Session 00001 on branch", (string?)McpInspector.Answer(started)["content"]![0]!["text"]);
        Assert.Equal("ACTIVE", (string?)(await _cli.RunAsync("--json", "status")).Json["state"]);
    }
}
