using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>
/// <c>lifecycle demo</c> through the real binary, on a machine as bare as can be made: no global git
/// configuration (HOME is an empty folder), the temp folder inside the test's own, and the current
/// folder a repository of its own that must come out untouched.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class DemoCommandTests
{
    [Fact]
    public async Task Demo_RunsTwoSessionsOnAThrowawayRepository_AndLeavesTheCurrentOneAlone()
    {
        using var folder = new TempFolder();
        var current = Directory.CreateDirectory(Path.Combine(folder.Path, "current")).FullName;
        Git.Init(current);
        File.WriteAllText(Path.Combine(current, "work.txt"), "uncommitted\n");
        var currentStatus = Git.Run(current, "status", "--porcelain");
        var currentHead = Git.Run(current, "rev-parse", "HEAD");
        var cli = Bare(new CliRunner(current), folder);

        var result = await cli.RunAsync("demo");

        Assert.True(result.ExitCode == 0, result.ToString());
        var demo = DemoFolder(result.Stdout);
        Assert.StartsWith(Path.Combine(folder.Path, "tmp"), demo);

        // Two sessions: the first closed with its handoff, the second ACTIVE.
        var sessions = (await Bare(new CliRunner(demo), folder).RunAsync("--json", "sessions")).Json["sessions"]!.AsArray();
        Assert.Equal(["00001", "00002"], sessions.Select(s => s!["sessionId"]!.GetValue<string>()));
        Assert.Equal(["DORMANT", "ACTIVE"], sessions.Select(s => s!["state"]!.GetValue<string>()));

        // The history: three commits of the project, the session's commit, the handoff documents.
        var subjects = Git.Run(demo, "log", "--format=%s", "main").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, subjects.Length);
        Assert.Equal("Greet in French", subjects[1]);
        Assert.Equal(
            ["docs/sessions/SESSION-00001-HANDOFF.json", "docs/sessions/SESSION-00001-HANDOFF.md", "docs/sessions/SESSION-00001-LOG.md", "docs/sessions/SESSION-00001-REPORT.md"],
            Git.Run(demo, "show", "--name-only", "--format=", "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
        Assert.Equal("Ada Demo <ada@demo.invalid>", Git.Run(demo, "log", "-1", "--format=%an <%ae>", "HEAD~1").Trim());

        // A realistic tree: attributes, an executable script, a CRLF script stored with LF, a binary.
        Assert.Contains("100755 ", Git.Run(demo, "ls-files", "-s", "build.sh"));
        Assert.Equal("@echo off\r\ndotnet test\r\n", File.ReadAllText(Path.Combine(demo, "build.cmd")));
        Assert.Equal("@echo off\ndotnet test\n", Git.Run(demo, "show", "HEAD:build.cmd"));
        Assert.Contains("text: unset", Git.Run(demo, "check-attr", "text", "docs/logo.png"));

        // The unfinished work, put away by the end, is back in the work tree after the second start
        // (beside the new session's log, committed at its end).
        Assert.Equal([" M src/Greetings.cs", "?? CHANGELOG.md", "?? docs/sessions/SESSION-00002-LOG.md"], Git.Run(demo, "status", "--porcelain").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Contains("public static string Shout(string name)", File.ReadAllText(Path.Combine(demo, "src", "Greetings.cs")));
        var handoff = (await Bare(new CliRunner(demo), folder).RunAsync("report", "00001", "--format", "json")).Json["handoff"]!;
        Assert.Equal(["CHANGELOG.md", "src/Greetings.cs"], handoff["stash"]!["files"]!.AsArray().Select(f => f!["path"]!.GetValue<string>()).Order());
        Assert.Contains("Shout is half done", handoff["notes"]!.GetValue<string>());

        // What it printed: the commands, the missions, the handoff and where the documents are.
        Assert.Contains("$ lifecycle start", result.Stdout);
        Assert.Contains("$ lifecycle end --yes --note", result.Stdout);
        Assert.Contains("Session 00001 closed.", result.Stdout);
        Assert.Contains("  document:    docs/sessions/SESSION-00001-HANDOFF.md", result.Stdout);
        Assert.Contains("  document:    docs/sessions/SESSION-00002-LOG.md", result.Stdout);
        Assert.DoesNotContain("error", result.Stderr);

        Assert.Equal(currentStatus, Git.Run(current, "status", "--porcelain"));
        Assert.Equal(currentHead, Git.Run(current, "rev-parse", "HEAD"));
        Assert.False(Directory.Exists(Path.Combine(current, ".lifecycle")));
        Assert.Equal("", Git.Run(current, "stash", "list"));
    }

    [Fact]
    public async Task Demo_WithJson_PrintsOneDocumentWithBothSessionsAndTheHandoff()
    {
        using var folder = new TempFolder();
        var cli = Bare(new CliRunner(folder.Path), folder);

        var result = await cli.RunAsync("--json", "demo");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json;
        Assert.Equal(["00001", "00002"], json["sessions"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("00001", json["handoff"]!["sessionId"]!.GetValue<string>());
        Assert.Equal("T2", json["handoff"]!["openItems"]![0]!["id"]!.GetValue<string>());
        Assert.Contains("docs/sessions/SESSION-00001-HANDOFF.json", json["documents"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.True(Directory.Exists(Path.Combine(json["repository"]!.GetValue<string>(), ".git")));
    }

    /// <summary>The runner with no global git configuration and the temp folder inside <paramref name="folder"/>.</summary>
    private static CliRunner Bare(CliRunner cli, TempFolder folder)
    {
        cli.Environment["HOME"] = Directory.CreateDirectory(Path.Combine(folder.Path, "home")).FullName;
        cli.Environment["XDG_CONFIG_HOME"] = Path.Combine(folder.Path, "home", ".config");
        cli.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        cli.Environment["TMPDIR"] = Directory.CreateDirectory(Path.Combine(folder.Path, "tmp")).FullName;
        return cli;
    }

    /// <summary>The folder the demo names on its first line.</summary>
    private static string DemoFolder(string stdout)
    {
        const string Prefix = "Lifecycle demo in ";
        var first = stdout.Split('\n')[0].Trim();
        Assert.StartsWith(Prefix, first);
        return first[Prefix.Length..];
    }
}
