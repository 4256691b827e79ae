using System.Net;
using System.Text.RegularExpressions;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Dashboard;

/// <summary>The workflows part of the dashboard over HTTP: list, definition, compare, editor, state machine.</summary>
public sealed class WorkflowPagesTests : IDisposable
{
    private readonly ServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task The_list_shows_the_shipped_workflows_with_their_versions_and_links()
    {
        await StartSessionAsync();

        var html = await _server.Browser().GetStringAsync("/workflows");

        foreach (var id in new[] { "session-start", "session-end", "work-tracking" })
        {
            Assert.Contains($"href=\"/workflows/{id}\"", html);
        }

        Assert.Contains("v1", html);
        Assert.Contains("href=\"/workflows/session-machine\"", html);
        Assert.Contains("href=\"/workflows/new\"", html);
    }

    [Fact]
    public async Task A_draft_only_workflow_is_listed_with_a_link_to_its_editor()
    {
        var saved = await _server.Authorized().PutAsync("/api/workflows/steps", WorkflowApi.Json(TestWorkflows.Steps()));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var html = await _server.Browser().GetStringAsync("/workflows");

        Assert.Contains("href=\"/workflows/steps/edit\"", html);
        Assert.Contains(">unpublished changes</a>", html);
    }

    [Fact]
    public async Task Once_published_a_draft_shows_as_published_until_it_is_changed_again()
    {
        var api = _server.Authorized();
        await api.PutAsync("/api/workflows/steps", WorkflowApi.Json(TestWorkflows.Steps()));
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/workflows/steps/publish", null)).StatusCode);

        var published = await _server.Browser().GetStringAsync("/workflows");
        await api.PutAsync("/api/workflows/steps", WorkflowApi.Json(TestWorkflows.Steps().Replace("step a", "step A")));
        var changed = await _server.Browser().GetStringAsync("/workflows");

        Assert.Contains(">draft, as published</a>", published);
        Assert.Contains(">unpublished changes</a>", changed);
    }

    [Fact]
    public async Task The_definition_page_draws_every_activity_and_offers_edit_compare_instances_and_execute()
    {
        await StartSessionAsync();
        var client = _server.Browser();

        foreach (var id in new[] { "session-start", "session-end", "work-tracking" })
        {
            var html = await client.GetStringAsync($"/workflows/{id}");
            var svg = Regex.Match(html, "<svg id=\"structure\".*?</svg>", RegexOptions.Singleline).Value;

            Assert.NotEmpty(svg);
            Assert.Contains("role=\"img\"", svg);
            foreach (var activity in ActivityIds(File.ReadAllText(Path.Combine(RepositoryRoot(), "workflows", $"{id}.json"))))
            {
                Assert.Contains($"data-id=\"{activity}\"", svg);
            }

            Assert.Contains($"href=\"/workflows/{id}/edit\"", html);
            Assert.Contains($"href=\"/instances?workflow={id}\"", html);
            Assert.Contains($"data-api=\"POST /api/workflows/{id}/execute\"", html);
            Assert.Contains("data-then=\"/instances/{instanceId}\"", html);
            Assert.Matches("<textarea id=\"execute-input\"[^>]*data-json", html);
            Assert.Contains("<pre id=\"definition\"", html);
        }
    }

    [Fact]
    public async Task A_version_is_shown_by_query_and_compare_shows_added_and_removed_lines()
    {
        var api = _server.Authorized();
        await api.PublishAsync("steps", TestWorkflows.Steps());
        await api.PublishAsync("steps", TestWorkflows.Steps().Replace("step b", "step B"));
        var client = _server.Browser();

        var first = await client.GetStringAsync("/workflows/steps?version=1");
        var latest = await client.GetStringAsync("/workflows/steps");
        var compare = await client.GetAsync("/workflows/steps/compare?left=1&right=2");
        var html = await compare.Content.ReadAsStringAsync();

        Assert.Contains("step b", first);
        Assert.Contains("the version in force is", first);
        Assert.Contains("href=\"/workflows/steps/compare?left=1&amp;right=2\"", latest);
        Assert.Equal(HttpStatusCode.OK, compare.StatusCode);
        Assert.Contains("1 line added, 1 removed", html);
        Assert.Matches("<td class=\"sign del\">-</td>\\s*<td class=\"text del\"><code>[^<]*step b", html);
        Assert.Matches("<td class=\"sign add\">(?:\\+|&#x2B;)</td>\\s*<td class=\"text add\"><code>[^<]*step B", html);
        Assert.Contains("<td class=\"text same\"><code>  &quot;id&quot;: &quot;steps&quot;,</code>", html);
    }

