using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Timing;

/// <summary>
/// <c>start --timebox</c> and <c>status</c> through the real binary, without a server: the timebox is
/// stored with the session, and status works out the time left and the due reminders from the clock.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TimeboxCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CliRunner _cli;

    public TimeboxCommandTests()
    {
        _cli = SessionRepositories.Prepare(_folder);
    }

    [Theory]
    [InlineData("--timebox=0")]
    [InlineData("--timebox=-5")]
    [InlineData("--timebox=13h")]
    [InlineData("--timebox=90x")]
    [InlineData("--timebox=1.5h")]
    public async Task Start_WithABadTimebox_ExitsTwoWithOneLineNamingTheAcceptedFormsAndStartsNothing(string option)
    {
        var start = await _cli.RunAsync("start", option);

        Assert.Equal(2, start.ExitCode);
        var line = Assert.Single(start.Stderr.Trim().Split('\n'));
        Assert.Equal($"error: --timebox takes minutes or hours and minutes, like 45, 90m, 1h30m or 2h, from 1 minute to 12 hours; got '{option["--timebox=".Length..]}'.", line);
        Assert.False(File.Exists(Path.Combine(_folder.Path, ".lifecycle", "state.json")));
    }

    [Fact]
    public async Task Start_WithATimebox_StoresItShowsItInTheMissionAndStatusCountsDown()
    {
        var start = await _cli.RunAsync("start", "--timebox", "1h30m");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Contains("Timebox: 90 minutes, until ", start.Stdout);
        var json = (await _cli.RunAsync("--json", "status")).Json;
        Assert.Equal(90, json["timeboxMinutes"]!.GetValue<int>());
        Assert.InRange(json["timing"]!["minutesLeft"]!.GetValue<int>(), 88, 90);
        Assert.Empty(json["reminders"]!.AsArray());
        var text = await _cli.RunAsync("status");
        Assert.Contains("  timebox: 1 h 30 min, ", text.Stdout);
        Assert.DoesNotContain("reminder:", text.Stdout);
    }

    [Fact]
    public async Task Status_WithoutAServer_ShowsTheRemindersDueByTheClock()
    {
        Assert.Equal(0, (await _cli.RunAsync("start", "--timebox", "90m")).ExitCode);

        // 80 minutes later: inside the last 15 minutes of the timebox.
        _cli.Environment["LIFECYCLE_CLOCK_SHIFT"] = "4800";
        var text = await _cli.RunAsync("status");
        var json = (await _cli.RunAsync("--json", "status")).Json;

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Matches(@"  reminder: 1\d minutes left in the 1 h 30 min timebox \(it ends at \d\d:\d\d\)", text.Stdout);
        var reminder = Assert.Single(json["reminders"]!.AsArray())!;
        Assert.Equal("time_left", reminder["kind"]!.GetValue<string>());
        Assert.Contains("left in the 1 h 30 min timebox", reminder["message"]!.GetValue<string>());
        Assert.False(json["timing"]!["reminders"]![0]!["recorded"]!.GetValue<bool>());

        // Two hours later: the timebox is over.
        _cli.Environment["LIFECYCLE_CLOCK_SHIFT"] = "7200";
        var over = await _cli.RunAsync("status");
        Assert.Contains("over by ", over.Stdout);
        Assert.Contains("  reminder: The 1 h 30 min timebox ended at ", over.Stdout);
    }

    [Fact]
    public async Task Start_WithoutATimebox_TakesTheConfiguredDefault()
    {
        _folder.Write(".lifecycle/config.json", """{ "realityChecks": { "builtins": { "diskSpace": { "enabled": false } } }, "timing": { "timeboxMinutes": 50 } }""");

        Assert.Equal(0, (await _cli.RunAsync("start")).ExitCode);

        Assert.Equal(50, (await _cli.RunAsync("--json", "status")).Json["timeboxMinutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_repositorys_own_session_start_without_the_timing_inputs_still_starts_with_the_timebox()
    {
        // The default definition as a repository may have copied it before the timebox existed.
        var definition = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "workflows", "session-start.json")))!.AsObject();
        definition.Remove("$schema");
        definition["inputs"]!.AsObject().Remove("timebox");
        definition["inputs"]!.AsObject().Remove("suggestions");
        foreach (var step in definition["root"]!["activities"]!.AsArray())
        {
            step!.AsObject().Remove("timebox");
            step.AsObject().Remove("suggestions");
        }

        _folder.Write(".lifecycle/workflows/session-start.json", definition.ToJsonString());

        var start = await _cli.RunAsync("start", "--timebox", "2h");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal(120, (await _cli.RunAsync("--json", "status")).Json["timeboxMinutes"]!.GetValue<int>());
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Lifecycle.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Lifecycle.sln not found above the test binaries.");
    }

    public void Dispose() => _folder.Dispose();
}
