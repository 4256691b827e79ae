using System.Security.Cryptography;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>A process killed during session-end, at each activity in turn: the next command finishes the close and nothing is lost.</summary>
public class SessionEndCrashTests
{
    [Theory]
    [InlineData("now")]
    [InlineData("$.root.activities[4]")]
    [InlineData("check")]
    [InlineData("stash")]
    [InlineData("productivity")]
    [InlineData("handoff")]
    [InlineData("docs")]
    [InlineData("$.root.activities[10]")]
    [InlineData("$.root.activities[11]")]
    [InlineData("$.root.activities[12]")]
    public async Task KilledDuringEnd_TheNextStartFinishesTheClose_AndGivesTheWorkBack(string activity)
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        await cli.RunAsync("init");
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        folder.Write("README.md", "# test\nchanged\n");
        folder.Write("new/file.txt", "new\n");
        var before = Snapshot(folder.Path);

        cli.Environment["LIFECYCLE_CRASH_AT"] = activity;
        var crashed = await cli.RunAsync("end", "--yes");
        cli.Environment.Remove("LIFECYCLE_CRASH_AT");
        var next = await cli.RunAsync("--json", "start");

        Assert.NotEqual(0, crashed.ExitCode);
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal("00002", next.Json["sessionId"]!.GetValue<string>());
        var sessions = (await cli.RunAsync("--json", "sessions")).Json["sessions"]!.AsArray();
        Assert.Equal("DORMANT", sessions[0]!["state"]!.GetValue<string>());
        Assert.Contains("docs/sessions/SESSION-00001-HANDOFF.json", Git.Run(folder.Path, "log", "--name-only", "--format="));
        Assert.Equal(before, Snapshot(folder.Path));
    }

    private static string Snapshot(string root) => string.Join("\n",
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/") && !f.StartsWith(".lifecycle/") && !f.StartsWith("docs/sessions/"))
            .Order(StringComparer.Ordinal)
            .Select(f => $"{f} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(root, f))))}"));
}
