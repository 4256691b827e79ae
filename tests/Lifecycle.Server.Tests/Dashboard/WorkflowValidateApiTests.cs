using System.Net;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Dashboard;

/// <summary><c>POST /api/workflows/validate</c>, which the editor calls as the user types.</summary>
public sealed class WorkflowValidateApiTests : IDisposable
{
    private readonly ServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_valid_definition_is_valid_with_no_errors()
    {
        var response = await _server.Browser().PostAsync("/api/workflows/validate", WorkflowApi.Json(TestWorkflows.Steps()));
        var body = await response.BodyAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((bool)body["valid"]!);
        Assert.Empty(body["errors"]!.AsArray());
    }

    [Fact]
    public async Task A_broken_definition_gets_every_problem_at_its_path_and_nothing_is_saved()
    {
        var api = _server.Authorized();
        var draft = TestWorkflows.Steps();
        await api.PutAsync("/api/workflows/steps", WorkflowApi.Json(draft));
        var broken = draft.Replace("\"type\": \"Log\", \"message\": \"step b\"", "\"type\": \"Lgo\", \"message\": \"step b\"")
            .Replace("\"type\": \"SetOutput\", \"name\": \"done\",", "\"type\": \"SetOutput\",");

        var response = await _server.Browser().PostAsync("/api/workflows/validate?id=steps", WorkflowApi.Json(broken));
        var body = await response.BodyAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((bool)body["valid"]!);
        var errors = body["errors"]!.AsArray().Select(e => ((string)e!["path"]!, (string)e["message"]!)).ToList();
        Assert.Contains(errors, e => e.Item1 == "$.root.activities[1].type" && e.Item2.Contains("Unknown activity type 'Lgo'"));
        Assert.Contains(errors, e => e.Item1.StartsWith("$.root.activities[2]", StringComparison.Ordinal) && e.Item2.Contains("'name'"));
        Assert.Equal(draft, File.ReadAllText(_server.Paths.WorkflowOverride("steps")));
        Assert.Null((await (await api.GetAsync("/api/workflows")).BodyAsync())["workflows"]!.AsArray().Single()!["latestVersion"]);
    }

    [Fact]
    public async Task Bad_json_is_reported_with_its_line_and_column()
    {
        var response = await _server.Browser().PostAsync("/api/workflows/validate", WorkflowApi.Json("{\n  \"id\": \"x\",\n  \"root\": {\n}"));
        var body = await response.BodyAsync();

        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("$", (string?)error["path"]);
        Assert.Matches("^Invalid JSON at line \\d+, column \\d+", (string?)error["message"]);
    }

    [Fact]
    public async Task With_an_id_a_definition_of_another_id_is_a_problem_at_its_id()
    {
        var response = await _server.Browser().PostAsync("/api/workflows/validate?id=other", WorkflowApi.Json(TestWorkflows.Steps()));
        var body = await response.BodyAsync();

        Assert.Equal("$.id", (string?)body["errors"]![0]!["path"]);
        Assert.False(File.Exists(_server.Paths.WorkflowOverride("other")));
        Assert.False(File.Exists(_server.Paths.WorkflowOverride("steps")));
    }

    [Fact]
    public async Task Without_the_token_it_is_refused()
    {
        var response = await _server.Anonymous().PostAsync("/api/workflows/validate", WorkflowApi.Json(TestWorkflows.Steps()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_it()
    {
        var document = await (await _server.Anonymous().GetAsync("/openapi/v1.json")).BodyAsync();

        Assert.NotNull(document["paths"]!["/api/workflows/validate"]!["post"]);
    }
}
