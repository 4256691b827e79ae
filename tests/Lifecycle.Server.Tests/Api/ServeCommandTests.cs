using System.Diagnostics;
using System.Net;
using Lifecycle.Activities.Setup;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Api;

/// <summary><c>lifecycle serve</c> as users run it: the real binary on a free loopback port.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CliRunner _cli;

    public ServeCommandTests()
    {
        _cli = SessionRepositories.Prepare(_folder);
    }

    private LifecyclePaths Paths => LifecyclePaths.For(_folder.Path);

    [Fact]
    public async Task Serves_on_loopback_writes_server_json_and_stops_cleanly_on_sigterm()
    {
        await using var server = await RunningServer.StartAsync(_cli);

        Assert.StartsWith("http://127.0.0.1:", server.Url);
        using var client = server.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/sessions/current")).StatusCode);

        var stopped = await server.StopAsync();

        Assert.Equal(0, stopped.ExitCode);
        Assert.Contains("login (works once)", stopped.Stdout);
        Assert.False(File.Exists(Paths.ServerFile), "server.json is removed on a clean stop");
    }

    [Fact]
    public async Task Curl_with_the_token_gets_in_and_without_it_gets_401()
    {
        await using var server = await RunningServer.StartAsync(_cli);

        var without = await Curl("-s", "-o", "/dev/null", "-w", "%{http_code}", $"{server.Url}/api/sessions");
        var with = await Curl("-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", $"Authorization: Bearer {server.Token}", $"{server.Url}/api/sessions/current");

        Assert.Equal("401", without);
        Assert.Equal("404", with);
    }

    [Fact]
    public async Task Writes_a_rolling_compact_json_log_with_requests()
    {
        await using (var server = await RunningServer.StartAsync(_cli))
        {
            using var client = server.Client();
            await client.GetAsync("/api/sessions");
            await server.StopAsync();
        }

        var log = Assert.Single(Directory.GetFiles(Paths.LogsFolder, "server-*.clef"));
        var lines = await File.ReadAllLinesAsync(log);
        Assert.Contains(lines, line => line.Contains("\"RequestPath\":\"/api/sessions\"", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.StartsWith("{\"@t\":", line));
    }

    [Fact]
    public async Task Health_checks_and_recorded_events_are_not_logged_one_line_each_but_their_failures_are()
    {
        await using (var server = await RunningServer.StartAsync(_cli))
        {
            using var client = server.Client();
            await client.PostAsync("/api/sessions/start", new StringContent("""{"yes": true}""", System.Text.Encoding.UTF8, "application/json"));
            for (var i = 0; i < 3; i++)
            {
                await client.GetAsync("/health");
                Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/sessions/current/events",
                    new StringContent("""{"type": "file_modified", "path": "README.md"}""", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
            }

            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/sessions/current/events",
                new StringContent("""{"type": "no_such_event"}""", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
            await server.StopAsync();
        }

        var requests = (await File.ReadAllLinesAsync(Assert.Single(Directory.GetFiles(Paths.LogsFolder, "server-*.clef"))))
            .Where(line => line.Contains("\"RequestPath\":", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(requests, line => line.Contains("\"RequestPath\":\"/health\"", StringComparison.Ordinal));
        var events = Assert.Single(requests, line => line.Contains("\"RequestPath\":\"/api/sessions/current/events\"", StringComparison.Ordinal));
        Assert.Contains("\"StatusCode\":400", events, StringComparison.Ordinal);
        Assert.Contains(requests, line => line.Contains("\"RequestPath\":\"/api/sessions/start\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Request_log_lines_carry_the_instance_they_created_or_named()
    {
        string dispatched;
        await using (var server = await RunningServer.StartAsync(_cli))
        {
            using var client = server.Client();
            await client.PutAsync("/api/workflows/failing", WorkflowApi.Json(WorkflowApi.Failing));
            await client.PostAsync("/api/workflows/failing/publish", null);
            var response = await client.PostAsync("/api/workflows/failing/dispatch", WorkflowApi.Json("{}"));
            dispatched = (string)System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["instanceId"]!;
            await client.GetAsync($"/api/instances/{dispatched}");
            await server.StopAsync();
        }

        var lines = await File.ReadAllLinesAsync(Assert.Single(Directory.GetFiles(Paths.LogsFolder, "server-*.clef")));
        var requests = lines.Where(line => line.Contains("\"RequestPath\":", StringComparison.Ordinal)).ToList();
        Assert.Contains(requests, line => line.Contains("/dispatch", StringComparison.Ordinal) && line.Contains($"\"InstanceId\":\"{dispatched}\"", StringComparison.Ordinal));
        Assert.Contains(requests, line => line.Contains($"\"RequestPath\":\"/api/instances/{dispatched}\"", StringComparison.Ordinal) && line.Contains($"\"InstanceId\":\"{dispatched}\"", StringComparison.Ordinal));
        Assert.Contains(requests, line => line.Contains("/publish", StringComparison.Ordinal) && line.Contains("\"WorkflowId\":\"failing\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_session_request_is_logged_with_its_session_id()
    {
        await using (var server = await RunningServer.StartAsync(_cli))
        {
            using var client = server.Client();
            var started = await client.PostAsync("/api/sessions/start", new StringContent("""{"yes": true}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
            await server.StopAsync();
        }

        var lines = await File.ReadAllLinesAsync(Assert.Single(Directory.GetFiles(Paths.LogsFolder, "server-*.clef")));
        Assert.Contains(lines, line => line.Contains("\"RequestPath\":\"/api/sessions/start\"", StringComparison.Ordinal)
                                       && line.Contains("\"SessionId\":\"00001\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_server_for_the_same_repository_is_refused_with_the_first_ones_address()
    {
        await using var server = await RunningServer.StartAsync(_cli);

        var second = await _cli.RunAsync("serve");

        Assert.Equal(4, second.ExitCode);
        Assert.Contains(server.Url, second.Stderr);
        Assert.Contains($"process {server.ProcessId}", second.Stderr);
    }

    [Fact]
    public async Task A_server_killed_with_sigkill_leaves_a_stale_file_that_the_next_serve_replaces()
    {
        var first = await RunningServer.StartAsync(_cli);
        await first.KillAsync();
        Assert.True(File.Exists(Paths.ServerFile));

        await using var second = await RunningServer.StartAsync(_cli);

        Assert.NotEqual(first.ProcessId, second.ProcessId);
        await first.DisposeAsync();
    }

    [Fact]
    public async Task Listening_beyond_loopback_needs_an_explicit_flag()
    {
        var refused = await _cli.RunAsync("serve", "--urls", "http://0.0.0.0:0");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--allow-remote", refused.Stderr);
        Assert.DoesNotContain("   at ", refused.Stderr);
        Assert.False(File.Exists(Paths.ServerFile));
    }

    [Fact]
    public async Task Listening_beyond_loopback_with_the_flag_says_the_token_is_the_only_protection()
    {
        await using var server = await RunningServer.StartAsync(_cli, "--urls", "http://0.0.0.0:0", "--allow-remote");

        var stopped = await server.StopAsync();

        Assert.Contains("the token is the only protection", stopped.Stdout);
    }

    [Theory]
    [InlineData("notaurl", "is not a URL")]
    [InlineData("http://127.0.0.1:99999", "not a port")]
    [InlineData("http://localhost:0", "http://127.0.0.1:0")]
    [InlineData("https://127.0.0.1:0", "http only")]
    [InlineData("http://127.0.0.1:0/api", "has a path")]
    [InlineData(";", "names no address")]
    public async Task A_bad_url_is_a_usage_error_saying_what_to_write(string urls, string message)
    {
        var refused = await _cli.RunAsync("serve", "--urls", urls);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains(message, refused.Stderr);
        Assert.DoesNotContain("Exception", refused.Stderr);
        Assert.False(File.Exists(Paths.ServerFile));
    }

    [Fact]
    public async Task A_folder_that_is_no_git_repository_is_refused_creating_nothing()
    {
        using var plain = new TempFolder();
        var cli = new CliRunner(plain.Path);

        var refused = await cli.RunAsync("serve");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("not a git repository", refused.Stderr);
        Assert.False(Directory.Exists(Path.Combine(plain.Path, ".lifecycle")));
    }

    [Fact]
    public async Task A_port_in_use_is_one_clear_line()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var refused = await _cli.RunAsync("serve", "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(4, refused.ExitCode);
        Assert.Contains($"{port}", refused.Stderr);
        Assert.Contains("--urls", refused.Stderr);
        Assert.DoesNotContain("   at ", refused.Stderr);
        Assert.False(File.Exists(Paths.ServerFile));
    }

    private static async Task<string> Curl(params string[] args)
    {
        using var curl = Process.Start(new ProcessStartInfo("curl", args) { RedirectStandardOutput = true })!;
        var output = await curl.StandardOutput.ReadToEndAsync();
        await curl.WaitForExitAsync();
        return output;
    }

    public void Dispose() => _folder.Dispose();
}
