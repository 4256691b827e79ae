using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lifecycle.Server.Tests.Support;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Tests.Api;

/// <summary><c>/api/instances</c>: listing, get, cancel, retry, delete and bulk, with their errors.</summary>
public sealed class InstancesApiTests : IDisposable
{
    private readonly ServerFactory _server = new();

    [Fact]
    public async Task List_pages_newest_first_with_a_total_and_no_instance_data()
    {
        var runs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add((await _server.RunAsync(InstanceWorkflows.Waiter)).InstanceId);
        }

        var client = _server.Authorized();
        var first = await client.GetFromJsonAsync<JsonObject>("/api/instances?limit=2&workflow=greet");
        var second = await client.GetFromJsonAsync<JsonObject>($"/api/instances?limit=2&workflow=greet&cursor={Uri.EscapeDataString((string)first!["next"]!)}");

        Assert.Equal(3, (int)first["total"]!);
        var ids = first["items"]!.AsArray().Concat(second!["items"]!.AsArray()).Select(i => (string)i!["instanceId"]!).ToList();
        Assert.Equal(Enumerable.Reverse(runs), ids);
        Assert.Null(second["next"]);
        var item = first["items"]![0]!.AsObject();
        Assert.Equal("Suspended", (string?)item["status"]);
        Assert.False(item.ContainsKey("outputs"));
    }

    [Fact]
    public async Task List_filters_by_status_and_time()
    {
        var waiting = await _server.RunAsync(InstanceWorkflows.Waiter);
        var failed = await _server.RunAsync(InstanceWorkflows.Failing);
        var client = _server.Authorized();

        var faulted = await client.GetFromJsonAsync<JsonObject>("/api/instances?status=faulted");
        var both = await client.GetFromJsonAsync<JsonObject>("/api/instances?status=Faulted,Suspended&createdFrom=2000-01-01T00:00:00Z");
        var none = await client.GetFromJsonAsync<JsonObject>("/api/instances?createdTo=2000-01-01T00:00:00Z");

        Assert.Equal(failed.InstanceId, (string?)Assert.Single(faulted!["items"]!.AsArray())!["instanceId"]);
        Assert.Equal(2, (int)both!["total"]!);
        Assert.Equal(0, (int)none!["total"]!);
        Assert.NotEqual(waiting.InstanceId, failed.InstanceId);
    }

    [Theory]
    [InlineData("status=Sleeping", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("version=-1", "version")]
    [InlineData("createdFrom=yesterday", "createdFrom")]
    [InlineData("cursor=nonsense", "cursor")]
    [InlineData("state=Faulted", "state")]
    public async Task List_with_a_bad_filter_is_400_naming_the_parameter(string query, string parameter)
    {
        var response = await _server.Authorized().GetAsync($"/api/instances?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![parameter]);
        Assert.StartsWith($"{parameter}: ", (string?)problem["detail"]);
    }

    [Theory]
    [InlineData("GET", "/api/instances")]
    [InlineData("GET", "/api/instances/x")]
    [InlineData("GET", "/api/instances/x/journal")]
    [InlineData("POST", "/api/instances/x/cancel")]
    [InlineData("POST", "/api/instances/x/retry")]
    [InlineData("DELETE", "/api/instances/x")]
    [InlineData("POST", "/api/instances/bulk-cancel")]
    [InlineData("POST", "/api/instances/bulk-delete")]
    [InlineData("GET", "/api/journal/stream")]
    public async Task Every_route_needs_the_token(string method, string path)
    {
        var response = await _server.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/instances/nope")]
    [InlineData("GET", "/api/instances/nope/journal")]
    [InlineData("POST", "/api/instances/nope/cancel")]
    [InlineData("POST", "/api/instances/nope/retry")]
    [InlineData("DELETE", "/api/instances/nope")]
    [InlineData("GET", "/api/journal/stream?instance=nope")]
    public async Task Unknown_instance_is_404_problem_details(string method, string path)
    {
        var response = await _server.Authorized().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nope", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_shows_outputs_bookmarks_and_the_journal_length()
    {
        var run = await _server.RunAsync(InstanceWorkflows.Waiter);

        var instance = await _server.Authorized().GetFromJsonAsync<JsonObject>($"/api/instances/{run.InstanceId}");

        Assert.Equal("Suspended", (string?)instance!["instance"]!["status"]);
        Assert.Equal("go", (string?)instance["bookmarks"]![0]!["event"]);
        Assert.True((long)instance["journalLength"]! > 0);
    }

    [Fact]
    public async Task Cancel_a_suspended_instance_then_again_is_409()
    {
        var run = await _server.RunAsync(InstanceWorkflows.Waiter);
        var client = _server.Authorized();

        var cancelled = await client.PostAsJsonAsync($"/api/instances/{run.InstanceId}/cancel", new { reason = "changed my mind" });
        var again = await client.PostAsync($"/api/instances/{run.InstanceId}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var body = JsonNode.Parse(await cancelled.Content.ReadAsStringAsync())!;
        Assert.Equal("Cancelled", (string?)body["instance"]!["status"]);
        Assert.Empty(body["bookmarks"]!.AsArray());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Cancelled", (string?)JsonNode.Parse(await again.Content.ReadAsStringAsync())!["instanceStatus"]);
        var journal = await client.GetFromJsonAsync<JsonObject>($"/api/instances/{run.InstanceId}/journal?event=Interrupted");
        Assert.Equal("Cancelled: changed my mind", (string?)journal!["entries"]![0]!["message"]);
    }

    [Fact]
    public async Task Cancel_with_a_malformed_body_is_400()
    {
        var run = await _server.RunAsync(InstanceWorkflows.Waiter);

        var response = await _server.Authorized().PostAsync($"/api/instances/{run.InstanceId}/cancel",
            new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Retry_a_faulted_instance_runs_the_failed_activity_again()
    {
        var run = await _server.RunAsync(InstanceWorkflows.Failing);
        var client = _server.Authorized();

        var response = await client.PostAsync($"/api/instances/{run.InstanceId}/retry", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Faulted", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]);
        var journal = await client.GetFromJsonAsync<JsonObject>($"/api/instances/{run.InstanceId}/journal?activity=boom&event=Started");
        Assert.Equal(2, journal!["entries"]!.AsArray().Count);
        var before = await client.GetFromJsonAsync<JsonObject>($"/api/instances/{run.InstanceId}/journal?activity=before&event=Started");
        Assert.Single(before!["entries"]!.AsArray());
    }

    [Fact]
    public async Task Retry_of_an_instance_that_is_not_faulted_is_409()
    {
        var run = await _server.RunAsync(InstanceWorkflows.Waiter);

        var response = await _server.Authorized().PostAsync($"/api/instances/{run.InstanceId}/retry", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("only a Faulted instance", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Retry_of_a_session_workflow_is_409_pointing_at_the_session_command()
    {
        var run = await _server.RunAsync("""{ "id": "session-end", "root": { "type": "Fail", "message": "no luck" } }""");

        var response = await _server.Authorized().PostAsync($"/api/instances/{run.InstanceId}/retry", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("lifecycle end", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Delete_removes_the_instance()
    {
        var run = await _server.RunAsync(InstanceWorkflows.Waiter);
        var client = _server.Authorized();

        var deleted = await client.DeleteAsync($"/api/instances/{run.InstanceId}");
        var after = await client.GetAsync($"/api/instances/{run.InstanceId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Bulk_cancel_by_ids_and_bulk_delete_by_filter()
    {
        var a = await _server.RunAsync(InstanceWorkflows.Waiter);
        var b = await _server.RunAsync(InstanceWorkflows.Waiter);
        var failed = await _server.RunAsync(InstanceWorkflows.Failing);
        var client = _server.Authorized();

        var cancel = await client.PostAsJsonAsync("/api/instances/bulk-cancel", new { ids = new[] { a.InstanceId, b.InstanceId, failed.InstanceId } });
        var cancelled = JsonNode.Parse(await cancel.Content.ReadAsStringAsync())!;
        var delete = await client.PostAsJsonAsync("/api/instances/bulk-delete", new { filter = new { status = new[] { "Cancelled" } } });
        var deleted = JsonNode.Parse(await delete.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(new[] { a.InstanceId, b.InstanceId }.Order(), cancelled["done"]!.AsArray().Select(i => (string)i!).Order());
        Assert.Equal(failed.InstanceId, (string?)cancelled["refused"]![0]!["instanceId"]);
        Assert.Contains("Faulted already", (string?)cancelled["refused"]![0]!["reason"]);
        Assert.Equal(2, deleted["done"]!.AsArray().Count);
        var left = await client.GetFromJsonAsync<JsonObject>("/api/instances");
        Assert.Equal(failed.InstanceId, (string?)Assert.Single(left!["items"]!.AsArray())!["instanceId"]);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "ids": ["a"], "filter": { "workflow": "greet" } }""")]
    [InlineData("""{ "filter": {} }""")]
    [InlineData("""{ "filter": { "status": ["Sleeping"] } }""")]
    [InlineData("""{ "ids": "a" }""")]
    [InlineData("""{ "ids": [""] }""")]
    public async Task Bulk_with_a_bad_body_is_400_and_changes_nothing(string body)
    {
        var run = await _server.RunAsync(InstanceWorkflows.Waiter);

        var response = await _server.Authorized().PostAsync("/api/instances/bulk-delete", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(await _server.Engine().Store.GetDetailsAsync(run.InstanceId, default));
    }

    [Theory]
    [InlineData("/api/instances/bulk-delete", """{ "ids": "a" }""", "Field 'ids'")]
    [InlineData("/api/instances/bulk-delete", """{ "filter": { "version": "x" } }""", "Field 'filter.version'")]
    [InlineData("/api/instances/bulk-cancel", """{ "filter": { "createdFrom": "yesterday" } }""", "Field 'filter.createdFrom'")]
    [InlineData("/api/instances/bulk-cancel", """{ "filter": { "statsu": ["Faulted"] } }""", "'status'")]
    [InlineData("/api/instances/bulk-cancel", "{ not json", "JSON")]
    [InlineData("/api/instances/ID/cancel", """{ "reason": 5 }""", "Field 'reason'")]
    public async Task A_wrong_body_says_which_field_and_what_it_takes_even_sent_as_form_data(string path, string body, string detail)
    {
        var run = await _server.RunAsync(InstanceWorkflows.Waiter);

        // curl -d sends application/x-www-form-urlencoded: the body is JSON all the same, never a bare 415.
        var response = await _server.Authorized().PostAsync(path.Replace("ID", run.InstanceId, StringComparison.Ordinal),
            new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"];
        Assert.Contains(detail, text);
        Assert.DoesNotContain("parameter", text);
        Assert.Equal(WorkflowStatus.Suspended, (await _server.Engine().Store.GetDetailsAsync(run.InstanceId, default))!.Instance.Status);
    }

    [Fact]
    public async Task Bulk_cancel_sent_as_form_data_by_curl_works()
    {
        var run = await _server.RunAsync(InstanceWorkflows.Waiter);

        var response = await _server.Authorized().PostAsync("/api/instances/bulk-cancel",
            new StringContent($$"""{ "ids": ["{{run.InstanceId}}"], "reason": "curl" }""", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WorkflowStatus.Cancelled, (await _server.Engine().Store.GetDetailsAsync(run.InstanceId, default))!.Instance.Status);
    }

    [Theory]
    [InlineData("event=Exploded", "event")]
    [InlineData("after=-3", "after")]
    [InlineData("limit=100000", "limit")]
    public async Task Journal_with_a_bad_query_is_400(string query, string parameter)
    {
        var run = await _server.RunAsync(InstanceWorkflows.Waiter);

        var response = await _server.Authorized().GetAsync($"/api/instances/{run.InstanceId}/journal?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![parameter]);
    }

    [Fact]
    public async Task Journal_pages_follow_next_to_the_end()
    {
        var run = await _server.RunAsync(InstanceWorkflows.Waiter);
        var client = _server.Authorized();
        var sequences = new List<long>();
        long? after = 0;

        while (after is { } from)
        {
            var page = await client.GetFromJsonAsync<JsonObject>($"/api/instances/{run.InstanceId}/journal?after={from}&limit=3");
            sequences.AddRange(page!["entries"]!.AsArray().Select(e => (long)e!["sequence"]!));
            after = (long?)page["next"];
        }

        var all = await _server.Engine().Store.GetJournalAsync(run.InstanceId, 0, default);
        Assert.Equal(all.Select(e => e.Sequence), sequences);
    }

    [Fact]
    public async Task OpenApi_lists_the_instance_routes()
    {
        var document = JsonNode.Parse(await _server.Anonymous().GetStringAsync("/openapi/v1.json"))!;

        Assert.NotNull(document["paths"]!["/api/instances"]);
        Assert.NotNull(document["paths"]!["/api/instances/{id}/journal"]);
        Assert.NotNull(document["paths"]!["/api/journal/stream"]);
    }

    [Theory]
    [InlineData("/api/instances/bulk-cancel")]
    [InlineData("/api/instances/bulk-delete")]
    [InlineData("/api/instances/{id}/cancel")]
    public async Task OpenApi_documents_the_bodies_read_without_binding(string path)
    {
        var document = JsonNode.Parse(await _server.Anonymous().GetStringAsync("/openapi/v1.json"))!;

        Assert.NotNull(document["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]);
    }

    public void Dispose() => _server.Dispose();
}
