using System.Net;
using Lifecycle.Server.Serving;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Api;

/// <summary><c>/hooks/{path}</c>: workflows' Http triggers.</summary>
public sealed class HooksApiTests : IDisposable
{
    private readonly ServerFactory _server = new();

    [Fact]
    public async Task Call_runs_the_workflow_with_the_body_and_query_as_input()
    {
        var client = _server.Authorized();
        await client.PublishAsync("hook", WorkflowApi.Hook);

        var response = await client.PostAsync("/hooks/deploy/done?name=ada", WorkflowApi.Json("""{"count": 2}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.BodyAsync();
        Assert.Equal("hook", (string?)result["workflowId"]);
        Assert.Equal("Finished", (string?)result["status"]);
        Assert.Equal("hello ada 2", (string?)result["outputs"]!["greeting"]);
    }

    [Fact]
    public async Task Call_without_a_body_uses_the_defaults_and_a_trailing_slash_is_the_same_path()
    {
        var client = _server.Authorized();
        await client.PublishAsync("hook", WorkflowApi.Hook);

        var response = await client.PostAsync("/hooks/deploy/done/", null);

        Assert.Equal("hello world 0", (string?)(await response.BodyAsync())["outputs"]!["greeting"]);
    }

    [Fact]
    public async Task Other_method_on_a_declared_path_is_405_with_allow()
    {
        var client = _server.Authorized();
        await client.PublishAsync("hook", WorkflowApi.Hook);

        var response = await client.GetAsync("/hooks/deploy/done");

        await response.ProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Unknown_path_is_404()
    {
        var client = _server.Authorized();
        await client.PublishAsync("hook", WorkflowApi.Hook);

        var response = await client.PostAsync("/hooks/deploy/%2e%2e%2fdone", null);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"count": "two"}""", "", "must be of type number")]
    [InlineData("""{"name": "x"}""", "?name=y", "both in the query and in the body")]
    [InlineData("""[1]""", "", "must be a JSON object")]
    [InlineData("""{"count": """, "", "")]
    public async Task Bad_input_is_400_and_runs_nothing(string body, string query, string detail)
    {
        var client = _server.Authorized();
        await client.PublishAsync("hook", WorkflowApi.Hook);

        var response = await client.PostAsync($"/hooks/deploy/done{query}", WorkflowApi.Json(body));

        Assert.Contains(detail, (string?)(await response.ProblemAsync(HttpStatusCode.BadRequest))["detail"]);
        Assert.Empty(await _server.Engine().Store.ListInstancesAsync(null, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Two_workflows_on_the_same_method_and_path_is_409()
    {
        var client = _server.Authorized();
        await client.PublishAsync("hook", WorkflowApi.Hook);
        await client.PublishAsync("hook2", WorkflowApi.Hook.Replace("\"id\": \"hook\"", "\"id\": \"hook2\""));

        var response = await client.PostAsync("/hooks/deploy/done", null);

        Assert.Contains("give each its own path", (string?)(await response.ProblemAsync(HttpStatusCode.Conflict))["detail"]);
    }

    [Fact]
    public async Task Oversized_body_is_413()
    {
        var client = _server.Authorized();
        await client.PublishAsync("hook", WorkflowApi.Hook);

        var response = await client.PostAsync("/hooks/deploy/done",
            WorkflowApi.Json($$"""{"name": "{{new string('x', (int)ServerOptions.MaxRequestBodyBytes)}}"}"""));

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Missing_token_is_401_and_runs_nothing()
    {
        await _server.Authorized().PublishAsync("hook", WorkflowApi.Hook);

        var response = await _server.Anonymous().PostAsync("/hooks/deploy/done", null);

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Empty(await _server.Engine().Store.ListInstancesAsync(null, null, 10, CancellationToken.None));
    }

    public void Dispose() => _server.Dispose();
}
