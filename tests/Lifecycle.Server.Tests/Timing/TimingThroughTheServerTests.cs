using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Timing;

/// <summary>With a real <c>lifecycle serve</c> running, <c>start --timebox</c>, <c>status</c> and <c>suggest</c> go through it and print what they print embedded.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TimingThroughTheServerTests
{
    [Fact]
    public async Task Timebox_status_and_suggestions_travel_over_http()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        await using var server = await RunningServer.StartAsync(cli);

        var start = await cli.RunAsync("start", "--yes", "--timebox", "45m");
        var status = await cli.RunAsync("--json", "status");
        var text = await cli.RunAsync("status");
        var suggest = await cli.RunAsync("suggest", "--format", "json");
        var refused = await cli.RunAsync("start", "--yes", "--timebox", "45 minutes please");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Contains("Timebox: 45 minutes, until ", start.Stdout);
        Assert.Equal(45, status.Json["timeboxMinutes"]!.GetValue<int>());
        Assert.InRange(status.Json["timing"]!["minutesLeft"]!.GetValue<int>(), 43, 45);
        Assert.Contains("  timebox: 45 min, ", text.Stdout);
        Assert.Equal(0, suggest.Json["sessions"]!.GetValue<int>());
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--timebox takes minutes or hours and minutes", refused.Stderr);

        Assert.Equal(0, (await server.StopAsync()).ExitCode);
        var log = string.Join('\n', Directory.GetFiles(Path.Combine(folder.Path, ".lifecycle", "logs")).Select(File.ReadAllText));
        Assert.Contains("\"RequestPath\":\"/api/sessions/start\"", log);
        Assert.Contains("\"RequestPath\":\"/api/suggestions\"", log);
    }
}
