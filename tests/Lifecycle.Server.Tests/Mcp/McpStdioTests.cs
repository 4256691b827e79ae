using System.Diagnostics;
using System.Text.Json.Nodes;
using Lifecycle.Server.Tests.Support;
using ModelContextProtocol;

namespace Lifecycle.Server.Tests.Mcp;

/// <summary><c>lifecycle mcp</c>, the built binary, driven by the MCP SDK's client over stdio on a real git repository.</summary>
public sealed class McpStdioTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CliRunner _cli;

    public McpStdioTests()
    {
        _cli = SessionRepositories.Prepare(_folder);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Lists_the_session_tools_and_the_two_resources()
    {
        await using var client = await McpClients.StdioAsync(_cli);

        var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToHashSet();
        var resources = (await client.ListResourcesAsync()).Select(r => r.Uri).ToList();

        Assert.Superset(new HashSet<string> { "mission", "handoff", "status", "start", "task_add", "task_done", "task_block", "task_list", "record_error", "record_note", "checkpoint", "end", "plan", "suggest" }, tools);
        Assert.Equal(["lifecycle://handoff/current", "lifecycle://log/current"], resources.Order());
        Assert.Contains("'start'", client.ServerInstructions);
    }

    [Fact]
    public async Task A_whole_session_through_the_tools_lands_in_the_database_the_log_and_the_handoff()
    {
        await using var client = await McpClients.StdioAsync(_cli);

        var mission = await client.OkAsync("start");
        Assert.StartsWith("Session 00001 on branch", mission);
        Assert.StartsWith("Session 00001 on branch", await client.OkAsync("mission"));
        Assert.Equal("Added T1: write the parser", await client.OkAsync("task_add", new() { ["title"] = "write the parser", ["priority"] = 1 }));
        Assert.Equal("Added T2: ship it", await client.OkAsync("task_add", new() { ["title"] = "ship it" }));
        Assert.Equal("Done T1: write the parser", await client.OkAsync("task_done", new() { ["id"] = "T1" }));
        Assert.Equal("Blocked T2: ship it (blocked: waiting for review)", await client.OkAsync("task_block", new() { ["id"] = "T2", ["reason"] = "waiting for review" }));
        Assert.Equal("Recorded error_occurred in session 00001.", await client.OkAsync("record_error", new() { ["message"] = "build failed: CS1002" }));
        Assert.Equal("Recorded note in session 00001.", await client.OkAsync("record_note", new() { ["message"] = "chose SQLite over flat files" }));
        Assert.Contains("Checkpoint of session 00001 (ACTIVE) written to", await client.OkAsync("checkpoint"));
        var tasks = await client.OkAsync("task_list");
        Assert.Contains("T2 (priority 3, blocked: waiting for review): ship it", tasks);
        Assert.Contains("T1 (priority 1, done): write the parser", tasks);
        var status = await client.OkAsync("status");
        Assert.StartsWith("Session 00001: ACTIVE since", status);
        Assert.Contains("error at", status);

        var log = await client.ReadTextAsync("lifecycle://log/current");
        Assert.Contains("[note] chose SQLite over flat files", log);
        Assert.Contains("[error] build failed: CS1002", log);

        var ended = await client.OkAsync("end", new() { ["note"] = "review the parser first", ["yes"] = true });
        Assert.StartsWith("Session 00001 closed.", ended);

        // What the tools did is in the real SQLite file and the committed handoff, as the CLI reads them.
        var shown = await _cli.RunAsync("--json", "sessions", "show", "00001");
        Assert.Equal(0, shown.ExitCode);
        Assert.Equal("review the parser first", (string?)shown.Json["session"]!["closeNote"]);
        Assert.Equal("test-agent", (string?)shown.Json["session"]!["agent"]);
        Assert.Equal(["done", "blocked"], shown.Json["session"]!["tasks"]!.AsArray().Select(t => t!["status"]!.ToString()));
        Assert.Contains("build failed: CS1002", shown.Json["errors"]!.ToJsonString());
        var committedLog = Git.Run(_folder.Path, "show", "HEAD:docs/sessions/SESSION-00001-LOG.md");
        Assert.Contains("[note] chose SQLite over flat files", committedLog);
        var handoff = await client.ReadTextAsync("lifecycle://handoff/current");
        Assert.Contains("review the parser first", handoff);
        Assert.Equal(handoff, await client.OkAsync("handoff"));
        Assert.Contains("ship it", handoff);
    }

    [Fact]
    public async Task The_plan_tool_plans_the_session_as_lifecycle_plan_does_and_keeps_the_plan()
    {
        await using var client = await McpClients.StdioAsync(_cli);
        await client.OkAsync("start");
        await client.OkAsync("task_add", new() { ["title"] = "write the parser", ["priority"] = 1 });
        await client.OkAsync("task_add", new() { ["title"] = "ship it" });

        var plan = await client.OkAsync("plan", new() { ["hours"] = 1.5 });
        Assert.StartsWith("Plan (kept with session 00001): ", plan);
        Assert.Contains("of 90 minutes (given with --hours)", plan);
        Assert.Contains("T1 (priority 1, ", plan);
        Assert.Contains("Next session: no prediction yet", plan);

        var kept = await _cli.RunAsync("--json", "plan", "--hours", "1.5");
        Assert.Equal(0, kept.ExitCode);
        Assert.Equal("00001", (string?)kept.Json["sessionId"]);

        var bad = await client.CallAsync("plan", new() { ["hours"] = 0 });
        Assert.True(bad.IsError);
        Assert.Equal((await _cli.RunAsync("plan", "--hours", "0")).Stderr.Trim(), $"error: {bad.Text}");

        Assert.StartsWith("Suggestions from 0 closed sessions", await client.OkAsync("suggest"));
    }

    [Fact]
    public async Task Errors_the_agent_causes_are_tool_errors_with_the_CLIs_one_line_message()
    {
        var stderr = new List<string>();
        await using var client = await McpClients.StdioAsync(_cli, stderr);

        var noSession = await client.CallAsync("record_error", new() { ["message"] = "boom" });
        Assert.True(noSession.IsError);
        Assert.Equal("No session is active; nothing was recorded. Start one with 'lifecycle start' (MCP tool 'start').", noSession.Text);

        await client.OkAsync("start");
        var unknown = await client.CallAsync("task_done", new() { ["id"] = "T42" });
        var cli = await _cli.RunAsync("task", "done", "T42");
        Assert.True(unknown.IsError);
        Assert.Equal(2, cli.ExitCode);
        Assert.Equal(cli.Stderr.Trim(), $"error: {unknown.Text}");
        Assert.DoesNotContain("\n", unknown.Text);

        var conflict = await client.CallAsync("start");
        Assert.True(conflict.IsError);
        Assert.Equal((await _cli.RunAsync("start")).Stderr.Trim(), $"error: {conflict.Text}");

        var missing = await client.CallAsync("task_add");
        Assert.True(missing.IsError);
        Assert.Equal("Bad arguments for 'task_add': The arguments dictionary is missing a value for the required parameter 'title'; see the tool's input schema (tools/list).", missing.Text);
        var wrongType = await client.CallAsync("task_add", new() { ["title"] = "x", ["priority"] = "high" });
        Assert.True(wrongType.IsError);
        Assert.Equal("Bad arguments for 'task_add': an argument is not a whole number; see the tool's input schema (tools/list).", wrongType.Text);

        var priority = await client.CallAsync("task_add", new() { ["title"] = "x", ["priority"] = 9 });
        Assert.True(priority.IsError);
        Assert.Equal((await _cli.RunAsync("task", "add", "x", "--priority", "9")).Stderr.Trim(), $"error: {priority.Text}");

        var noLog = await Assert.ThrowsAnyAsync<McpException>(() => client.ReadTextAsync("lifecycle://handoff/current"));
        Assert.Contains("No session has ended yet", noLog.Message);
        Assert.DoesNotContain(stderr, line => line.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stdout_carries_only_JSON_RPC_even_while_a_start_runs_its_workflow()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "lifecycle.dll"), "mcp" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string[] requests =
        [
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""",
            """{"jsonrpc":"2.0","method":"notifications/initialized"}""",
            """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"start","arguments":{}}}""",
        ];
        foreach (var request in requests)
        {
            await process.StandardInput.WriteLineAsync(request);
        }

        await process.StandardInput.FlushAsync();
        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (lines.Count < 2 && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
        }

        // The client closing stdin ends the server, cleanly.
        process.StandardInput.Close();
        var rest = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", rest.Trim());
        Assert.All(lines, line => Assert.Equal("2.0", (string?)JsonNode.Parse(line)!["jsonrpc"]));
        Assert.Contains("Session 00001 on branch", (string?)JsonNode.Parse(lines[1])!["result"]!["content"]![0]!["text"]);
        Assert.DoesNotContain("   at ", await stderr);
    }
}
