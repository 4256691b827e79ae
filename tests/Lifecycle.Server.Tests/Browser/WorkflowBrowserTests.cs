using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lifecycle.Server.Tests.Browser;

/// <summary>
/// The protocol in a real browser: break a workflow in the editor and see the problem at its path,
/// fix it, publish, execute it, watch its journal arrive live, send the event it waits for, and
/// retry a faulted run once its cause is gone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkflowBrowserTests(Chromium chromium)
{
    private const string Approval = """
        {
          "id": "approval",
          "name": "Approval",
          "inputs": { "change": { "type": "string", "default": "docs" } },
          "root": {
            "type": "Sequence",
            "activities": [
              { "id": "ask", "type": "Log", "message": { "js": "'please approve ' + input.change" } },
              { "id": "wait", "type": "WaitForEvent", "event": "approved" },
              { "id": "done", "type": "SetOutput", "name": "by", "value": { "js": "outputs.wait.payload.by" } }
            ]
          }
        }
        """;

    private const string ReleaseCheck = """
        { "id": "release-check", "root": { "type": "Sequence", "activities": [
          { "id": "notes", "type": "RunCommand", "run": "test -f RELEASE-NOTES.md" },
          { "id": "ready", "type": "SetOutput", "name": "ready", "value": true } ] } }
        """;

    [Fact]
    public async Task Break_fix_publish_execute_watch_live_and_send_the_awaited_event()
    {
        await using var dashboard = await DashboardBrowser.StartAsync(chromium);
        var page = dashboard.Page;
        await dashboard.SignInAsync();

        // A new workflow, written in the editor.
        await page.GetByRole(AriaRole.Link, new() { Name = "Workflows", Exact = true }).ClickAsync();
        await dashboard.ScreenshotAsync("workflows");
        await page.Locator("#new-workflow").ClickAsync();
        var editor = page.Locator("#editor-text");

        // A new workflow may not take the id of one that exists (it would replace the protocol's own).
        await editor.FillAsync("""{ "id": "session-end", "root": { "type": "Log", "message": "hi" } }""");
        await page.Locator("#publish").ClickAsync();
        await Expect(page.Locator("#editor-status")).ToContainTextAsync("exists already");
        Assert.EndsWith("/workflows/new", page.Url);

        await editor.FillAsync(Approval.Replace("\"WaitForEvent\"", "\"WaitForEvnt\""));

        // Broken: the problem is shown at its path, and clicking it puts the caret there.
        var problem = page.Locator("#problems li").First;
        await Expect(problem).ToContainTextAsync("activities[1]");
        await dashboard.ScreenshotAsync("workflow-editor-problem");
        await page.Locator("#problem-0").ClickAsync();
        var caret = await editor.EvaluateAsync<int>("area => area.selectionStart");
        var text = await editor.InputValueAsync();
        Assert.InRange(caret, text.IndexOf("\"id\": \"wait\"", StringComparison.Ordinal) - 10, text.IndexOf("WaitForEvnt", StringComparison.Ordinal) + 12);

        // Fixed: no problem left; published; its page draws it.
        await editor.FillAsync(Approval);
        await Expect(page.Locator("#problems li")).ToHaveCountAsync(0);
        await page.Locator("#publish").ClickAsync();
        await page.WaitForURLAsync("**/workflows/approval");
        await Expect(page.Locator("svg#structure g.activity[data-id='wait']")).ToHaveCountAsync(1);
        await dashboard.ScreenshotAsync("workflow");

        // Executed with an input: the run waits for 'approved'.
        await page.Locator("#execute-input").FillAsync("""{"change": "the release notes"}""");
        await page.Locator("#execute-submit").ClickAsync();
        await page.WaitForURLAsync("**/instances/*");
        await Expect(page.Locator("#instance-status")).ToContainTextAsync("Suspended");
        await Expect(page.Locator("#live-indicator [data-label]")).ToHaveTextAsync("live");
        var instanceId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await dashboard.ScreenshotAsync("instance-suspended");

        // The event sent from the page: the rest of the run arrives live (the page reloads only once it has ended).
        await WatchForLiveRowAsync(page, "done");
        await page.Locator("#payload-0").FillAsync("""{"by": "ana"}""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send approved" }).ClickAsync();
        await ExpectEndedAsync(page, "Finished");
        Assert.Equal("1", await page.EvaluateAsync<string?>("() => sessionStorage.getItem('seen-live')"));
        var sequences = await page.Locator("#journal-entries tr[data-sequence]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.sequence)");
        Assert.Equal(sequences.Length, sequences.Distinct().Count());
        await dashboard.ScreenshotAsync("instance-finished");

        using var api = dashboard.Api();
        var instance = JsonNode.Parse(await api.GetStringAsync($"/api/instances/{instanceId}"))!;
        Assert.Equal("ana", (string?)instance["outputs"]!["by"]);

        Assert.Empty(dashboard.Outside);
        Assert.Empty(dashboard.ConsoleErrors);
    }

    [Fact]
    public async Task A_run_started_elsewhere_is_watched_live_and_a_faulted_one_is_retried_from_its_page()
    {
        await using var dashboard = await DashboardBrowser.StartAsync(chromium);
        var page = dashboard.Page;
        using var api = dashboard.Api();
        await PutAndPublishAsync(api, "approval", Approval);
        await PutAndPublishAsync(api, "release-check", ReleaseCheck);
        var waiting = await ExecuteAsync(api, "approval");
        var faulted = await ExecuteAsync(api, "release-check");
        Assert.Equal("Faulted", (string?)faulted["status"]);
        await dashboard.SignInAsync();

        // Watching a waiting run while a script sends its event.
        await dashboard.GoAsync($"/instances/{waiting["instanceId"]}");
        await Expect(page.Locator("#live-indicator [data-label]")).ToHaveTextAsync("live");
        await WatchForLiveRowAsync(page, "done");
        var sent = await api.PostAsync("/api/events/approved", new StringContent(
            new JsonObject { ["instanceId"] = (string?)waiting["instanceId"], ["payload"] = new JsonObject { ["by"] = "a script" } }.ToJsonString(),
            Encoding.UTF8, "application/json"));
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        await ExpectEndedAsync(page, "Finished");
        Assert.Equal("1", await page.EvaluateAsync<string?>("() => sessionStorage.getItem('seen-live')"));

        // The faulted run shows its error; once the file exists, a retry finishes it.
        await dashboard.GoAsync($"/instances/{faulted["instanceId"]}");
        await Expect(page.Locator("#instance-fault")).ToContainTextAsync("test -f RELEASE-NOTES.md");
        await dashboard.ScreenshotAsync("instance-faulted");
        await File.WriteAllTextAsync(Path.Combine(dashboard.Repository, "RELEASE-NOTES.md"), "# 1.0\n");
        await page.Locator("#retry-button").ClickAsync();
        await Expect(page.Locator("#instance-status")).ToContainTextAsync("Finished");

        // Two versions side by side, and the session state machine.
        await PutAndPublishAsync(api, "approval", Approval.Replace("'please approve '", "'approve, please: '"));
        await dashboard.GoAsync("/workflows/approval/compare?left=1&right=2");
        await Expect(page.Locator("#diff")).ToContainTextAsync("approve, please: ");
        await dashboard.ScreenshotAsync("workflow-compare");
        await dashboard.GoAsync("/workflows/session-machine");
        await Expect(page.Locator("svg#session-machine g.state")).Not.ToHaveCountAsync(0);
        await dashboard.ScreenshotAsync("session-machine");

        // The list, filtered by status.
        await page.GetByRole(AriaRole.Link, new() { Name = "Instances", Exact = true }).ClickAsync();
        await page.Locator("#filter-status").SelectOptionAsync("Finished");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.Locator("#instances-table tbody tr")).ToHaveCountAsync(2);
        await dashboard.ScreenshotAsync("instances");

        Assert.Empty(dashboard.Outside);
        Assert.Empty(dashboard.ConsoleErrors);
    }

    /// <summary>
    /// Notes in the tab's session storage (which outlives a reload) when a journal row of
    /// <paramref name="activity"/> is added to the page by its script, i.e. arrived live.
    /// </summary>
    private static Task WatchForLiveRowAsync(IPage page, string activity) =>
        page.EvaluateAsync($$"""
            () => {
              sessionStorage.removeItem('seen-live');
              new MutationObserver(changes => {
                if (changes.some(c => [...c.addedNodes].some(n => n.dataset && n.dataset.activity === '{{activity}}'))) sessionStorage.setItem('seen-live', '1');
              }).observe(document.getElementById('journal-entries'), { childList: true });
            }
            """);

    /// <summary>Waits until the instance's page shows it ended: its status, and nothing left to wait for.</summary>
    private static async Task ExpectEndedAsync(IPage page, string status)
    {
        await Expect(page.Locator("#instance-status")).ToContainTextAsync(status);
        await Expect(page.Locator("#bookmarks")).ToHaveCountAsync(0);
    }

    private static async Task PutAndPublishAsync(HttpClient api, string id, string json)
    {
        var saved = await api.PutAsync($"/api/workflows/{id}", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var published = await api.PostAsync($"/api/workflows/{id}/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
    }

    private static async Task<JsonNode> ExecuteAsync(HttpClient api, string id)
    {
        var response = await api.PostAsync($"/api/workflows/{id}/execute", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
