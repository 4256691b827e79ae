using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Dashboard;

/// <summary><c>/instances/{id}</c>: the paged journal with paths and durations, a fault with its retry, a wait with its send form.</summary>
public sealed partial class InstanceViewTests : IDisposable
{
    private readonly ServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task The_journal_shows_each_entry_with_its_path_through_composites_and_the_steps_durations()
    {
        var id = (await _server.RunAsync(InstanceWorkflows.Waiter, new JsonObject { ["name"] = "dash" })).InstanceId;

        var html = await _server.Browser().GetStringAsync($"/instances/{id}");

        Assert.Contains("<tbody id=\"journal-entries\"", html);
        Assert.Contains("data-sequence=\"1\"", html);
        // The ForEach's body has no id: named by its JSONPath, under the root Sequence and the ForEach.
        Assert.Matches(@"<span class=""crumbs""><span class=""crumb"">Sequence</span><span class=""crumb"">ForEach</span></span><code class=""activity"">\$\.root\.activities\[1\]\.body</code>", html);
        Assert.Matches(@"data-activity=""hello"" data-event=""Completed""[^>]*style=""--depth: 1"">(?:(?!</tr>).)*<td class=""num duration"">\d+ ms</td>", Singleline(html));
        Assert.Contains("href=\"/workflows/greet\"", html);
        Assert.Contains("&quot;name&quot;: &quot;dash&quot;", html);
        Assert.Contains("data-live=\"true\"", html);
        Assert.Contains("id=\"live-indicator\"", html);
        Assert.Contains("data-stream=\"/api/journal/stream?instance=" + id + "&amp;lastEventId=", html);
    }

    [Fact]
    public async Task The_pages_stream_starts_where_the_page_ends_so_live_entries_are_neither_missed_nor_repeated()
    {
        var id = (await _server.RunAsync(InstanceWorkflows.Waiter)).InstanceId;
        var client = _server.Browser();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var html = await client.GetStringAsync($"/instances/{id}");
        var streamUrl = WebUtility.HtmlDecode(StreamUrl().Match(html).Groups[1].Value);
        await using var stream = await SseClient.ConnectAsync(client, streamUrl, cancellationToken: deadline.Token);
        var sent = await client.PostAsync("/api/events/go", WorkflowApi.Json($$"""{ "instanceId": "{{id}}", "payload": { "extra": 1 } }"""));
        var live = await stream.ReadUntilAsync(e => (string?)e.Data!["activityId"] == "$.root" && (string?)e.Data["event"] == "Completed", deadline.Token);

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var journal = await _server.Engine().Store.GetJournalAsync(id, 0, default);
        Assert.Equal(journal.Select(e => e.Sequence), Sequences(html).Concat(live.Select(e => (long)e.Data!["sequence"]!)));
        Assert.All(live, e => Assert.Equal(id, (string?)e.Data!["instanceId"]));
    }

