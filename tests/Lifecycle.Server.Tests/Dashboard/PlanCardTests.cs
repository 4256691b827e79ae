using System.Net;
using System.Net.Http.Json;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Dashboard;

/// <summary>The plan card: on the current session page with the form to make the plan, and on a closed session's page with its review.</summary>
public sealed class PlanCardTests : IDisposable
{
    private readonly ServerFactory _server = new();

    [Fact]
    public async Task The_current_session_page_shows_the_plan_and_the_closed_sessions_page_its_review()
    {
        var api = _server.Authorized();
        Assert.True((await api.PostAsync("/api/sessions/start", null)).IsSuccessStatusCode);
        await api.PostAsJsonAsync("/api/sessions/current/tasks", new { title = "plan me", priority = 1 });
        var browser = _server.Browser();

        var before = await browser.GetStringAsync("/sessions/current");
        Assert.True((await browser.PostAsJsonAsync("/api/sessions/current/plan", new { hours = "1.5" })).IsSuccessStatusCode);
        var planned = await browser.GetStringAsync("/sessions/current");
        await api.PostAsync("/api/sessions/current/tasks/T1/done", null);
        Assert.True((await api.PostAsJsonAsync("/api/sessions/end", new { yes = true, force = true })).IsSuccessStatusCode);
        var closed = await browser.GetAsync("/sessions/00001");
        var closedHtml = await closed.Content.ReadAsStringAsync();

        Assert.Contains("id=\"plan-none\"", before);
        Assert.Contains("id=\"make-plan\"", before);
        Assert.Contains("data-plan-task=\"T1\"", planned);
        Assert.Contains("1 of 1 tasks in 60 of 90 minutes", planned);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Contains("id=\"plan-review\"", closedHtml);
        Assert.Contains("plan: 1 of 1 planned task done", closedHtml);
        Assert.DoesNotContain("id=\"make-plan\"", closedHtml);
    }

    public void Dispose() => _server.Dispose();
}
