using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lifecycle.Server.Tests.Browser;

/// <summary>The session pages in a real browser: sign in, start, tasks live, end, the session's page, the list's filters.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionPagesBrowserTests(Chromium chromium)
{
    [Fact]
    public async Task A_whole_session_from_the_dashboard_with_changes_arriving_live()
    {
        await using var dashboard = await DashboardBrowser.StartAsync(chromium);
        var page = dashboard.Page;
        await dashboard.SignInAsync();
        await Expect(page.GetByText("No session matches")).ToBeVisibleAsync();

        // Start from the page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Current session", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a session" }).ClickAsync();
        await Expect(page.Locator("#session-state")).ToHaveTextAsync("ACTIVE");
        await Expect(page.Locator("#live [data-label]")).ToHaveTextAsync("live");

        // A task added from the page.
        await page.GetByLabel("New task").FillAsync("Write the release notes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();
        await Expect(page.Locator("#tasks tr[data-task='T1']")).ToContainTextAsync("Write the release notes");

        // Changes made elsewhere (a script, an agent, the git hooks) arrive without a reload.
        var marker = await page.EvaluateAsync<double>("() => window.performance.timeOrigin");
        using var api = dashboard.Api();
        await PostAsync(api, "/api/sessions/current/tasks", """{"title": "Added by a script", "priority": 1}""");
        await PostAsync(api, "/api/sessions/current/events", """{"type": "file_modified", "path": "README.md"}""");
        await Expect(page.Locator("#tasks tr[data-task='T2']")).ToContainTextAsync("Added by a script");
        await Expect(page.Locator("#events tr").First).ToContainTextAsync("file_modified");
        Assert.Equal(marker, await page.EvaluateAsync<double>("() => window.performance.timeOrigin"));

        // Finish a task from the page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Finish task T1" }).ClickAsync();
        await Expect(page.Locator("#tasks tr[data-task='T1'] .badge")).ToHaveTextAsync("done");
        await dashboard.ScreenshotAsync("current-session");

        // End it with a note: the session's page shows the handoff.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GetByLabel("Note for the next session").FillAsync("Release notes are done; T2 is next.");
        await page.GetByRole(AriaRole.Button, new() { Name = "End session" }).ClickAsync();
        await page.WaitForURLAsync("**/sessions/00001");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Handoff" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Release notes are done; T2 is next.");
        await Expect(page.Locator("main")).ToContainTextAsync("Added by a script");
        await dashboard.ScreenshotAsync("session");

        // The list, filtered.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sessions", Exact = true }).ClickAsync();
        await page.GetByLabel("State").SelectOptionAsync("DORMANT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(page.Locator("#sessions-table tbody tr")).ToHaveCountAsync(1);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("state=DORMANT"));
        await dashboard.ScreenshotAsync("sessions");

        // The reports across sessions, with their charts drawn in the page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }).ClickAsync();
        await Expect(page.Locator("#total-sessions")).ToHaveTextAsync("1");
        await Expect(page.Locator("figure.chart svg")).ToHaveCountAsync(8);
        await dashboard.ScreenshotAsync("reports");

        Assert.Empty(dashboard.Outside);
        Assert.Empty(dashboard.ConsoleErrors);
    }

    [Fact]
    public async Task Without_signing_in_no_page_shows_data_and_a_spent_url_opens_nothing()
    {
        await using var dashboard = await DashboardBrowser.StartAsync(chromium);
        var page = dashboard.Page;

        var response = await dashboard.GoAsync("/sessions");

        Assert.Equal(401, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Lifecycle" })).ToBeVisibleAsync();
        await dashboard.ScreenshotAsync("sign-in");
    }

    [Fact]
    public async Task Keyboard_users_skip_to_the_content_and_a_narrow_window_needs_no_sideways_scrolling()
    {
        await using var dashboard = await DashboardBrowser.StartAsync(chromium, width: 360, height: 740);
        var page = dashboard.Page;
        using var api = dashboard.Api();
        await PostAsync(api, "/api/sessions/start", """{"yes": true}""");
        await dashboard.SignInAsync();

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#main")).ToBeFocusedAsync();

        foreach (var path in new[] { "/sessions", "/sessions/current", "/sessions/00001", "/reports", "/workflows", "/instances", "/workflows/session-start", "/workflows/session-machine" })
        {
            await dashboard.GoAsync(path);
            Assert.Equal("", await page.EvaluateAsync<string>(Narrow.WiderThanTheWindow));
        }

        await dashboard.ScreenshotAsync("current-session-narrow");
        Assert.Empty(dashboard.ConsoleErrors);
    }

    private static async Task PostAsync(HttpClient api, string path, string body)
    {
        var response = await api.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