    [Fact]
    public async Task A_faulted_instance_shows_its_error_and_a_retry_button_whose_call_runs_it_again()
    {
        var id = (await _server.RunAsync(InstanceWorkflows.Failing)).InstanceId;
        var client = _server.Browser();

        var html = await client.GetStringAsync($"/instances/{id}");
        var retry = await client.PostAsync(RetryRoute().Match(html).Groups[1].Value, null);
        var after = await client.GetStringAsync($"/instances/{id}");

        Assert.Contains("id=\"instance-fault\"", html);
        Assert.Contains("Faulted at boom", html);
        Assert.Contains("no luck", html);
        Assert.Contains("data-live=\"false\"", html);
        Assert.Equal($"/api/instances/{id}/retry", RetryRoute().Match(html).Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("Faulted", (string?)(await retry.BodyAsync())["status"]);
        Assert.True(JournalLength(after) > JournalLength(html), "the retried run's entries are in the journal");
    }

    [Fact]
    public async Task A_suspended_instance_lists_its_bookmark_with_a_form_that_sends_the_event_to_it()
    {
        var id = (await _server.RunAsync(InstanceWorkflows.Waiter)).InstanceId;
        var client = _server.Browser();

        var html = await client.GetStringAsync($"/instances/{id}");
        var form = SendForm().Match(html);
        Assert.True(form.Success, html);
        var body = new JsonObject { [form.Groups["field"].Value] = form.Groups["value"].Value, ["payload"] = new JsonObject { ["extra"] = 4 } };
        var sent = await client.PostAsync(form.Groups["route"].Value, WorkflowApi.Json(body));
        var after = await client.GetStringAsync($"/instances/{id}");

        Assert.Contains("Event <strong>go</strong> for <code>go</code>", html);
        Assert.Equal("/api/events/go", form.Groups["route"].Value);
        Assert.Equal("instanceId", form.Groups["field"].Value);
        Assert.Equal(id, form.Groups["value"].Value);
        Assert.Contains("name=\"payload\"", html);
        Assert.Contains("id=\"cancel-button\"", html);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("<span class=\"badge Finished\">Finished</span>", after);
        Assert.Contains("&quot;total&quot;: 10", after);
        Assert.DoesNotContain("id=\"bookmarks\"", after);
    }

    [Fact]
    public async Task A_journal_longer_than_a_page_links_to_the_next_page_which_holds_the_next_entries()
    {
        var items = string.Join(", ", Enumerable.Range(1, 100));
        var id = (await _server.RunAsync($$"""
            { "id": "long", "root": { "type": "ForEach", "items": [{{items}}], "variable": "i", "body": { "type": "Log", "message": "tick" } } }
            """)).InstanceId;
        var client = _server.Browser();

        var first = await client.GetStringAsync($"/instances/{id}");
        var next = WebUtility.HtmlDecode(NextPage().Match(first).Groups[1].Value);
        var second = await client.GetStringAsync(next);

        Assert.Equal($"/instances/{id}?after=200", next);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), Sequences(first));
        Assert.Equal(201, Sequences(second).First());
        Assert.Contains("data-testid=\"journal-prev\"", second);
        Assert.Contains("data-append=\"false\"", first);
    }

    [Theory]
    [InlineData("/instances/no-such-instance", HttpStatusCode.NotFound, "No instance has id &#x27;no-such-instance&#x27;")]
    [InlineData("/instances/{id}?after=soon", HttpStatusCode.BadRequest, "&#x27;soon&#x27; is not a journal position")]
    [InlineData("/instances/{id}?after=-3", HttpStatusCode.BadRequest, "is not a journal position")]
    public async Task An_unknown_instance_or_a_bad_page_is_a_page_that_says_so(string path, HttpStatusCode status, string message)
    {
        var id = (await _server.RunAsync(TestWorkflows.Steps())).InstanceId;

        var response = await _server.Browser().GetAsync(path.Replace("{id}", id, StringComparison.Ordinal));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, html);
    }

    private static string Singleline(string html) => html.ReplaceLineEndings(" ");

    private static List<long> Sequences(string html) =>
        SequenceAttribute().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static int JournalLength(string html) =>
        int.Parse(JournalCount().Match(html).Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("data-stream=\"([^\"]+)\"")]
    private static partial Regex StreamUrl();

    [GeneratedRegex("data-api=\"POST (/api/instances/[^\"]+/retry)\"")]
    private static partial Regex RetryRoute();

    [GeneratedRegex("data-api=\"POST (?<route>/api/events/[^\"]+)\"(?:(?!</form>).)*?<input type=\"hidden\" name=\"(?<field>[^\"]+)\" value=\"(?<value>[^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex SendForm();

    [GeneratedRegex("href=\"([^\"]+)\" rel=\"next\"")]
    private static partial Regex NextPage();

    [GeneratedRegex("<tr data-sequence=\"(\\d+)\"")]
    private static partial Regex SequenceAttribute();

    [GeneratedRegex(@"<dt>Journal</dt><dd>([\d,]+) entries</dd>")]
    private static partial Regex JournalCount();
}
