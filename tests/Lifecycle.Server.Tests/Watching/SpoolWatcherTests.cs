using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Persistence;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Watching;

/// <summary>The hooks' spool, ingested by the running server as git appends to it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SpoolWatcherTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly ServerFactory _server = new();

    [Fact]
    public async Task ACommitMadeWhileTheServerRuns_IsRecordedWithinSeconds_WithoutACommand()
    {
        Assert.Equal(0, (await _server.Cli.RunAsync("init")).ExitCode);
        var start = await _server.Cli.RunAsync("start");
        Assert.True(start.ExitCode == 0, start.ToString());
        _ = _server.Server;

        _server.Folder.Write("feature.txt", "work\n");
        Git.Run(_server.Repository, "add", "feature.txt");
        Git.Run(_server.Repository, "commit", "-q", "-m", "add the feature");
        var sha = Git.Run(_server.Repository, "rev-parse", "HEAD").Trim();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var store = new SqliteSessionStore(_server.Paths.Database);
        var commits = await Polling.UntilAsync(
            async () => (await store.GetEventsAsync("00001", default)).Where(e => e.Type == SessionEventTypes.GitCommit).ToList(),
            found => found.Count > 0, TimeSpan.FromSeconds(10), "git_commit recorded by the server");

        output.WriteLine($"git_commit recorded {clock.ElapsedMilliseconds} ms after the commit returned");
        var commit = Assert.Single(commits);
        Assert.Equal(sha, commit.Data!["sha"]!.GetValue<string>());
    }

    public void Dispose() => _server.Dispose();
}
