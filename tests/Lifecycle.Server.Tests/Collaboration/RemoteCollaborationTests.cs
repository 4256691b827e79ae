using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Collaboration;

/// <summary>The collaboration commands through a running <c>lifecycle serve</c>: the CLI sends its agent, assignees and addressee over HTTP.</summary>
public class RemoteCollaborationTests
{
    [Fact]
    public async Task ThroughTheServer_TheCliSendsItsAgentAssigneesAndAddressee_AndWhoShowsTheOpenSession()
    {
        using var folder = new TempFolder();
        var cli = Clones.AsPerson(SessionRepositories.Prepare(folder));
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        await using var server = await RunningServer.StartAsync(cli);
        cli.Environment["LIFECYCLE_AGENT"] = "nightly-bot";

        var start = await cli.RunAsync("--json", "start", "--yes");
        var added = await cli.RunAsync("task", "add", "triage the flaky test", "--assignee", "dana");
        var who = await cli.RunAsync("who", "--format", "json");
        var end = await cli.RunAsync("--json", "end", "--yes", "--to", "dana");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal("nightly-bot", start.Json["agent"]!.GetValue<string>());
        Assert.Equal("Added T1: triage the flaky test (for dana)\n", added.Stdout);
        var row = Assert.Single(who.Json["people"]!.AsArray())!;
        Assert.Equal("open", row["state"]!.GetValue<string>());
        Assert.Equal("nightly-bot", row["agent"]!.GetValue<string>());
        Assert.Equal("dana", row["tasks"]![0]!["assignee"]!.GetValue<string>());
        Assert.True(end.ExitCode == 0, end.ToString());
        Assert.Equal("dana", end.Json["handoffTo"]!.GetValue<string>());
        Assert.Equal("agent", end.Json["ranBy"]!["kind"]!.GetValue<string>());
    }
}
