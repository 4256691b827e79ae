using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>
/// Ctrl-C (SIGINT) or SIGTERM during <c>end</c> or <c>start</c>: the command stops at a safe point
/// with one line saying what state it left, and the next command finishes the job, every file back.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class SignalInterruptTests
{
    [Theory]
    [InlineData("stash")]
    [InlineData("handoff:TERM")]
    public async Task End_Interrupted_SaysWhatItLeft_AndTheNextEndFinishesTheCloseWithItsNote(string interruptAt)
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        folder.Write("draft.txt", "half-done\n");
        folder.Write("README.md", "# test\nedited\n");

        cli.Environment["LIFECYCLE_INTERRUPT_AT"] = interruptAt;
        var interrupted = await cli.RunAsync("end", "--yes");
        cli.Environment.Remove("LIFECYCLE_INTERRUPT_AT");

        Assert.True(interrupted.ExitCode == 130, interrupted.ToString());
        var line = Assert.Single(interrupted.Stderr.Trim().Split('\n'));
        Assert.StartsWith("error: Interrupted: session 00001 was left CLOSING at a safe point", line);
        Assert.Contains("Run 'lifecycle end' to finish the close", line);

        var finished = await cli.RunAsync("--json", "end", "--note", "after the interrupt");

        Assert.True(finished.ExitCode == 0, finished.ToString());
        Assert.Equal("00001", finished.Json["sessionId"]!.GetValue<string>());
        if (finished.Json["notes"]?.GetValue<string>() != "after the interrupt")
        {
            // Stopped after its handoff was written: the note is said to go to the next session.
            Assert.Contains("the handoff of session 00001 was written before this note", finished.Stderr);
        }

        Assert.Equal("", Git.Run(folder.Path, "status", "--porcelain"));
        var next = await cli.RunAsync("--json", "start");
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal("after the interrupt", next.Json["handoffNotes"]!.GetValue<string>());
        Assert.Equal("half-done\n", File.ReadAllText(Path.Combine(folder.Path, "draft.txt")));
        Assert.Equal("# test\nedited\n", File.ReadAllText(Path.Combine(folder.Path, "README.md")));
    }

    [Fact]
    public async Task Start_InterruptedWhileRestoring_SaysWhatItLeft_AndTheNextStartFinishesIt()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "carry me")).ExitCode);
        folder.Write("draft.txt", "half-done\n");
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);

        cli.Environment["LIFECYCLE_INTERRUPT_AT"] = "stash";
        var interrupted = await cli.RunAsync("start");
        cli.Environment.Remove("LIFECYCLE_INTERRUPT_AT");

        Assert.True(interrupted.ExitCode == 130, interrupted.ToString());
        var line = Assert.Single(interrupted.Stderr.Trim().Split('\n'));
        Assert.StartsWith("error: Interrupted: session 00002 stopped at a safe point, still INITIALIZING", line);

        var again = await cli.RunAsync("--json", "start");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal("00002", again.Json["sessionId"]!.GetValue<string>());
        Assert.Equal("ACTIVE", again.Json["state"]!.GetValue<string>());
        Assert.Equal("carry me", again.Json["openTasks"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("half-done\n", File.ReadAllText(Path.Combine(folder.Path, "draft.txt")));
        Assert.Equal("", Git.Run(folder.Path, "stash", "list"));
    }

    [Fact]
    public async Task End_InterruptedBeforeTheCloseBegan_ChangesNothing_AndTheNextEndRunsWithItsOwnOptions()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        folder.Write("draft.txt", "half-done\n");

        cli.Environment["LIFECYCLE_INTERRUPT_AT"] = "check";
        var interrupted = await cli.RunAsync("end", "--yes", "--note", "first try");
        cli.Environment.Remove("LIFECYCLE_INTERRUPT_AT");

        Assert.True(interrupted.ExitCode == 130, interrupted.ToString());
        var line = Assert.Single(interrupted.Stderr.Trim().Split('\n'));
        Assert.Equal("error: Interrupted before the close began: nothing was changed; session 00001 is still ACTIVE. Run 'lifecycle end' again to close it.", line);
        Assert.Equal("ACTIVE", (await cli.RunAsync("--json", "status")).Json["state"]!.GetValue<string>());

        var closed = await cli.RunAsync("--json", "end", "--yes", "--no-stash", "--note", "second try");

        Assert.True(closed.ExitCode == 0, closed.ToString());
        Assert.Equal("second try", closed.Json["notes"]!.GetValue<string>());
        Assert.Equal("half-done\n", File.ReadAllText(Path.Combine(folder.Path, "draft.txt")));
        Assert.Equal("", Git.Run(folder.Path, "stash", "list"));
    }

    [Fact]
    public async Task Start_InterruptedBeforeItsAutoCloseBegan_ChangesNothing_AndTheNextEndRunsWithItsOwnOptions()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        folder.Write("draft.txt", "half-done\n");
        cli.Environment["LIFECYCLE_CLOCK_SHIFT"] = "10800";

        cli.Environment["LIFECYCLE_INTERRUPT_AT"] = "check";
        var interrupted = await cli.RunAsync("start");
        cli.Environment.Remove("LIFECYCLE_INTERRUPT_AT");

        Assert.True(interrupted.ExitCode == 130, interrupted.ToString());
        Assert.Contains("error: Interrupted before the close of session 00001 began: nothing was changed; it is still ACTIVE.", interrupted.Stderr);
        Assert.Equal("ACTIVE", (await cli.RunAsync("--json", "status")).Json["state"]!.GetValue<string>());
        var closed = await cli.RunAsync("--json", "end", "--yes", "--no-stash", "--note", "mine");
        Assert.True(closed.ExitCode == 0, closed.ToString());
        Assert.Equal("mine", closed.Json["notes"]!.GetValue<string>());
        Assert.Equal("half-done\n", File.ReadAllText(Path.Combine(folder.Path, "draft.txt")));
    }
}
