using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Server.Cli;
using Lifecycle.Server.Sessions;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Api;

/// <summary>
/// <c>/api/sessions</c> on a real git repository: a whole session over HTTP (start, tasks, events,
/// checkpoint, end, report), and the errors by kind: 400, 401, 404, 409, 422.
/// </summary>
public sealed class SessionsApiTests : IDisposable
{
    private readonly ServerFactory _server = new();

    [Fact]
    public async Task A_whole_session_over_http()
    {
        var client = _server.Authorized();

        var start = await client.PostAsJsonAsync("/api/sessions/start", new { });
        Assert.True(start.StatusCode == HttpStatusCode.OK, await start.Content.ReadAsStringAsync());
        var started = await Read<StartOutcome>(start);
        Assert.Equal("00001", started.Session.SessionId);
        Assert.False(string.IsNullOrWhiteSpace(started.Mission));

        var added = await Read<TaskChange>(await client.PostAsJsonAsync("/api/sessions/current/tasks", new { title = "write the API", priority = 1 }));
        Assert.Equal("T1", added.Task.Id);
        Assert.Equal(1, added.Task.Priority);
        var done = await client.PostAsync($"/api/sessions/current/tasks/{added.Task.Id}/done", null);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        File.WriteAllText(Path.Combine(_server.Repository, "app.txt"), "hello\n");
        Git.Run(_server.Repository, "add", "app.txt");
        Git.Run(_server.Repository, "commit", "-q", "-m", "add the app");
        var commit = await Read<EventOutcome>(await client.PostAsJsonAsync("/api/sessions/current/events", new { type = "git_commit" }));
        Assert.Equal("git_commit", commit.Recorded!.Type);
        Assert.Equal("add the app", (string?)commit.Recorded.Data!["message"]);

        var status = await Read<SessionStatus>(await client.GetAsync("/api/sessions/current"));
        Assert.Equal(Lifecycle.Activities.Sessions.SessionState.Active, status.Session.State);
        Assert.Equal(1, status.CommitEvents);

        var checkpoint = await Read<CheckpointOutcome>(await client.PostAsync("/api/sessions/current/checkpoint", null));
        Assert.True(File.Exists(checkpoint.Path));

        var end = await client.PostAsJsonAsync("/api/sessions/end", new { note = "over http" });
        Assert.True(end.StatusCode == HttpStatusCode.OK, await end.Content.ReadAsStringAsync());
        var closed = await Read<EndOutcome>(end);
        Assert.Equal("00001", closed.SessionId);
        Assert.Equal("over http", (string?)closed.Handoff!["notes"]);

        var markdown = await client.GetAsync("/api/sessions/00001/report?format=md");
        Assert.Equal(HttpStatusCode.OK, markdown.StatusCode);
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("00001", await markdown.Content.ReadAsStringAsync());
        var json = await client.GetAsync("/api/sessions/1/report?format=json");
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("over http", (string?)JsonNode.Parse(await json.Content.ReadAsStringAsync())!["handoff"]!["notes"]);
        var last = await client.GetAsync("/api/sessions/last-closed/report?format=json");
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);

