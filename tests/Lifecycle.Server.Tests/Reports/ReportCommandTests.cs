using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Reports;

/// <summary><c>lifecycle report</c> for one session and <c>--all</c>, on a real repository with sessions run through the product.</summary>
public sealed partial class ReportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static readonly string[] Charts = ["Productivity score per session", "Active and idle time per session", "Commits and changed lines per session",
        "Commits per hour of working time", "Tasks completed per session", "Setup time per session", "Session time per weekday", "Session time per hour of the day"];

    private async Task<CliRunner> TwoSessionsAsync()
    {
        var cli = SessionRepositories.Prepare(_folder);
        _folder.Write(".lifecycle/config.json", """{ "realityChecks": { "builtins": { "diskSpace": { "enabled": false } } }, "goals": { "commitsPerHour": { "min": 1, "max": 3 }, "score": {} } }""");
        for (var i = 1; i <= 2; i++)
        {
            Assert.Equal(0, (await cli.RunAsync("start", "--yes")).ExitCode);
            _folder.Write($"work{i}.txt", $"work {i}\n");
            Git.Run(_folder.Path, "add", $"work{i}.txt");
            Git.Run(_folder.Path, "commit", "-q", "-m", $"work {i}");
            Assert.Equal(0, (await cli.RunAsync("task", "add", $"task {i}")).ExitCode);
            Assert.Equal(0, (await cli.RunAsync("event", "error_occurred", "--message", $"build {i} failed")).ExitCode);
            var end = await cli.RunAsync("end", "--yes");
            Assert.True(end.ExitCode == 0, end.ToString());
        }

        return cli;
    }

    [Fact]
    public async Task OneSession_InEachFormat_ShowsItsFiguresTimelineInsightsGoalsAndHandoff()
    {
        var cli = await TwoSessionsAsync();

        var markdown = await cli.RunAsync("report", "1");
        var json = await cli.RunAsync("report", "--format", "json");
        var html = await cli.RunAsync("report", "2", "--format", "html", "--out", "two.html");

        Assert.True(markdown.ExitCode == 0, markdown.ToString());
        Assert.StartsWith("# Session 00001 Lifecycle Report", markdown.Stdout);
        Assert.Contains("## Insights & Recommendations", markdown.Stdout);
        Assert.Contains("## Goals\n- ", markdown.Stdout);
        Assert.Contains("Commits per hour of working time", markdown.Stdout);
        Assert.Equal("00002", json.Json["sessionId"]!.GetValue<string>());
        Assert.Equal("session", json.Json["kind"]!.GetValue<string>());
        Assert.Equal(1, json.Json["figures"]!["commits"]!.GetValue<int>());
        Assert.Equal(1, json.Json["figures"]!["errors"]!.GetValue<int>());
        var kinds = json.Json["timeline"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "state", "commit", "task", "error" }, kinds);
        Assert.Contains(json.Json["timeline"]!.AsArray(), e => e!["label"]!.GetValue<string>() == "build 2 failed");
        Assert.Equal(["commitsPerHour", "activeShare"], json.Json["goals"]!.AsArray().Select(g => g!["goal"]!.GetValue<string>()));
        Assert.Equal("00002", json.Json["handoff"]!["sessionId"]!.GetValue<string>());
        Assert.True(html.ExitCode == 0, html.ToString());
        var page = File.ReadAllText(Path.Combine(_folder.Path, "two.html"));
        AssertOffline(page);
        Assert.Contains("Session 00002 timeline", page);
        Assert.Contains("<table id=\"goals\"", page);
        Assert.Contains("id=\"handoff\"", page);
        Assert.Contains("role=\"img\"", page);
    }

    [Fact]
    public async Task All_AsHtml_HasEveryChartNoExternalUrl_AndTheTablesShowTheJsonsFigures()
    {
        var cli = await TwoSessionsAsync();

        var html = await cli.RunAsync("report", "--all", "--out", "all.html");
        var json = await cli.RunAsync("report", "--all", "--format", "json");

        Assert.True(html.ExitCode == 0, html.ToString());
        var page = File.ReadAllText(Path.Combine(_folder.Path, "all.html"));
        AssertOffline(page);
        foreach (var chart in Charts)
        {
            Assert.Matches(new Regex($"<svg[^>]*aria-label=\"[^\"]*\"[^>]*><title>"), page);
            Assert.Contains($"<figcaption>", page);
            Assert.Contains(chart, ChartTitles(page));
        }

        Assert.Equal("sessions", json.Json["kind"]!.GetValue<string>());
        var sessions = json.Json["sessions"]!.AsArray();
        Assert.Equal(["00001", "00002"], sessions.Select(s => s!["sessionId"]!.GetValue<string>()));
        foreach (var session in sessions)
        {
            var row = Row(page, "sessions", session!["sessionId"]!.GetValue<string>());
            string[] fields = ["setupMinutes", "activeMinutes", "idleMinutes", "activeShare", "commits", "linesChanged", "tasksCompleted", "errors", "commitsPerHour", "score"];
            Assert.Equal(fields.Select(f => Text(session[f])), row.Skip(2).Take(fields.Length));
        }

        var totals = Row(page, "totals", null);
        Assert.Equal(Text(json.Json["totals"]!["sessions"]), totals[0]);
        Assert.Equal(Text(json.Json["totals"]!["commits"]), totals[4]);
        Assert.Equal(2, json.Json["week"]!["thisWeek"]!["sessions"]!.GetValue<int>());
        Assert.Equal(1, json.Json["streaks"]!["current"]!.GetValue<int>());
        var goal = json.Json["goals"]!.AsArray().Single(g => g!["goal"]!.GetValue<string>() == "commitsPerHour")!;
        Assert.Equal(goal["verdict"]!.GetValue<string>(), Row(page, "goals", goal["label"]!.GetValue<string>())[3]);
    }

    [Fact]
    public async Task All_SinceAndUntil_KeepTheSessionsStartedInTheRange()
    {
        var cli = await TwoSessionsAsync();
        var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var inRange = await cli.RunAsync("--json", "report", "--all", "--since", Day(0), "--until", Day(0));
        var before = await cli.RunAsync("--json", "report", "--all", "--until", Day(-1));
        var after = await cli.RunAsync("--json", "report", "--all", "--since", Day(1));

        Assert.Equal(2, inRange.Json["totals"]!["sessions"]!.GetValue<int>());
        Assert.Equal(Day(0), inRange.Json["since"]!.GetValue<string>());
        Assert.Equal(0, before.Json["totals"]!["sessions"]!.GetValue<int>());
        Assert.Empty(after.Json["sessions"]!.AsArray());
    }

    [Theory]
    [InlineData("--all makes html or json, not 'md'; use --format html or --format json", "report", "--all", "--format", "md")]
    [InlineData("--since must be a date like 2026-12-01; got 'yesterday'.", "report", "--all", "--since", "yesterday")]
    [InlineData("--until must be a date like 2026-12-01; got '2026-13-01'.", "report", "--all", "--until", "2026-13-01")]
    [InlineData("--until 2026-01-01 is before --since 2026-02-01; give an --until on or after --since.", "report", "--all", "--since", "2026-02-01", "--until", "2026-01-01")]
    [InlineData("The format (--format, or ?format= over HTTP) must be md, json or html; got 'pdf'.", "report", "--format", "pdf")]
    [InlineData("--all makes html or json, not 'pdf'", "report", "--all", "--format", "pdf")]
    [InlineData("--since and --until choose sessions for the report across sessions; add --all, or drop them.", "report", "--since", "2026-01-01")]
    [InlineData("--all reports across sessions, not session 1; drop the id or drop --all.", "report", "1", "--all")]
    [InlineData("--json prints the report as JSON; drop --format html, or drop --json for the html report.", "--json", "report", "--all", "--format", "html")]
    public async Task UserErrors_SayWhatToDo_AndExit2(string message, params string[] args)
    {
        var cli = SessionRepositories.Prepare(_folder);

        var result = await cli.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    internal static void AssertOffline(string page)
    {
        Assert.DoesNotMatch(new Regex("https?://", RegexOptions.IgnoreCase), page);
        // Only references inside the page itself (the charts' clip paths, url(#id)).
        Assert.DoesNotMatch(new Regex(@"(src|href)\s*=\s*[""']?(?!#)|@import|url\(\s*[""']?(?!#)", RegexOptions.IgnoreCase), page);
        Assert.DoesNotContain("<script", page);
        Assert.StartsWith("<!DOCTYPE html>", page);
    }

    private static string ChartTitles(string page) => string.Join('\n', TitleTag().Matches(page).Select(m => m.Groups[1].Value))
        + string.Join('\n', Regex.Matches(page, "<figcaption>([^<]*)</figcaption>").Select(m => m.Groups[1].Value));

    private static string Text(JsonNode? value) => value is null ? "n/a" : value.GetValueKind() == System.Text.Json.JsonValueKind.Number
        ? value.GetValue<double>().ToString("0.###", CultureInfo.InvariantCulture)
        : value.ToString();

    /// <summary>The cells of the row of table <paramref name="table"/> whose key is <paramref name="key"/> (the first row when null).</summary>
    internal static string[] Row(string page, string table, string? key)
    {
        var start = page.IndexOf($"<table id=\"{table}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no table {table}");
        var body = page[start..page.IndexOf("</table>", start, StringComparison.Ordinal)];
        var row = key is null
            ? Regex.Match(body, "<tbody>\\s*<tr[^>]*>(.*?)</tr>").Groups[1].Value
            : Regex.Match(body, $"<tr data-key=\"{Regex.Escape(System.Net.WebUtility.HtmlEncode(key))}\">(.*?)</tr>").Groups[1].Value;
        return [.. Regex.Matches(row, "<td[^>]*>(.*?)</td>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];
    }

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitleTag();

    public void Dispose() => _folder.Dispose();
}
