using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Persistence;
using Lifecycle.Server.Tests.Support;
using Lifecycle.Server.Watching;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Server.Tests.Watching;

/// <summary>The server's watcher on a real repository with a session started by the real CLI.</summary>
public sealed class WorkTreeWatcherTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly ServerFactory _server = new();

    [Fact]
    public async Task WritesInTheWorkTree_AreRecordedOncePerBurst_ButNeverIgnoredOrGitFiles()
    {
        await StartSessionAsync();
        _ = _server.Server;
        Assert.True(_server.Services.GetRequiredService<WorkTreeWatcher>().IsWatching);

        Directory.CreateDirectory(Path.Combine(_server.Repository, "src"));
        for (var save = 1; save <= 50; save++)
        {
            _server.Folder.Write("src/app.cs", $"// save {save}\n");
        }

        _server.Folder.Write("build/out.bin", "ignored by .gitignore");
        _server.Folder.Write("debug.log", "ignored by .gitignore");
        _server.Folder.Write(".git/lifecycle-test", "inside .git");
        _server.Folder.Write("done.txt", "written last");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var events = await Polling.UntilAsync(FileEventsAsync, paths => paths.Contains("done.txt") && paths.Contains("src/app.cs"), Deadline,
            "file_modified for src/app.cs and done.txt");
        output.WriteLine($"done.txt recorded {clock.ElapsedMilliseconds} ms after it was written");

        Assert.Equal(1, events.Count(p => p == "src/app.cs"));
        Assert.DoesNotContain(events, p => p.StartsWith("build/", StringComparison.Ordinal) || p == "debug.log" || p.StartsWith(".git", StringComparison.Ordinal));
        Assert.DoesNotContain(events, p => p.StartsWith(".lifecycle/", StringComparison.Ordinal) || p.StartsWith("docs/sessions/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GitLifecycleAndIgnoredFolders_AreNotWatched_AndAFolderNoLongerIgnored_IsFromThenOn()
    {
        await StartSessionAsync();
        _server.Folder.Write("build/old.bin", "ignored by .gitignore");
        _server.Folder.Write("src/app.cs", "// work\n");
        _ = _server.Server;
        var watcher = _server.Services.GetRequiredService<WorkTreeWatcher>();

        Assert.Contains("src", watcher.WatchedFolders);
        Assert.DoesNotContain(".git", watcher.WatchedFolders);
        Assert.DoesNotContain(".lifecycle", watcher.WatchedFolders);
        Assert.DoesNotContain("build", watcher.WatchedFolders);

        _server.Folder.Write(".gitignore", "*.log\n");
        await Polling.UntilAsync(() => Task.FromResult(watcher.WatchedFolders), folders => folders.Contains("build"), Deadline, "build/ watched once no longer ignored");
        _server.Folder.Write("build/new.txt", "work now");

        await Polling.UntilAsync(FileEventsAsync, paths => paths.Contains("build/new.txt"), Deadline, "file_modified for build/new.txt");
    }

    [Fact]
    public async Task FilesWrittenIntoANewTopLevelFolderAtOnce_AreAllRecorded()
    {
        await StartSessionAsync();
        _ = _server.Server;

        // As a copy or a scaffolding tool does: the folder and its files in one go, before any watch on it.
        var names = new[] { "lib/a.cs", "lib/deep/b.cs", "lib/deep/er/c.cs" };
        foreach (var name in names)
        {
            _server.Folder.Write(name, "// new\n");
        }

        await Polling.UntilAsync(FileEventsAsync, paths => names.All(paths.Contains), Deadline, "file_modified for every file of lib/");
    }

    [Fact]
    public async Task ADeletedTrackedFile_IsRecorded()
    {
        await StartSessionAsync();
        _ = _server.Server;

        File.Delete(Path.Combine(_server.Repository, "README.md"));

        await Polling.UntilAsync(FileEventsAsync, paths => paths.Contains("README.md"), Deadline, "file_modified for the deleted README.md");
    }

    [Fact]
    public async Task WithoutAnActiveSession_NothingIsRecorded()
    {
        _ = _server.Server;
        var watcher = _server.Services.GetRequiredService<WorkTreeWatcher>();

        _server.Folder.Write("notes.txt", "no session yet");
        await Polling.UntilAsync(() => Task.FromResult(watcher.Recorded + watcher.Skipped), n => n > 0, Deadline, "the watcher handled notes.txt");

        Assert.Equal(0, watcher.Recorded);
        Assert.False(File.Exists(_server.Paths.Database) && (await Store().GetLatestAsync(default)) is not null);
    }

    [Fact]
    public async Task AfterTheWatcherLostTrack_TheScanRecordsWhatChanged_AndOnlyOnce()
    {
        await StartSessionAsync();
        _ = _server.Server;
        var watcher = _server.Services.GetRequiredService<WorkTreeWatcher>();

        watcher.LoseTrack("a test said so");
        _server.Folder.Write("README.md", "# changed while the watcher was blind\n");

        Assert.True(watcher.NeedsScan);
        Assert.True(await watcher.ScanIfNeededAsync(default) >= 1);
        Assert.False(watcher.NeedsScan);
        Assert.Equal(0, await watcher.ScanIfNeededAsync(default));
        Assert.Contains("README.md", await FileEventsAsync());
    }

    [Fact]
    public async Task TheWorkTreeDeleted_DoesNotStopTheServer()
    {
        _ = _server.Server;
        var watcher = _server.Services.GetRequiredService<WorkTreeWatcher>();
        var moved = _server.Repository + "-moved";

        Directory.Move(_server.Repository, moved);
        try
        {
            // What the server's log writer does when it logs that the work tree is gone: the folder is back, the work tree is not.
            Directory.CreateDirectory(Path.Combine(_server.Repository, ".lifecycle", "logs"));
            await watcher.CheckAsync();
            Assert.False(watcher.IsWatching);
            Assert.True(watcher.NeedsScan);
        }
        finally
        {
            await MoveBackAsync(moved);
        }

        await watcher.CheckAsync();
        Assert.True(watcher.IsWatching);
        var health = await _server.Anonymous().GetAsync("/health");
        Assert.True(health.IsSuccessStatusCode);
    }

    public void Dispose() => _server.Dispose();

    private async Task StartSessionAsync()
    {
        _server.Folder.Write(".gitignore", "build/\n*.log\n");
        Git.Run(_server.Repository, "add", ".gitignore");
        Git.Run(_server.Repository, "commit", "-q", "-m", "ignore build output");
        var start = await _server.Cli.RunAsync("start");
        Assert.True(start.ExitCode == 0, start.ToString());
    }

    private SqliteSessionStore Store() => new(_server.Paths.Database);

    // The server's log file lives in .lifecycle/logs: logging that the work tree is gone makes its folder again.
    private async Task MoveBackAsync(string moved) =>
        await Polling.UntilAsync(() =>
        {
            try
            {
                if (Directory.Exists(_server.Repository))
                {
                    Directory.Delete(_server.Repository, recursive: true);
                }

                Directory.Move(moved, _server.Repository);
                return Task.FromResult(true);
            }
            catch (IOException)
            {
                return Task.FromResult(false);
            }
        }, done => done, Deadline, "the work tree moved back");

    private async Task<List<string>> FileEventsAsync()
    {
        var store = Store();
        var session = (await store.GetLatestAsync(default))!;
        return [.. (await store.GetEventsAsync(session.SessionId, default))
            .Where(e => e.Type == SessionEventTypes.FileModified)
            .Select(e => e.Data!["path"]!.GetValue<string>())];
    }
}
