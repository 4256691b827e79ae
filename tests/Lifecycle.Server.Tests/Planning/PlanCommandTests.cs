using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Planning;

/// <summary><c>lifecycle plan</c> as users run it: the real binary, embedded and through a running server; bad input as one line and exit 2.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CliRunner _cli;

    public PlanCommandTests()
    {
        _cli = SessionRepositories.Prepare(_folder);
    }

    [Theory]
    [InlineData("0", "at least one minute")]
    [InlineData("-2", "at least one minute")]
    [InlineData("0.001", "at least one minute (0.02)")]
    [InlineData("abc", "--hours must be a number of hours above 0 (e.g. 1.5), not 'abc'.")]
    public async Task Hours_that_are_not_a_positive_number_are_one_line_and_exit_2(string hours, string message)
    {
        await RunOkAsync("start");
        await RunOkAsync("task", "add", "something");

        var result = await _cli.RunAsync("plan", "--hours", hours);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(message, line);
    }

    [Fact]
    public async Task With_a_timebox_and_no_hours_the_budget_is_the_time_left_in_it()
    {
        await RunOkAsync("start", "--timebox", "45m");
        await RunOkAsync("task", "add", "something");

        var plan = await _cli.RunAsync("--json", "plan");
        var text = await _cli.RunAsync("plan");

        Assert.Equal(0, plan.ExitCode);
        Assert.Equal("timebox", (string?)plan.Json["budgetFrom"]);
        Assert.InRange(plan.Json["budgetMinutes"]!.GetValue<double>(), 44, 45);
        Assert.Contains("(the time left in the timebox)", text.Stdout);
        Assert.Contains("Next session: no prediction yet (fewer than 5 closed sessions or work sessions in the git history to learn from).", text.Stdout);
    }

    [Fact]
    public async Task A_plan_with_no_task_says_how_to_add_one()
    {
        await RunOkAsync("start");

        var result = await _cli.RunAsync("plan");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: There are no open tasks to plan. Add some with 'lifecycle task add TEXT', then run 'lifecycle plan' again.", result.Stderr.Trim());
    }

    [Fact]
    public async Task The_plan_prints_the_tasks_that_fit_and_those_for_later()
    {
        await RunOkAsync("start");
        await RunOkAsync("task", "add", "first thing", "--priority", "1");
        await RunOkAsync("task", "add", "second thing", "--priority", "2");

        var text = await RunOkAsync("plan", "--hours", "1.5");
        var json = (await RunOkAsync("plan", "--hours", "2", "--format", "json")).Json;

        Assert.Contains("1 of 2 tasks in 60 of 90 minutes (given with --hours)", text.Stdout);
        Assert.Contains("Later (does not fit the budget):", text.Stdout);
        Assert.Contains("T2 (priority 2, 60 (15-240) min): second thing", text.Stdout);
        Assert.Contains("Next session: no prediction yet", text.Stdout);
        Assert.Equal(120, (double)json["budgetMinutes"]!);
        Assert.Equal(["T1", "T2"], json["tasks"]!.AsArray().Where(t => (bool)t!["fits"]!).Select(t => (string?)t!["id"]));
    }

    [Fact]
    public async Task Through_a_running_server_the_plan_is_kept_by_the_server()
    {
        await RunOkAsync("start");
        await RunOkAsync("task", "add", "served");
        await using var server = await RunningServer.StartAsync(_cli);

        var made = (await RunOkAsync("--json", "plan", "--hours", "1")).Json;
        using var client = server.Client();
        var kept = JsonNode.Parse(await client.GetStringAsync("/api/sessions/current/plan"))!;
        var bad = await _cli.RunAsync("plan", "--hours", "0");

        Assert.Equal((string?)made["madeAt"], (string?)kept["madeAt"]);
        Assert.Equal(60, (double)kept["budgetMinutes"]!);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("at least one minute", bad.Stderr);
    }

    private async Task<CliResult> RunOkAsync(params string[] args)
    {
        var result = await _cli.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    public void Dispose() => _folder.Dispose();
}
