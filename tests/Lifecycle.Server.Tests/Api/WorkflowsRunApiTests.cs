using System.Net;
using System.Text.Json.Nodes;
using Lifecycle.Server.Serving;
using Lifecycle.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Server.Tests.Api;

/// <summary><c>POST /api/workflows/{id}/execute</c> and <c>/dispatch</c>: runs of the latest version.</summary>
public sealed class WorkflowsRunApiTests : IDisposable
{
    private readonly ServerFactory _server = new();

    [Fact]
    public async Task Execute_waits_for_the_end_and_answers_like_workflow_run_json()
    {
        var client = _server.Authorized();
        await client.PublishAsync("steps", TestWorkflows.Steps());

        var response = await client.PostAsync("/api/workflows/steps/execute", WorkflowApi.Json("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.BodyAsync();
        Assert.Equal("Finished", (string?)result["status"]);
        Assert.Equal("steps", (string?)result["workflowId"]);
        Assert.Equal(1, (int)result["version"]!);
        Assert.True((bool)result["outputs"]!["done"]!);
        Assert.Empty(result["bookmarks"]!.AsArray());
        Assert.Null(result["error"]);
        Assert.False(string.IsNullOrEmpty((string?)result["instanceId"]));
    }

    [Fact]
    public async Task Execute_returns_at_the_first_suspension_with_its_bookmark()
    {
        var client = _server.Authorized();
        await client.PublishAsync("greet", TestWorkflows.Greet);

        var response = await client.PostAsync("/api/workflows/greet/execute", WorkflowApi.Json("""{"input": {"name": "ada"}}"""));

        var result = await response.BodyAsync();
        Assert.Equal("Suspended", (string?)result["status"]);
        var bookmark = Assert.Single(result["bookmarks"]!.AsArray())!;
        Assert.Equal("go", (string?)bookmark["event"]);
        Assert.Equal("go", (string?)bookmark["activityId"]);
    }

    [Fact]
    public async Task Execute_of_a_run_that_faults_is_200_with_status_faulted()
    {
        var client = _server.Authorized();
        await client.PublishAsync("failing", WorkflowApi.Failing);

        var response = await client.PostAsync("/api/workflows/failing/execute", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.BodyAsync();
        Assert.Equal("Faulted", (string?)result["status"]);
        Assert.Contains("boom", (string?)result["error"]);
    }

    [Theory]
    [InlineData("""{"input": {"name": 5}}""", "must be of type string")]
    [InlineData("""{"input": {"nom": "x"}}""", "is not an input")]
    [InlineData("""{"input": "ada"}""", "must be a JSON object")]
    [InlineData("""{"inputs": {}}""", "Unknown field 'inputs'")]
    [InlineData("""[1]""", "must be a JSON object")]
    [InlineData("""{"input": """, "")]
    public async Task Bad_input_is_400_and_runs_nothing(string body, string detail)
    {
        var client = _server.Authorized();
        await client.PublishAsync("greet", TestWorkflows.Greet);

        var execute = await client.PostAsync("/api/workflows/greet/execute", WorkflowApi.Json(body));
        var dispatch = await client.PostAsync("/api/workflows/greet/dispatch", WorkflowApi.Json(body));

        Assert.Contains(detail, (string?)(await execute.ProblemAsync(HttpStatusCode.BadRequest))["detail"]);
        await dispatch.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Empty(await InstancesAsync());
    }

    [Theory]
    [InlineData("execute")]
    [InlineData("dispatch")]
    public async Task Unknown_workflow_is_404(string action)
    {
        var response = await _server.Authorized().PostAsync($"/api/workflows/nope/{action}", WorkflowApi.Json("{}"));

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("execute")]
    [InlineData("dispatch")]
    public async Task Oversized_input_is_413(string action)
    {
        var client = _server.Authorized();
        await client.PublishAsync("greet", TestWorkflows.Greet);
        var big = new JsonObject { ["input"] = new JsonObject { ["name"] = new string('x', (int)ServerOptions.MaxRequestBodyBytes) } };

        var response = await client.PostAsync($"/api/workflows/greet/{action}", WorkflowApi.Json(big));

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(await InstancesAsync());
    }

    [Fact]
    public async Task Dispatch_answers_202_with_a_stored_instance_that_the_server_runs_to_the_end()
    {
        var client = _server.Authorized();
        await client.PublishAsync("steps", TestWorkflows.Steps());

        var response = await client.PostAsync("/api/workflows/steps/dispatch", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var instanceId = (string?)(await response.BodyAsync())["instanceId"];
        Assert.False(string.IsNullOrEmpty(instanceId));
        Assert.Equal($"/api/instances/{instanceId}", response.Headers.Location?.OriginalString);
        var store = _server.Engine().Store;
        Assert.NotNull(await store.GetInstanceAsync(instanceId!, CancellationToken.None));

        var instance = await Poll.UntilAsync(
            () => store.GetInstanceAsync(instanceId!, CancellationToken.None),
            i => i?.Status == Lifecycle.Workflows.Runtime.WorkflowStatus.Finished);

        Assert.Equal(Lifecycle.Workflows.Runtime.WorkflowStatus.Finished, instance?.Status);
    }

    [Fact]
    public async Task Dispatch_while_the_server_stops_stores_the_instance_unowned_for_the_next_start()
    {
        var client = _server.Authorized();
        await client.PublishAsync("steps", TestWorkflows.Steps());
        await _server.Services.GetRequiredService<WorkflowDispatcher>().StopAsync(CancellationToken.None);

        var response = await client.PostAsync("/api/workflows/steps/dispatch", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var instance = Assert.Single(await InstancesAsync());
        Assert.Equal((string?)(await response.BodyAsync())["instanceId"], instance.InstanceId);
        Assert.Equal(Lifecycle.Workflows.Runtime.WorkflowStatus.Running, instance.Status);
        Assert.Null((await _server.Engine().Store.LoadAsync(instance.InstanceId, CancellationToken.None))!.Owner);
    }

    public void Dispose() => _server.Dispose();

    private async Task<IReadOnlyList<Lifecycle.Workflows.Persistence.InstanceSummary>> InstancesAsync() =>
        await _server.Engine().Store.ListInstancesAsync(null, null, 100, CancellationToken.None);
}
