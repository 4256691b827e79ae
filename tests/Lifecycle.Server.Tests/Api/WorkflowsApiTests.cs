using System.Net;
using Lifecycle.Server.Serving;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Api;

/// <summary><c>/api/workflows</c>: definitions, versions and the repository's drafts.</summary>
public sealed class WorkflowsApiTests : IDisposable
{
    private readonly ServerFactory _server = new();

    [Fact]
    public async Task Put_then_publish_stores_a_version_that_list_get_and_versions_show()
    {
        var client = _server.Authorized();

        var saved = await client.PutAsync("/api/workflows/steps", WorkflowApi.Json(TestWorkflows.Steps()));
        var draftOnly = await (await client.GetAsync("/api/workflows")).BodyAsync();
        var published = await client.PostAsync("/api/workflows/steps/publish", null);
        var again = await client.PostAsync("/api/workflows/steps/publish", null);
        var list = await (await client.GetAsync("/api/workflows")).BodyAsync();
        var get = await (await client.GetAsync("/api/workflows/steps")).BodyAsync();
        var versions = await (await client.GetAsync("/api/workflows/steps/versions")).BodyAsync();

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(".lifecycle/workflows/steps.json", (string?)(await saved.BodyAsync())["file"]);
        Assert.Equal(TestWorkflows.Steps(), File.ReadAllText(_server.Paths.WorkflowOverride("steps")));
        var drafted = Assert.Single(draftOnly["workflows"]!.AsArray())!;
        Assert.Null(drafted["latestVersion"]);
        Assert.True((bool)drafted["hasDraft"]!);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var first = await published.BodyAsync();
        Assert.Equal("steps", (string?)first["id"]);
        Assert.Equal(1, (int)first["version"]!);
        Assert.True((bool)first["created"]!);
        Assert.False((bool)(await again.BodyAsync())["created"]!);
        var listed = Assert.Single(list["workflows"]!.AsArray())!;
        Assert.Equal(1, (int)listed["latestVersion"]!);
        Assert.True((bool)listed["hasDraft"]!);
        Assert.Empty(listed["triggers"]!.AsArray());
        Assert.Equal(1, (int)get["version"]!);
        Assert.Equal("step a", (string?)get["definition"]!["root"]!["activities"]![0]!["message"]);
        Assert.Null(get["source"]);
        Assert.Equal(1, (int)Assert.Single(versions["versions"]!.AsArray())!["version"]!);
    }

    [Fact]
    public async Task Get_with_a_version_returns_that_version_and_an_unknown_version_is_404()
    {
        var client = _server.Authorized();
        await client.PublishAsync("steps", TestWorkflows.Steps());
        await client.PublishAsync("steps", TestWorkflows.Steps().Replace("step a", "step A"));

        var first = await (await client.GetAsync("/api/workflows/steps?version=1")).BodyAsync();
        var latest = await (await client.GetAsync("/api/workflows/steps")).BodyAsync();
        var missing = await client.GetAsync("/api/workflows/steps?version=9");
        var notANumber = await client.GetAsync("/api/workflows/steps?version=two");

        Assert.Contains("step a", first["definition"]!.ToJsonString());
        Assert.Equal(2, (int)latest["version"]!);
        Assert.Equal(2, latest["versions"]!.AsArray().Count);
        Assert.Contains("its versions are 1, 2", (string?)(await missing.ProblemAsync(HttpStatusCode.NotFound))["detail"]);
        Assert.Contains("whole numbers from 1", (string?)(await notANumber.ProblemAsync(HttpStatusCode.BadRequest))["detail"]);
    }

