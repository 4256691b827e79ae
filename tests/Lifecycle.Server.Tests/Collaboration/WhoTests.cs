using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Collaboration;

/// <summary><c>lifecycle who</c>: who is on what, from the handoffs two real clones pushed to a bare origin.</summary>
public class WhoTests
{
    [Fact]
    public async Task Who_ReadsTheHandoffsEveryClonePushed_PerPersonWithBranchTasksAndAddressee()
    {
        using var clones = new Clones();
        var (annFolder, ann) = clones.Clone("ann", "Ann Perkins", "ann@example.com");
        var (benFolder, ben) = clones.Clone("ben", "Ben Wyatt", "ben@example.com");

        Assert.Equal(0, (await ann.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await ann.RunAsync("task", "add", "review Parser.cs", "--assignee", "ben")).ExitCode);
        Assert.Equal(0, (await ann.RunAsync("task", "add", "write the guide")).ExitCode);
        var annEnd = await ann.RunAsync("end", "--yes", "--to", "ben");
        Assert.True(annEnd.ExitCode == 0, annEnd.ToString());
        Git.Run(annFolder, "push", "-q", "origin", "main");

        Git.Run(benFolder, "switch", "-q", "-c", "feature");
        Assert.Equal(0, (await ben.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await ben.RunAsync("task", "add", "speed up the build")).ExitCode);
        Assert.Equal(0, (await ben.RunAsync("end", "--yes")).ExitCode);
        Git.Run(benFolder, "push", "-q", "origin", "feature");

        Git.Run(annFolder, "fetch", "-q", "origin");
        var who = await ann.RunAsync("who", "--format", "json");
        var text = await ann.RunAsync("who");

        Assert.True(who.ExitCode == 0, who.ToString());
        var people = who.Json["people"]!.AsArray();
        Assert.Equal(2, people.Count);
        var annRow = people.Single(p => p!["name"]!.GetValue<string>() == "Ann Perkins")!;
        var benRow = people.Single(p => p!["name"]!.GetValue<string>() == "Ben Wyatt")!;
        Assert.Equal("closed", annRow["state"]!.GetValue<string>());
        Assert.Equal("main", annRow["branch"]!.GetValue<string>());
        Assert.Equal("ben", annRow["handoffTo"]!.GetValue<string>());
        Assert.Contains("origin/main", annRow["refs"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["T1", "T2"], annRow["tasks"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()));
        Assert.Equal("ben", annRow["tasks"]![0]!["assignee"]!.GetValue<string>());
        Assert.Equal("feature", benRow["branch"]!.GetValue<string>());
        Assert.Equal(["origin/feature"], benRow["refs"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("review Parser.cs", Assert.Single(benRow["assigned"]!.AsArray())!["title"]!.GetValue<string>());
        Assert.Equal("person", benRow["kind"]!.GetValue<string>());

        Assert.Contains("Ann Perkins <ann@example.com>", text.Stdout);
        Assert.Matches(@"Ben Wyatt <ben@example.com>\s+person\s+closed\s+feature", text.Stdout);
        Assert.Contains("T1 (for ben), T2", text.Stdout);

        // Ann at work again: her open session is shown before anything committed.
        Assert.Equal(0, (await ann.RunAsync("start")).ExitCode);
        var open = await ann.RunAsync("--json", "who");
        var first = open.Json["people"]![0]!;
        Assert.Equal("Ann Perkins", first["name"]!.GetValue<string>());
        Assert.Equal("open", first["state"]!.GetValue<string>());
        Assert.Equal(["current"], first["refs"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Who_WithNothingCommittedAndNoSession_SaysHowToSeeTheOthers()
    {
        using var clones = new Clones();
        var (_, cli) = clones.Clone("solo", "Solo", "solo@example.com");

        var who = await cli.RunAsync("who");

        Assert.Equal(0, who.ExitCode);
        Assert.Contains("Run 'git fetch'", who.Stdout);
    }

    [Fact]
    public async Task Who_OverHttp_ShowsTheServersCurrentSession()
    {
        using var server = new ServerFactory();
        var client = server.Authorized();
        Assert.True((await client.PostAsync("/api/sessions/start", JsonContent.Create(new { yes = true, agent = "claude-code" }))).IsSuccessStatusCode);

        var who = JsonNode.Parse(await client.GetStringAsync("/api/who"))!;

        var row = Assert.Single(who["people"]!.AsArray())!;
        Assert.Equal("open", row["state"]!.GetValue<string>());
        Assert.Equal("claude-code", row["agent"]!.GetValue<string>());
        Assert.Equal("agent", row["kind"]!.GetValue<string>());
        Assert.Equal("main", row["branch"]!.GetValue<string>());
    }
}
