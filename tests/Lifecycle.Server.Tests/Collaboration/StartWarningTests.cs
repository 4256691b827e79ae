using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Collaboration;

/// <summary>The start warns when another clone's session, seen through its pushed handoff, left work on the files this clone is changing.</summary>
public class StartWarningTests
{
    [Fact]
    public async Task Start_WhileAnotherClonesSessionLeftUncommittedWorkAndATaskOnTheSameFiles_WarnsInTheMissionAndTheLog()
    {
        using var clones = new Clones();
        var (annFolder, ann) = clones.Clone("ann", "Ann Perkins", "ann@example.com");
        var (benFolder, ben) = clones.Clone("ben", "Ben Wyatt", "ben@example.com");

        Assert.Equal(0, (await ann.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await ann.RunAsync("task", "add", "Split Parser.cs into lexer and parser", "--assignee", "ann")).ExitCode);
        File.WriteAllText(Path.Combine(annFolder, "shared.cs"), "class Shared { int half; }\n");
        var end = await ann.RunAsync("end", "--yes");
        Assert.True(end.ExitCode == 0, end.ToString());
        Git.Run(annFolder, "push", "-q", "origin", "main");

        Git.Run(benFolder, "fetch", "-q", "origin");
        File.WriteAllText(Path.Combine(benFolder, "shared.cs"), "class Shared { string other; }\n");
        File.WriteAllText(Path.Combine(benFolder, "src", "Parser.cs"), "class Parser { }\n");

        var start = await ben.RunAsync("start");
        var json = await ben.RunAsync("--json", "status");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.DoesNotContain("Warnings (0)", start.Stdout);
        Assert.Matches(@"Warnings \(\d+\):(\n  .*)*\n  Ann Perkins <ann@example.com> \(person\) \(session 00001 on origin/main", start.Stdout);
        Assert.Contains("uncommitted work (put away in their stash) on shared.cs", start.Stdout);
        Assert.Contains("open task T1 \"Split Parser.cs into lexer and parser\" (for ann) on src/Parser.cs", start.Stdout);
        var warning = Assert.Single(json.Json["warnings"]!.AsArray(), w => w!.GetValue<string>().Contains("Ann Perkins"))!.GetValue<string>();
        Assert.Contains("shared.cs", warning);
        var log = File.ReadAllText(Path.Combine(benFolder, "docs", "sessions", "SESSION-00001-LOG.md"));
        Assert.Contains("Ann Perkins", log);
    }

    [Fact]
    public async Task Start_WhenTheOtherSessionsWorkIsOnOtherFiles_SaysNothing()
    {
        using var clones = new Clones();
        var (annFolder, ann) = clones.Clone("ann", "Ann Perkins", "ann@example.com");
        var (benFolder, ben) = clones.Clone("ben", "Ben Wyatt", "ben@example.com");
        Assert.Equal(0, (await ann.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await ann.RunAsync("task", "add", "Split Parser.cs")).ExitCode);
        File.WriteAllText(Path.Combine(annFolder, "shared.cs"), "class Shared { int half; }\n");
        Assert.Equal(0, (await ann.RunAsync("end", "--yes")).ExitCode);
        Git.Run(annFolder, "push", "-q", "origin", "main");
        Git.Run(benFolder, "fetch", "-q", "origin");
        File.WriteAllText(Path.Combine(benFolder, "README.md"), "# mine\n");

        var start = await ben.RunAsync("start");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.DoesNotContain("⚠️", start.Stdout);
        Assert.DoesNotContain("Ann Perkins", start.Stdout);
    }

    [Fact]
    public async Task Start_ContinuingFromTheOtherClonesHandoff_DoesNotWarnAboutIt()
    {
        using var clones = new Clones();
        var (annFolder, ann) = clones.Clone("ann", "Ann Perkins", "ann@example.com");
        var (benFolder, ben) = clones.Clone("ben", "Ben Wyatt", "ben@example.com");
        Assert.Equal(0, (await ann.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await ann.RunAsync("task", "add", "Split Parser.cs")).ExitCode);
        Assert.Equal(0, (await ann.RunAsync("end", "--yes", "--to", "ben")).ExitCode);
        Git.Run(annFolder, "push", "-q", "origin", "main");
        Git.Run(benFolder, "pull", "-q", "origin", "main");
        File.WriteAllText(Path.Combine(benFolder, "src", "Parser.cs"), "class Parser { }\n");

        var start = await ben.RunAsync("start");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Contains("was addressed to ben.", start.Stdout);
        Assert.DoesNotContain("⚠️", start.Stdout);
    }
}
