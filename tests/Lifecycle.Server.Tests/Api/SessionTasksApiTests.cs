using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Tasks;
using Lifecycle.Server.Sessions;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Api;

/// <summary><c>/api/sessions/current/tasks</c>: add, done, block, edit, reopen, remove, list; missing fields and unknown ids.</summary>
public sealed class SessionTasksApiTests : IDisposable
{
    private readonly ServerFactory _server = new();

    [Fact]
    public async Task Tasks_change_as_the_cli_changes_them()
    {
        var client = await Started();
        var first = await SessionsApiTests.Read<TaskChange>(await client.PostAsJsonAsync("/api/sessions/current/tasks", new { title = "first" }));
        var second = await SessionsApiTests.Read<TaskChange>(await client.PostAsJsonAsync("/api/sessions/current/tasks", new { title = "second", priority = 2 }));

        var blocked = await SessionsApiTests.Read<TaskChange>(await client.PostAsJsonAsync($"/api/sessions/current/tasks/{first.Task.Id}/block", new { reason = "waiting" }));
        var edited = await SessionsApiTests.Read<TaskChange>(await client.PatchAsJsonAsync($"/api/sessions/current/tasks/{second.Task.Id}", new { title = "second, renamed" }));
        var reopened = await SessionsApiTests.Read<TaskChange>(await client.PostAsync($"/api/sessions/current/tasks/{first.Task.Id}/reopen", null));
        var removed = await SessionsApiTests.Read<TaskChange>(await client.DeleteAsync($"/api/sessions/current/tasks/{second.Task.Id}"));
        var listing = await SessionsApiTests.Read<TaskListing>(await client.GetAsync("/api/sessions/current/tasks?all=true"));

        Assert.Equal(SessionTask.DefaultPriority, first.Task.Priority);
        Assert.Equal("waiting", blocked.Task.BlockedReason);
        Assert.Equal(2, edited.Task.Priority);
        Assert.Equal("second, renamed", edited.Task.Title);
        Assert.Equal(SessionTaskStatus.Open, reopened.Task.Status);
        Assert.Equal("task_removed", removed.Kind);
        Assert.Equal(first.Task.Id, Assert.Single(listing.Tasks).Task.Id);
    }

    [Theory]
    [InlineData("POST", "/api/sessions/current/tasks", "{}")]
    [InlineData("POST", "/api/sessions/current/tasks", """{"title": "  "}""")]
    [InlineData("POST", "/api/sessions/current/tasks", """{"title": "x", "priority": "high"}""")]
    [InlineData("POST", "/api/sessions/current/tasks", """{"title": "x", "priority": 9}""")]
    [InlineData("POST", "/api/sessions/current/tasks/T1/block", "{}")]
    [InlineData("PATCH", "/api/sessions/current/tasks/T1", """{"priority": 0}""")]
    [InlineData("GET", "/api/sessions/current/tasks?all=maybe", null)]
    public async Task Missing_fields_and_wrong_values_are_400(string method, string route, string? body)
    {
        var client = await Started();
        await client.PostAsJsonAsync("/api/sessions/current/tasks", new { title = "one" });

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), route)
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        });

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var listing = await SessionsApiTests.Read<TaskListing>(await client.GetAsync("/api/sessions/current/tasks"));
        Assert.Equal("one", Assert.Single(listing.Tasks).Task.Title);
        Assert.Null(listing.Tasks[0].Task.BlockedReason);
    }

    [Fact]
    public async Task Unknown_task_is_404()
    {
        var client = await Started();

        await SessionsApiTests.AssertProblem(await client.PostAsync("/api/sessions/current/tasks/T99/done", null), HttpStatusCode.NotFound, "notFound");
    }

    [Fact]
    public async Task Tasks_before_any_session_are_404()
    {
        var response = await _server.Authorized().PostAsJsonAsync("/api/sessions/current/tasks", new { title = "too early" });

        Assert.True((int)response.StatusCode is 404 or 409, await response.Content.ReadAsStringAsync());
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["kind"]);
    }

    private async Task<HttpClient> Started()
    {
        var client = _server.Authorized();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/sessions/start", null)).StatusCode);
        return client;
    }

    public void Dispose() => _server.Dispose();
}
