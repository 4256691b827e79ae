using System.Security.Cryptography;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>A process killed during session-start, around the restore of the stashed work: the next start finishes it with every file back.</summary>
public class SessionStartCrashTests
{
    [Theory]
    [InlineData("stash")]
    [InlineData("changes")]
    [InlineData("mission")]
    public async Task KilledDuringStart_TheNextStartFinishesIt_WithEveryFileBackAndTheStashDropped(string activity)
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        folder.Write("gone.txt", "to be deleted\n");
        Git.Run(folder.Path, "add", "gone.txt");
        Git.Run(folder.Path, "commit", "-q", "-m", "a file to delete");
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        folder.Write("README.md", "# test\nstaged\n");
        folder.Write("added.txt", "new and staged\n");
        Git.Run(folder.Path, "add", "README.md", "added.txt");
        Git.Run(folder.Path, "rm", "-q", "gone.txt");
        folder.Write("README.md", "# test\nstaged\nand more, not staged\n");
        folder.Write("notes/idea.txt", "untracked\n");
        var before = Snapshot(folder.Path);
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);

        cli.Environment["LIFECYCLE_CRASH_AT"] = activity;
        var crashed = await cli.RunAsync("start");
        cli.Environment.Remove("LIFECYCLE_CRASH_AT");
        var next = await cli.RunAsync("--json", "start");

        Assert.NotEqual(0, crashed.ExitCode);
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal("00002", next.Json["sessionId"]!.GetValue<string>());
        Assert.Equal(before, Snapshot(folder.Path));
        Assert.Equal("", Git.Run(folder.Path, "stash", "list"));
        var status = await cli.RunAsync("--json", "status");
        Assert.Equal("ACTIVE", status.Json["state"]!.GetValue<string>());
        Assert.Empty(status.Json["blockers"]!.AsArray());
    }

    /// <summary>Every file's content, what is staged, and git's status.</summary>
    private static string Snapshot(string root) => string.Join("\n",
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/") && !f.StartsWith(".lifecycle/") && !f.StartsWith("docs/sessions/"))
            .Order(StringComparer.Ordinal)
            .Select(f => $"{f} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(root, f))))}"))
        + "\n" + Git.Run(root, "diff", "--cached", "--name-status")
        + Git.Run(root, "status", "--porcelain", "--untracked-files=all", "--", ".", ":!docs/sessions");
}
