using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Dashboard;

/// <summary>Getting into the dashboard as users do: <c>lifecycle login</c> for a new URL, and <c>demo --serve</c>.</summary>
public sealed partial class DashboardLoginTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Login_prints_a_new_url_that_opens_the_dashboard_once()
    {
        var cli = SessionRepositories.Prepare(_folder);
        await using var server = await RunningServer.StartAsync(cli);

        var login = await cli.RunAsync("login");
        var json = await cli.RunAsync("--json", "login");

        Assert.Equal(0, login.ExitCode);
        var url = LoginUrl().Match(login.Stdout).Value;
        Assert.StartsWith($"{server.Url}/login?code=", url);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var first = await browser.GetAsync(url);
        var second = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        // One cookie per server: two repositories served on one machine keep their own sign-ins.
        var port = new Uri(server.Url).Port;
        Assert.StartsWith($"lifecycle_token_{port}=", first.Headers.GetValues("Set-Cookie").Single());
        var spent = new HttpRequestMessage(HttpMethod.Get, url);
        spent.Headers.Accept.ParseAdd("text/html");
        var page = await browser.SendAsync(spent);
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains("Run <code>lifecycle login</code> in the repository for a new one.", await page.Content.ReadAsStringAsync());
        Assert.NotEqual(url, (string?)JsonNode.Parse(json.Stdout)!["url"]);
    }

    [Fact]
    public async Task Login_without_a_server_says_how_to_start_one()
    {
        var cli = SessionRepositories.Prepare(_folder);

        var login = await cli.RunAsync("login");

        Assert.NotEqual(0, login.ExitCode);
        Assert.Contains("No server runs for this repository; start one with 'lifecycle serve'", login.Stderr);
        Assert.DoesNotContain("   at ", login.Stderr);
    }

    [Fact]
    public async Task Demo_serve_serves_the_demo_repository_with_sessions_and_a_waiting_and_a_faulted_instance()
    {
        var cli = new CliRunner(_folder.Path);
        using var process = cli.Start("demo", "--serve");
        string? url = null, removal = null;
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (url is null && await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                removal ??= line.StartsWith("Remove it with: rm -rf ", StringComparison.Ordinal) ? line["Remove it with: rm -rf ".Length..].Trim('\'') : null;
                url = LoginUrl().Match(line) is { Success: true } match ? match.Value : null;
            }

            Assert.NotNull(url);
            Assert.NotNull(removal);
            var cookies = new CookieContainer();
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(url[..url.IndexOf("/login", StringComparison.Ordinal)]) };
            var sessions = await browser.GetStringAsync(url);
            var instances = JsonNode.Parse(await browser.GetStringAsync("/api/instances?limit=50"))!["items"]!.AsArray();

            Assert.Contains("href=\"/sessions/00001\"", sessions);
            Assert.Contains("href=\"/sessions/00002\"", sessions);
            Assert.Contains(instances, i => (string?)i!["workflowId"] == "demo-review" && (string?)i["status"] == "Suspended");
            Assert.Contains(instances, i => (string?)i!["workflowId"] == "demo-release-check" && (string?)i["status"] == "Faulted");
        }
        finally
        {
            if (!process.HasExited)
            {
                using var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await term.WaitForExitAsync();
            }

            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
            if (removal is not null && Directory.Exists(removal))
            {
                Directory.Delete(removal, recursive: true);
            }
        }

        Assert.Equal(0, process.ExitCode);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/login\?code=[0-9a-f]+")]
    private static partial Regex LoginUrl();
}
