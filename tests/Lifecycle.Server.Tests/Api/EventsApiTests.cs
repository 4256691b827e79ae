using System.Net;
using Lifecycle.Server.Serving;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Api;

/// <summary><c>POST /api/events/{name}</c>: stimuli resume waiting instances and start triggered workflows.</summary>
public sealed class EventsApiTests : IDisposable
{
    private readonly ServerFactory _server = new();

    [Fact]
    public async Task Event_resumes_the_waiting_instance_with_its_payload()
    {
        var client = _server.Authorized();
        await client.PublishAsync("greet", TestWorkflows.Greet);
        var run = await (await client.PostAsync("/api/workflows/greet/execute", null)).BodyAsync();

        var response = await client.PostAsync("/api/events/go", WorkflowApi.Json("""{"payload": {"extra": 10}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.BodyAsync();
        var resumed = Assert.Single(body["resumed"]!.AsArray())!;
        Assert.Equal((string?)run["instanceId"], (string?)resumed["instanceId"]);
        Assert.Equal("Finished", (string?)resumed["status"]);
        Assert.Equal(16, (int)resumed["outputs"]!["total"]!);
        Assert.Empty(body["started"]!.AsArray());
        Assert.Empty(body["notDelivered"]!.AsArray());
    }

    [Fact]
    public async Task Event_starts_the_workflows_it_triggers_with_the_payload_as_input()
    {
        var client = _server.Authorized();
        await client.PublishAsync("pinged", WorkflowApi.Pinged);

        var response = await client.PostAsync("/api/events/ping", WorkflowApi.Json("""{"payload": {"n": 3}}"""));

        var started = Assert.Single((await response.BodyAsync())["started"]!.AsArray())!;
        Assert.Equal("pinged", (string?)started["workflowId"]);
        Assert.Equal(3, (int)started["outputs"]!["got"]!);
    }

    [Fact]
    public async Task Correlation_and_instance_id_narrow_what_is_resumed()
    {
        var client = _server.Authorized();
        await client.PublishAsync("greet", TestWorkflows.Greet);
        var first = (string?)(await (await client.PostAsync("/api/workflows/greet/execute", null)).BodyAsync())["instanceId"];
        var second = (string?)(await (await client.PostAsync("/api/workflows/greet/execute", null)).BodyAsync())["instanceId"];

        var response = await client.PostAsync("/api/events/go", WorkflowApi.Json($$"""{"payload": {"extra": 1}, "correlation": null, "instanceId": "{{second}}"}"""));

        var resumed = Assert.Single((await response.BodyAsync())["resumed"]!.AsArray())!;
        Assert.Equal(second, (string?)resumed["instanceId"]);
        var still = await _server.Engine().Store.GetInstanceAsync(first!, CancellationToken.None);
        Assert.Equal(Lifecycle.Workflows.Runtime.WorkflowStatus.Suspended, still!.Status);
    }

    [Fact]
    public async Task Event_nothing_waits_for_is_409_not_delivered()
    {
        var response = await _server.Authorized().PostAsync("/api/events/typo", null);

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("conflict", (string?)problem["kind"]);
        Assert.StartsWith("event 'typo' was not delivered", (string?)problem["detail"]);
        Assert.Empty(problem["outcome"]!["resumed"]!.AsArray());
    }

    [Fact]
    public async Task Unknown_instance_is_404_and_an_instance_not_waiting_for_the_event_is_409()
    {
        var client = _server.Authorized();
        await client.PublishAsync("greet", TestWorkflows.Greet);
        var waiting = (string?)(await (await client.PostAsync("/api/workflows/greet/execute", null)).BodyAsync())["instanceId"];

        var unknown = await client.PostAsync("/api/events/go", WorkflowApi.Json("""{"instanceId": "nope"}"""));
        var other = await client.PostAsync("/api/events/other", WorkflowApi.Json($$"""{"instanceId": "{{waiting}}"}"""));

        Assert.Contains("No instance has id 'nope'", (string?)(await unknown.ProblemAsync(HttpStatusCode.NotFound))["detail"]);
        Assert.Contains("is not waiting for event 'other'", (string?)(await other.ProblemAsync(HttpStatusCode.Conflict))["detail"]);
    }

    [Theory]
    [InlineData("""{"correlation": 5}""", "Field 'correlation' must be a string")]
    [InlineData("""{"instanceId": {}}""", "Field 'instanceId' must be a string")]
    [InlineData("""{"payload": 1, "colour": "red"}""", "Unknown field 'colour'")]
    [InlineData(""" "go" """, "must be a JSON object")]
    [InlineData("""{"payload": """, "")]
    public async Task Bad_body_is_400_and_delivers_nothing(string body, string detail)
    {
        var client = _server.Authorized();
        await client.PublishAsync("greet", TestWorkflows.Greet);
        var waiting = (string?)(await (await client.PostAsync("/api/workflows/greet/execute", null)).BodyAsync())["instanceId"];

        var response = await client.PostAsync("/api/events/go", WorkflowApi.Json(body));

        Assert.Contains(detail, (string?)(await response.ProblemAsync(HttpStatusCode.BadRequest))["detail"]);
        Assert.Equal(Lifecycle.Workflows.Runtime.WorkflowStatus.Suspended, (await _server.Engine().Store.GetInstanceAsync(waiting!, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Payload_a_triggered_workflow_rejects_is_400()
    {
        var client = _server.Authorized();
        await client.PublishAsync("greet", TestWorkflows.Greet.Replace("\"variables\"", "\"triggers\": [{\"type\": \"Event\", \"event\": \"hi\"}],\n  \"variables\""));

        var response = await client.PostAsync("/api/events/hi", WorkflowApi.Json("""{"payload": {"name": 1}}"""));

        Assert.Contains("inputs reject the payload", (string?)(await response.ProblemAsync(HttpStatusCode.BadRequest))["detail"]);
    }

    [Fact]
    public async Task Oversized_payload_is_413()
    {
        var response = await _server.Authorized().PostAsync("/api/events/go",
            WorkflowApi.Json($$"""{"payload": "{{new string('x', (int)ServerOptions.MaxRequestBodyBytes)}}"}"""));

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Missing_token_is_401()
    {
        var response = await _server.Anonymous().PostAsync("/api/events/go", null);

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    public void Dispose() => _server.Dispose();
}
