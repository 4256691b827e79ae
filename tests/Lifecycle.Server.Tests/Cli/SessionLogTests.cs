using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>SESSION-NNNNN-LOG.md is a log: every event appended as it happens, timestamped, committed at the close.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class SessionLogTests
{
    [Fact]
    public async Task TheCommittedLog_HasTheStartTasksCommitsBranchSwitchesErrorsCheckpointsAndTheClose()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "write the parser")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "ask for review")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "block", "T2", "--reason", "reviewer away")).ExitCode);
        folder.Write("parser.cs", "class Parser {}\n");
        Git.Run(folder.Path, "add", "-A");
        Git.Run(folder.Path, "commit", "-q", "-m", "Parser: first cut");
        Git.Run(folder.Path, "checkout", "-q", "-b", "feature");
        Assert.Equal(0, (await cli.RunAsync("event", "error_occurred", "--message", "build failed: CS1002")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "done", "T1")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("checkpoint")).ExitCode);

        var end = await cli.RunAsync("end", "--yes");

        Assert.True(end.ExitCode == 0, end.ToString());
        var log = Git.Run(folder.Path, "show", "HEAD:docs/sessions/SESSION-00001-LOG.md");
        var entries = log.Split('\n').Where(l => l.StartsWith("- 20", StringComparison.Ordinal)).ToList();
        Assert.Contains(entries, e => e.Contains("[start]"));
        Assert.Contains(entries, e => e.Contains("[task]") && e.Contains("write the parser"));
        Assert.Contains(entries, e => e.Contains("[task]") && e.Contains("reviewer away"));
        Assert.Contains(entries, e => e.Contains("[commit]") && e.Contains("Parser: first cut"));
        Assert.Contains(entries, e => e.Contains("[branch]") && e.Contains("feature"));
        Assert.Contains(entries, e => e.Contains("[error]") && e.Contains("build failed: CS1002"));
        Assert.Contains(entries, e => e.Contains("[checkpoint]"));
        Assert.Contains(entries, e => e.Contains("[close]"));
        Assert.Contains("build failed: CS1002", Git.Run(folder.Path, "show", "HEAD:docs/sessions/SESSION-00001-HANDOFF.md"));
    }
}
