using System.Net;
using System.Text.RegularExpressions;
using Lifecycle.Server.Dashboard;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Dashboard;

/// <summary>The dashboard's shell: no page without signing in, assets from the executable, nothing from the internet.</summary>
public sealed partial class DashboardAccessTests : IDisposable
{
    private readonly ServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/sessions")]
    [InlineData("/sessions/00001")]
    [InlineData("/workflows")]
    public async Task Without_the_cookie_a_page_says_how_to_sign_in_and_shows_no_data(string path)
    {
        var response = await _server.Anonymous().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("login URL that <code>lifecycle serve</code> printed", html);
        Assert.DoesNotContain("<table", html);
    }

    [Fact]
    public async Task The_login_url_opens_the_sessions_page()
    {
        await PostAsync("/api/sessions/start");
        var code = ((Lifecycle.Server.Serving.LoginCodes)_server.Services.GetService(typeof(Lifecycle.Server.Serving.LoginCodes))!).Issue();
        var client = _server.Anonymous();

        var login = await client.GetAsync($"/login?code={code}");
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var request = new HttpRequestMessage(HttpMethod.Get, login.Headers.Location);
        request.Headers.Add("Cookie", cookie);
        var page = await client.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<h1>Sessions</h1>", html);
        Assert.Contains("href=\"/sessions/00001\"", html);
        Assert.Contains("ACTIVE", html);
    }

    [Fact]
    public async Task Every_asset_is_embedded_versioned_and_revalidated_by_its_hash()
    {
        var client = _server.Anonymous();
        foreach (var name in DashboardAssets.Names)
        {
            var url = DashboardAssets.Url(name);
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("immutable", response.Headers.CacheControl!.ToString());

            var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/assets/missing.js")).StatusCode);
    }

    [Fact]
    public async Task No_page_or_asset_points_outside_the_server()
    {
        await PostAsync("/api/sessions/start");
        var client = _server.Browser();
        var texts = new List<string> { await client.GetStringAsync("/") };
        texts.AddRange(DashboardAssets.Names.Select(DashboardAssets.Text));

        foreach (var text in texts)
        {
            Assert.DoesNotMatch(ExternalUrl(), text);
        }
    }

    [Fact]
    public async Task A_bad_filter_is_a_400_page_that_says_what_to_give()
    {
        var response = await _server.Browser().GetAsync("/sessions?since=yesterday");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("From must be a date like 2026-12-07; got &#x27;yesterday&#x27;.", html);
    }

    [Fact]
    public async Task A_page_address_that_leads_nowhere_is_a_404_page_and_an_unknown_api_route_stays_problem_details()
    {
        var client = _server.Browser();

        var page = await client.GetAsync("/sesions/00001");
        var api = await client.GetAsync("/api/nope");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("No dashboard page is at <code>/sesions/00001</code>", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Filters_narrow_the_sessions_by_state_and_branch()
    {
        await PostAsync("/api/sessions/start");
        await PostAsync("/api/sessions/end");
        await PostAsync("/api/sessions/start");
        var client = _server.Browser();

        var active = await client.GetStringAsync("/sessions?state=active");
        var dormant = await client.GetStringAsync("/sessions?state=DORMANT");
        var otherBranch = await client.GetStringAsync("/sessions?branch=no-such-branch");

        Assert.Contains("href=\"/sessions/00002\"", active);
        Assert.DoesNotContain("href=\"/sessions/00001\"", active);
        Assert.Contains("href=\"/sessions/00001\"", dormant);
        Assert.Contains("No session matches", otherBranch);
    }

    private async Task PostAsync(string path)
    {
        var response = await _server.Authorized().PostAsync(path, new StringContent("""{"yes": true}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"(?:src|href|action)\s*=\s*[""']?\s*(?:https?:)?//|@import\s+url\(\s*[""']?(?:https?:)?//|url\(\s*[""']?https?://", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();
}
