using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Collaboration;

/// <summary><c>end --to NAME</c>: the handoff says whom it is for, and the next start says so, plainly when someone else starts.</summary>
public class HandoffAddressTests
{
    [Fact]
    public async Task EndTo_IsInTheHandoff_AndTheNextStartBySomeoneElseSaysItWasNotForThem()
    {
        using var folder = new TempFolder();
        var cli = Clones.AsPerson(SessionRepositories.Prepare(folder));
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "finish the parser")).ExitCode);

        var end = await cli.RunAsync("--json", "end", "--yes", "--to", "dana");

        Assert.True(end.ExitCode == 0, end.ToString());
        Assert.Equal("dana", end.Json["handoffTo"]!.GetValue<string>());
        Assert.Contains("- **Handoff For**: dana", File.ReadAllText(Path.Combine(folder.Path, "docs", "sessions", "SESSION-00001-HANDOFF.md")));
        Assert.Contains("\"handoffTo\": \"dana\"", File.ReadAllText(Path.Combine(folder.Path, "docs", "sessions", "SESSION-00001-HANDOFF.json")));

        var start = await cli.RunAsync("start");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Contains("The handoff of session 00001 (from Test User <test@example.com>) was addressed to dana.", start.Stdout);
        Assert.Contains("You are Test User <test@example.com>, not dana: this handoff was meant for dana.", start.Stdout);
        var show = await cli.RunAsync("sessions", "show", "1");
        Assert.Contains("handoff for: dana", show.Stdout);
    }

    [Fact]
    public async Task EndTo_TheOneWhoStartsNext_IsToldWhomItWasForWithoutTheWarning()
    {
        using var folder = new TempFolder();
        var cli = Clones.AsPerson(SessionRepositories.Prepare(folder));
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("end", "--yes", "--to", "Dana")).ExitCode);
        Git.Run(folder.Path, "config", "user.name", "Dana Scully");
        Git.Run(folder.Path, "config", "user.email", "dana@example.com");

        var start = await cli.RunAsync("start");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Contains("was addressed to Dana.", start.Stdout);
        Assert.DoesNotContain("You are", start.Stdout);
    }

    [Fact]
    public async Task EndTo_AnAgent_MatchesTheAgentThatStartsNext()
    {
        using var folder = new TempFolder();
        var cli = Clones.AsPerson(SessionRepositories.Prepare(folder));
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("end", "--yes", "--to", "claude-code")).ExitCode);
        cli.Environment["CLAUDECODE"] = "1";

        var start = await cli.RunAsync("start");

        Assert.Contains("was addressed to claude-code.", start.Stdout);
        Assert.DoesNotContain("You are", start.Stdout);
    }
}
