using System.Net;
using System.Text;
using Lifecycle.Activities.Setup;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Mcp;

/// <summary><c>/mcp</c> on the real <c>lifecycle serve</c> process, driven by the MCP SDK's client over Streamable HTTP.</summary>
public sealed class McpHttpTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CliRunner _cli;

    public McpHttpTests()
    {
        _cli = SessionRepositories.Prepare(_folder);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_tools_over_HTTP_change_the_session_the_CLI_sees()
    {
        await using var server = await RunningServer.StartAsync(_cli);
        await using var client = await McpClients.HttpAsync(server.Url, server.Token);

        Assert.Contains("task_add", (await client.ListToolsAsync()).Select(t => t.Name));
        Assert.StartsWith("Session 00001 on branch", await client.OkAsync("start"));
        Assert.Equal("Added T1: served over HTTP", await client.OkAsync("task_add", new() { ["title"] = "served over HTTP" }));
        Assert.Contains("[task] added T1 (priority 3): served over HTTP", await client.ReadTextAsync("lifecycle://log/current"));

        var shown = await _cli.RunAsync("--json", "sessions", "show", "00001");
        Assert.Equal("test-agent", (string?)shown.Json["session"]!["agent"]);

        var listed = await _cli.RunAsync("--json", "task", "list");
        Assert.Equal("served over HTTP", (string?)listed.Json["tasks"]![0]!["title"]);

        var unknown = await client.CallAsync("task_block", new() { ["id"] = "T9", ["reason"] = "r" });
        Assert.True(unknown.IsError);
        Assert.Equal((await _cli.RunAsync("task", "block", "T9", "--reason", "r")).Stderr.Trim(), $"error: {unknown.Text}");
    }

    [Fact]
    public async Task Without_the_token_mcp_answers_401_problem_details()
    {
        await using var server = await RunningServer.StartAsync(_cli);
        using var anonymous = new HttpClient { BaseAddress = new Uri(server.Url) };
        const string initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"x","version":"1"}}}""";

        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(initialize, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        using var without = await anonymous.SendAsync(request);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(initialize, Encoding.UTF8, "application/json") };
        wrong.Headers.Authorization = new("Bearer", "not-the-token");
        using var withWrong = await anonymous.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal("application/problem+json", without.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, withWrong.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => McpClients.HttpAsync(server.Url, "not-the-token"));

        // A stateless server has no stream to GET: 405 as the transport asks (a 404 means "session expired" to a client).
        using var get = await server.Client().GetAsync("/mcp");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal("POST", get.Content.Headers.Allow.Single());
    }

    [Fact]
    public async Task Lifecycle_mcp_over_stdio_goes_through_the_running_server()
    {
        await using (var server = await RunningServer.StartAsync(_cli))
        {
            await using var client = await McpClients.StdioAsync(_cli);
            await client.OkAsync("start", new() { ["yes"] = true });
            Assert.Equal("Added T1: through the server", await client.OkAsync("task_add", new() { ["title"] = "through the server" }));
            await server.StopAsync();
        }

        var log = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(LifecyclePaths.For(_folder.Path).LogsFolder, "server-*.clef")));
        Assert.Contains("\"RequestPath\":\"/api/sessions/current/tasks\"", log);
    }
}