    [Theory]
    [InlineData("/workflows/nope")]
    [InlineData("/workflows/nope/compare")]
    [InlineData("/workflows/nope/edit")]
    [InlineData("/workflows/steps?version=9")]
    [InlineData("/workflows/steps/compare?left=1&right=7")]
    public async Task An_unknown_workflow_or_version_is_a_404_page_that_says_what_to_do(string url)
    {
        await _server.Authorized().PublishAsync("steps", TestWorkflows.Steps());

        var response = await _server.Browser().GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("href=\"/workflows\"", html);
    }

    [Theory]
    [InlineData("/workflows/steps?version=two")]
    [InlineData("/workflows/steps?version=0")]
    [InlineData("/workflows/steps/compare?left=x&right=1")]
    [InlineData("/workflows/bad..id")]
    [InlineData("/workflows/bad..id/edit")]
    public async Task A_bad_version_or_id_is_a_400_page(string url)
    {
        await _server.Authorized().PublishAsync("steps", TestWorkflows.Steps());

        var response = await _server.Browser().GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("role=\"alert\"", html);
    }

    [Fact]
    public async Task The_editor_loads_the_draft_or_else_the_published_source_and_the_new_page_a_template()
    {
        var api = _server.Authorized();
        await api.PublishAsync("steps", TestWorkflows.Steps());
        await api.PutAsync("/api/workflows/steps", WorkflowApi.Json(TestWorkflows.Steps().Replace("step a", "drafted step")));
        var client = _server.Browser();

        var draft = await client.GetStringAsync("/workflows/steps/edit");
        File.Delete(_server.Paths.WorkflowOverride("steps"));
        var published = await client.GetStringAsync("/workflows/steps/edit");
        var fresh = await client.GetStringAsync("/workflows/new");

        Assert.Contains("drafted step", Textarea(draft));
        Assert.Contains("Editing the draft .lifecycle/workflows/steps.json", draft);
        Assert.Contains("step a", Textarea(published));
        Assert.Contains("No draft yet: this is version 1", published);
        Assert.Contains("&quot;id&quot;: &quot;my-workflow&quot;", Textarea(fresh));
        foreach (var page in new[] { draft, published, fresh })
        {
            Assert.Contains("id=\"problems\"", page);
            Assert.Contains("<button type=\"button\" id=\"save-draft\">Save draft</button>", page);
            Assert.Contains("id=\"publish\"", page);
            Assert.Contains("/assets/workflows.js?v=", page);
            Assert.Contains("data-schema=\"/assets/workflow.schema.json?v=", page);
        }

        Assert.Contains("data-workflow-id=\"steps\"", draft);
    }

    [Fact]
    public async Task The_schema_is_served_as_the_repository_keeps_it()
    {
        var page = await _server.Browser().GetStringAsync("/workflows/new");
        var url = Regex.Match(page, "data-schema=\"([^\"]+)\"").Groups[1].Value.Replace("&amp;", "&");

        var served = await _server.Anonymous().GetStringAsync(url);

        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot(), "schemas", "workflow.schema.json")), served);
    }

    [Fact]
    public async Task The_state_machine_page_draws_every_state_and_transition_of_the_table()
    {
        var response = await _server.Browser().GetAsync("/workflows/session-machine");
        var html = await response.Content.ReadAsStringAsync();
        var svg = Regex.Match(html, "<svg id=\"session-machine\".*?</svg>", RegexOptions.Singleline).Value;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var state in Enum.GetValues<SessionState>())
        {
            Assert.Contains($"data-state=\"{state.ToString().ToUpperInvariant()}\"", svg);
        }

        Assert.Contains("data-from=\"DORMANT\" data-to=\"INITIALIZING\" data-trigger=\"start\"", svg);
        Assert.Contains("data-from=\"CLOSING\" data-to=\"ACTIVE\" data-trigger=\"reopen\"", svg);
        Assert.Equal(7, Regex.Matches(svg, "class=\"transition\"").Count);
    }

    [Fact]
    public async Task No_workflow_page_points_outside_the_server()
    {
        await StartSessionAsync();
        var client = _server.Browser();
        foreach (var url in new[] { "/workflows", "/workflows/session-end", "/workflows/session-end/edit", "/workflows/new", "/workflows/session-machine" })
        {
            var html = await client.GetStringAsync(url);
            Assert.DoesNotMatch(@"(?:src|href|action)\s*=\s*[""']?\s*(?:https?:)?//", html);
        }
    }

    private async Task StartSessionAsync()
    {
        var response = await _server.Authorized().PostAsync("/api/sessions/start", WorkflowApi.Json("""{"yes": true}"""));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Textarea(string html) =>
        Regex.Match(html, "<textarea id=\"editor-text\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline).Groups[1].Value;

    /// <summary>The ids of the activities of a definition (objects with both "id" and "type" under "root").</summary>
    private static IEnumerable<string> ActivityIds(string json) =>
        Regex.Matches(json[json.IndexOf("\"root\"", StringComparison.Ordinal)..], "\"id\"\\s*:\\s*\"([^\"]+)\"").Select(m => m.Groups[1].Value);

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
