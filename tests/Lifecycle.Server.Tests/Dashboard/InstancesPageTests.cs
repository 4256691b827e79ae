using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Dashboard;

/// <summary><c>/instances</c>: filters by status, workflow and time, keyset pages, and bad filters as 400 pages.</summary>
public sealed partial class InstancesPageTests : IDisposable
{
    private readonly ServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Filters_narrow_the_list_by_status_and_workflow()
    {
        var waiting = (await _server.RunAsync(InstanceWorkflows.Waiter)).InstanceId;
        var failed = (await _server.RunAsync(InstanceWorkflows.Failing)).InstanceId;
        var finished = (await _server.RunAsync(TestWorkflows.Steps())).InstanceId;
        var client = _server.Browser();

        var all = await client.GetStringAsync("/instances");
        var faulted = await client.GetStringAsync("/instances?status=Faulted");
        var steps = await client.GetStringAsync("/instances?workflow=steps&status=");
        var ended = await client.GetStringAsync("/instances?status=Faulted,Finished");

        Assert.Equal([finished, failed, waiting], InstanceIds(all));
        Assert.Contains("3 instances, newest first", all);
        Assert.Equal([failed], InstanceIds(faulted));
        Assert.Contains("<span class=\"badge Faulted\">Faulted</span>", faulted);
        Assert.Equal([finished], InstanceIds(steps));
        Assert.Contains("href=\"/workflows/steps\"", steps);
        Assert.Equal([finished, failed], InstanceIds(ended));
    }

    [Fact]
    public async Task The_time_filter_keeps_the_instances_started_in_the_range()
    {
        var id = (await _server.RunAsync(TestWorkflows.Steps())).InstanceId;
        var client = _server.Browser();
        string Local(TimeSpan offset) => TimeProvider.System.GetLocalNow().Add(offset).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

        var around = await client.GetStringAsync($"/instances?from={Local(TimeSpan.FromDays(-1))}&to={Local(TimeSpan.FromDays(1))}");
        var later = await client.GetStringAsync($"/instances?from={Local(TimeSpan.FromDays(1))}");
        var before = await client.GetStringAsync("/instances?to=2000-01-01");

        Assert.Equal([id], InstanceIds(around));
        Assert.Empty(InstanceIds(later));
        Assert.Contains("No instance matches", later);
        Assert.Empty(InstanceIds(before));
    }

    [Fact]
    public async Task Pages_follow_the_stores_cursor_without_skipping_or_repeating()
    {
        var runs = new List<string>();
        for (var i = 0; i < 52; i++)
        {
            runs.Add((await _server.RunAsync(TestWorkflows.Steps())).InstanceId);
        }

        var client = _server.Browser();
        var first = await client.GetStringAsync("/instances?workflow=steps");
        var next = WebUtility.HtmlDecode(NextLink().Match(first).Groups[1].Value);
        var second = await client.GetStringAsync(next);

        Assert.StartsWith("/instances?workflow=steps&cursor=", next);
        Assert.Equal(50, InstanceIds(first).Count);
        Assert.Equal(Enumerable.Reverse(runs), InstanceIds(first).Concat(InstanceIds(second)));
        Assert.DoesNotMatch(NextLink(), second);
        Assert.Contains("href=\"/instances?workflow=steps\" rel=\"first\"", second);
    }

    [Theory]
    [InlineData("status=Sleeping", "Unknown status &#x27;Sleeping&#x27;")]
    [InlineData("from=yesterday", "From must be a date like 2026-12-07")]
    [InlineData("to=13/13/2026", "To must be a date like 2026-12-07")]
    [InlineData("cursor=nonsense", "is not a page of this list")]
    [InlineData("from=2026-12-10&to=2026-12-01", "To (2026-12-01) is before From (2026-12-10)")]
    public async Task A_bad_filter_is_a_400_page_that_says_what_to_give(string query, string message)
    {
        var response = await _server.Browser().GetAsync($"/instances?{query}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, html);
        Assert.DoesNotContain("<table", html);
    }

    private static List<string> InstanceIds(string html) =>
        InstanceRow().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<tr data-instance=\"([^\"]+)\"")]
    private static partial Regex InstanceRow();

    [GeneratedRegex("href=\"([^\"]+)\" rel=\"next\"")]
    private static partial Regex NextLink();
}