    [Theory]
    [InlineData("/api/workflows/nope")]
    [InlineData("/api/workflows/nope/versions")]
    [InlineData("/api/workflows/nope/draft")]
    public async Task Unknown_id_is_404(string url)
    {
        var response = await _server.Authorized().GetAsync(url);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publish_without_a_draft_is_404()
    {
        var response = await _server.Authorized().PostAsync("/api/workflows/nope/publish", null);

        Assert.Contains("has no draft", (string?)(await response.ProblemAsync(HttpStatusCode.NotFound))["detail"]);
    }

    [Fact]
    public async Task Draft_is_returned_as_written()
    {
        var client = _server.Authorized();
        var withComment = TestWorkflows.Steps().Replace("\"persistence\"", "// edited by hand\n  \"persistence\"");
        await client.PutAsync("/api/workflows/steps", WorkflowApi.Json(withComment));

        var draft = await client.GetAsync("/api/workflows/steps/draft");

        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Equal(withComment, await draft.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invalid_definition_is_400_with_every_problem_and_saves_nothing()
    {
        const string invalid = """
        {
          "id": "steps",
          "colour": "red",
          "triggers": [ { "type": "Sometimes" } ],
          "root": { "type": "Sequence", "activities": [ { "type": "Stash" }, { "type": "Log" } ] }
        }
        """;

        var response = await _server.Authorized().PutAsync("/api/workflows/steps", WorkflowApi.Json(invalid));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var paths = problem["errors"]!.AsArray().Select(e => (string?)e!["path"]).ToList();
        Assert.Contains("$.colour", paths);
        Assert.Contains("$.triggers[0].type", paths);
        Assert.Contains(paths, p => p!.StartsWith("$.root.activities[0]", StringComparison.Ordinal));
        Assert.Contains(paths, p => p!.StartsWith("$.root.activities[1]", StringComparison.Ordinal));
        Assert.All(problem["errors"]!.AsArray(), e => Assert.False(string.IsNullOrEmpty((string?)e!["message"])));
        Assert.False(File.Exists(_server.Paths.WorkflowOverride("steps")));
    }

    [Fact]
    public async Task Body_id_other_than_the_route_id_is_400_and_saves_nothing()
    {
        var response = await _server.Authorized().PutAsync("/api/workflows/other", WorkflowApi.Json(TestWorkflows.Steps()));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("$.id", (string?)error["path"]);
        Assert.Contains("must be 'other', not 'steps'", (string?)error["message"]);
        Assert.False(File.Exists(_server.Paths.WorkflowOverride("other")));
    }

    [Theory]
    [InlineData("{ \"id\": \"steps\", ")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[1, 2]")]
    public async Task Bad_json_or_a_body_of_the_wrong_shape_is_400_with_errors(string body)
    {
        var response = await _server.Authorized().PutAsync("/api/workflows/steps", WorkflowApi.Json(body));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem["errors"]!.AsArray());
        Assert.False(File.Exists(_server.Paths.WorkflowOverride("steps")));
    }

    [Theory]
    [InlineData("..%2f..%2fconfig")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("%2e%2e")]
    [InlineData("a..b")]
    [InlineData(".hidden")]
    [InlineData("a%5cb")]
    public async Task Path_traversal_in_the_id_is_400_and_writes_nothing(string id)
    {
        var client = _server.Authorized();

        var put = await client.PutAsync($"/api/workflows/{id}", WorkflowApi.Json(TestWorkflows.Steps()));
        var publish = await client.PostAsync($"/api/workflows/{id}/publish", null);
        var draft = await client.GetAsync($"/api/workflows/{id}/draft");

        // '%2e%2e' is '..' to the client, which sends the path without it: a route that exists for
        // other methods there answers 405. Any refusal will do; nothing may be written.
        Assert.True(put.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, put.StatusCode.ToString());
        Assert.True(publish.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, publish.StatusCode.ToString());
        Assert.True(draft.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, draft.StatusCode.ToString());
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        Assert.False(Directory.Exists(_server.Paths.WorkflowsFolder) && Directory.EnumerateFileSystemEntries(_server.Paths.WorkflowsFolder).Any());
        Assert.Equal(SessionRepositories.Config, File.ReadAllText(_server.Paths.Config));
    }

    [Fact]
    public async Task Encoded_slashes_in_the_id_are_refused_as_not_an_id()
    {
        var response = await _server.Authorized().PutAsync("/api/workflows/..%2f..%2fconfig", WorkflowApi.Json(TestWorkflows.Steps()));

        Assert.Contains("is not a workflow id", (string?)(await response.ProblemAsync(HttpStatusCode.BadRequest))["detail"]);
    }

    [Fact]
    public async Task Oversized_body_is_413_and_saves_nothing()
    {
        var padding = new string(' ', (int)ServerOptions.MaxRequestBodyBytes);
        var response = await _server.Authorized().PutAsync("/api/workflows/steps", WorkflowApi.Json(TestWorkflows.Steps() + padding));

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.False(File.Exists(_server.Paths.WorkflowOverride("steps")));
    }

    [Fact]
    public async Task Body_is_read_as_json_whatever_its_content_type()
    {
        var content = new StringContent(TestWorkflows.Steps(), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await _server.Authorized().PutAsync("/api/workflows/steps", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Body_that_is_not_utf8_is_400()
    {
        var content = new ByteArrayContent([0x7b, 0xff, 0xfe, 0x7d]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await _server.Authorized().PutAsync("/api/workflows/steps", content);

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("GET", "/api/workflows")]
    [InlineData("GET", "/api/workflows/steps")]
    [InlineData("GET", "/api/workflows/steps/versions")]
    [InlineData("GET", "/api/workflows/steps/draft")]
    [InlineData("PUT", "/api/workflows/steps")]
    [InlineData("POST", "/api/workflows/steps/publish")]
    [InlineData("POST", "/api/workflows/steps/execute")]
    [InlineData("POST", "/api/workflows/steps/dispatch")]
    public async Task Missing_token_is_401_and_changes_nothing(string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = WorkflowApi.Json(TestWorkflows.Steps()) };

        var response = await _server.Anonymous().SendAsync(request);

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False(File.Exists(_server.Paths.WorkflowOverride("steps")));
    }

    [Fact]
    public async Task Publishing_a_draft_of_a_session_workflow_overrides_the_default()
    {
        var client = _server.Authorized();
        var defaultEnd = File.ReadAllText(Path.Combine(RepositoryRoot(), "workflows", "session-end.json"));
        var edited = defaultEnd.Replace("\"name\": \"", "\"name\": \"Edited ", StringComparison.Ordinal);

        await client.PublishAsync("session-end", edited);
        var listed = (await (await client.GetAsync("/api/workflows")).BodyAsync())["workflows"]!.AsArray();

        Assert.Equal(edited, File.ReadAllText(_server.Paths.WorkflowOverride("session-end")));
        Assert.StartsWith("Edited ", (string?)listed.Single(w => (string?)w!["id"] == "session-end")!["name"]);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_workflow_routes()
    {
        var document = await (await _server.Anonymous().GetAsync("/openapi/v1.json")).BodyAsync();

        Assert.NotNull(document["paths"]!["/api/workflows/{id}/execute"]);
        Assert.NotNull(document["paths"]!["/api/events/{name}"]);
    }

    public void Dispose() => _server.Dispose();

    private static string RepositoryRoot()
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(folder, "Lifecycle.sln")))
        {
            folder = Path.GetDirectoryName(folder)!;
        }

        return folder;
    }
}
