using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>Mistakes with the session commands: exit 2 (or 4 for a state conflict) and one line that says what to do.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class SessionUsageErrorTests
{
    [Theory]
    [InlineData(2, "Say what to change: lifecycle task edit T1 --title", "task", "edit", "T1")]
    [InlineData(2, "Priority 9 is out of range", "task", "edit", "T1", "--priority", "9")]
    [InlineData(2, "No task has id 'T9'", "task", "remove", "T9")]
    [InlineData(2, "Task T1 is already open", "task", "reopen", "T1")]
    [InlineData(2, "A task needs a title", "task", "add", " ")]
    [InlineData(2, "There is no session 00099", "sessions", "show", "99")]
    [InlineData(2, "'abc' is not a session id", "sessions", "show", "abc")]
    [InlineData(2, "must be md, json or html; got 'pdf'", "report", "--format", "pdf")]
    [InlineData(2, "Unknown command 'shwo'. Did you mean 'show'?", "sessions", "shwo")]
    public async Task Mistake_ExitsWithOneLineThatSaysWhatToDo(int exitCode, string message, params string[] args)
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "one")).ExitCode);

        var result = await cli.RunAsync(args);

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Contains(message, Assert.Single(result.Stderr.Trim().Split('\n')));
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task TaskEditReopenRemove_ChangeTheTask_AndListAllShowsTasksDoneEarlier()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "first")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "typo")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "done early")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "done", "T3")).ExitCode);

        Assert.Equal("Edited T1: first, better\n", (await cli.RunAsync("task", "edit", "T1", "--title", "first, better", "--priority", "1")).Stdout);
        Assert.Equal("Removed T2: typo\n", (await cli.RunAsync("task", "remove", "T2")).Stdout);
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        var added = await cli.RunAsync("--json", "task", "add", "new in session 2");
        var all = await cli.RunAsync("task", "list", "--all");

        Assert.Equal("T4", added.Json["task"]!["id"]!.GetValue<string>());
        Assert.Contains("T1  1         open", all.Stdout);
        Assert.Contains("done in 00001", all.Stdout);
        Assert.DoesNotContain("typo", all.Stdout);
        Assert.Equal(0, (await cli.RunAsync("task", "done", "T1")).ExitCode);
        Assert.Equal("Reopened T1: first, better\n", (await cli.RunAsync("task", "reopen", "T1")).Stdout);
    }
}