        var list = JsonNode.Parse(await client.GetStringAsync("/api/sessions?offset=0&limit=10"))!;
        Assert.Equal(1, (int)list["total"]!);
        Assert.Equal("DORMANT", ((string?)list["items"]![0]!["state"])!.ToUpperInvariant());
        var details = await Read<SessionDetails>(await client.GetAsync("/api/sessions/00001"));
        Assert.Equal("over http", details.Handoff!.Notes);
        Assert.Contains(details.Events, e => e.Type == "git_commit");
    }

    [Fact]
    public async Task Outcomes_are_camel_case_json()
    {
        var client = _server.Authorized();

        var start = JsonNode.Parse(await (await client.PostAsync("/api/sessions/start", null)).Content.ReadAsStringAsync())!;

        Assert.NotNull(start["session"]!["sessionId"]);
        Assert.NotNull(start["mission"]);
        Assert.NotNull(start["instanceId"]);
    }

    [Fact]
    public async Task Start_while_a_session_is_active_is_409()
    {
        var client = _server.Authorized();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/sessions/start", null)).StatusCode);

        var again = await client.PostAsync("/api/sessions/start", null);

        await AssertProblem(again, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task End_with_open_tasks_and_no_yes_is_422_with_the_rule_and_its_override_and_changes_nothing()
    {
        var client = _server.Authorized();
        await client.PostAsync("/api/sessions/start", null);
        await client.PostAsJsonAsync("/api/sessions/current/tasks", new { title = "still open" });

        var refused = await client.PostAsJsonAsync("/api/sessions/end", new { note = "no" });

        var problem = await AssertProblem(refused, HttpStatusCode.UnprocessableEntity, "blocked");
        Assert.Equal("required-action", (string?)problem["rule"]);
        Assert.Equal("yes", (string?)problem["override"]);
        Assert.NotNull(problem["instanceId"]);
        var status = await Read<SessionStatus>(await client.GetAsync("/api/sessions/current"));
        Assert.Equal(Lifecycle.Activities.Sessions.SessionState.Active, status.Session.State);

        var confirmed = await client.PostAsJsonAsync("/api/sessions/end", new { yes = true });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    [Theory]
    [InlineData("/api/sessions/start", "{not json")]
    [InlineData("/api/sessions/start", """{"force": "very"}""")]
    [InlineData("/api/sessions/end", """{"note": 5}""")]
    [InlineData("/api/sessions/end", "[]")]
    public async Task Bad_json_or_wrong_types_are_400_and_change_nothing(string route, string body)
    {
        var response = await _server.Authorized().PostAsync(route, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Authorized().GetAsync("/api/sessions/current")).StatusCode);
    }

    [Theory]
    [InlineData("/api/sessions/00042")]
    [InlineData("/api/sessions/00042/report")]
    [InlineData("/api/sessions/00042/events")]
    public async Task Unknown_session_is_404(string route)
    {
        var client = _server.Authorized();
        await client.PostAsync("/api/sessions/start", null);

        await AssertProblem(await client.GetAsync(route), HttpStatusCode.NotFound, "notFound");
    }

    [Theory]
    [InlineData("GET", "/api/sessions")]
    [InlineData("GET", "/api/sessions/00001")]
    [InlineData("POST", "/api/sessions/start")]
    [InlineData("POST", "/api/sessions/end")]
    [InlineData("POST", "/api/sessions/current/checkpoint")]
    [InlineData("POST", "/api/sessions/current/events")]
    [InlineData("GET", "/api/sessions/00001/events")]
    [InlineData("GET", "/api/sessions/00001/report")]
    [InlineData("GET", "/api/sessions/current/tasks")]
    [InlineData("POST", "/api/sessions/current/tasks")]
    [InlineData("PATCH", "/api/sessions/current/tasks/T1")]
    public async Task Every_route_needs_the_token(string method, string route)
    {
        var response = await _server.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), route));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Authorized().GetAsync("/api/sessions/current")).StatusCode);
    }

    [Fact]
    public async Task List_pages_with_a_total_and_refuses_a_bad_page()
    {
        var client = _server.Authorized();
        await client.PostAsync("/api/sessions/start", null);
        await client.PostAsJsonAsync("/api/sessions/end", new { yes = true });
        await client.PostAsync("/api/sessions/start", null);

        var page = JsonNode.Parse(await client.GetStringAsync("/api/sessions?offset=1&limit=1"))!;

        Assert.Equal(2, (int)page["total"]!);
        Assert.Equal("00002", (string?)Assert.Single(page["items"]!.AsArray())!["sessionId"]);
        await AssertProblem(await client.GetAsync("/api/sessions?limit=0"), HttpStatusCode.BadRequest, "invalidInput");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/sessions?offset=abc")).StatusCode);
    }

    [Fact]
    public async Task Report_in_an_unknown_format_is_400()
    {
        var client = _server.Authorized();
        await client.PostAsync("/api/sessions/start", null);
        await client.PostAsJsonAsync("/api/sessions/end", new { yes = true });

        await AssertProblem(await client.GetAsync("/api/sessions/00001/report?format=pdf"), HttpStatusCode.BadRequest, "invalidInput");
    }

    internal static async Task<T> Read<T>(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, CliJson.Options)!;
    }

    internal static async Task<JsonNode> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string kind)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal(kind, (string?)problem["kind"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        return problem;
    }

    public void Dispose() => _server.Dispose();
}
