using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>Two session commands at once: exactly one does the work, the other changes nothing and exits 4.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class ConcurrentEndTests
{
    [Fact]
    public async Task TwoEndsAtOnce_OneClosesTheSession_TheOtherExitsWithTheConflictLine_AndTheWinnersNoteIsKept()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        for (var i = 0; i < 40; i++)
        {
            folder.Write($"work/file{i}.txt", $"draft {i}\n");
        }

        var first = cli.RunAsync("--json", "end", "--yes", "--note", "note A");
        var second = cli.RunAsync("--json", "end", "--yes", "--note", "note B");
        var results = await Task.WhenAll(first, second);

        var winner = Assert.Single(results, r => r.ExitCode == 0);
        var loser = Assert.Single(results, r => r.ExitCode != 0);
        Assert.True(loser.ExitCode == 4, loser.ToString());
        Assert.Single(loser.Stderr.Trim().Split('\n'));
        var note = winner.Json["notes"]!.GetValue<string>();
        Assert.Contains(note, new[] { "note A", "note B" });
        var stashed = winner.Json["stash"]!["files"]!.AsArray().Select(f => f!["path"]!.GetValue<string>()).ToList();
        Assert.Equal(40, stashed.Count);
        Assert.Empty(winner.Json["stash"]!["skipped"]!.AsArray());

        var next = await cli.RunAsync("--json", "start");
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal(note, next.Json["handoffNotes"]!.GetValue<string>());
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal($"draft {i}\n", File.ReadAllText(Path.Combine(folder.Path, "work", $"file{i}.txt")));
        }
    }
}
