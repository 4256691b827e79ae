using System.Text.Json.Nodes;
using Lifecycle.Activities;
using Lifecycle.Activities.Git;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Sessions;
using Microsoft.Extensions.Logging;

namespace Lifecycle.Server.Watching;

/// <summary>
/// Records changed paths of the work tree as <c>file_modified</c> through the session use cases
/// (nothing without an active session): one path the watcher noticed, or every file a status scan
/// finds written since the watcher lost track. A failure is logged, never thrown at the watcher.
/// </summary>
internal sealed class ChangeRecorder(SessionService sessions, ISessionStore store, WorkTreePaths paths, WatchingOptions options, ILogger logger)
{
    private long _recorded;
    private long _skipped;

    /// <summary>How many changed paths were recorded in a session.</summary>
    public long Recorded => Interlocked.Read(ref _recorded);

    /// <summary>How many were not: no active session, a folder, a temporary file already gone.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Records <paramref name="path"/> unless it is a folder or an untracked file that is gone.</summary>
    public async Task RecordAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var full = Path.Combine(paths.Root, path);
            if (Directory.Exists(full) || !File.Exists(full) && !paths.IsTracked(path))
            {
                Interlocked.Increment(ref _skipped);
                return;
            }

            await RecordFileAsync(path, cancellationToken);
        }
        catch (SessionException refused)
        {
            WatchingLog.NotRecorded(logger, path, refused.Message);
        }
        catch (OperationCanceledException)
        {
            // The server is stopping.
        }
        catch (Exception error)
        {
            // A watcher never takes the server down; the error is logged with its stack.
            WatchingLog.RecordFailed(logger, path, error);
        }
    }

    /// <summary>Records each uncommitted file of the user's written since <paramref name="since"/> (from git status); returns how many.</summary>
    /// <exception cref="SessionException">Git status or the store cannot be read; nothing after the failure is recorded.</exception>
    public async Task<int> ScanAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> uncommitted;
        using (var git = GitWorkspace.Open(paths.Root, readOnly: true))
        {
            uncommitted = git.Status.UncommittedFiles();
        }

        var recorded = 0;
        foreach (var path in uncommitted.Where(paths.IsWork))
        {
            var written = new DateTimeOffset(File.GetLastWriteTimeUtc(Path.Combine(paths.Root, path)), TimeSpan.Zero);
            if (written >= since - options.Quiet && await RecordFileAsync(path, cancellationToken))
            {
                recorded++;
            }
        }

        WatchingLog.Scanned(logger, await ActiveSessionAsync(), recorded);
        return recorded;
    }

    /// <summary>The active session's id for a log line; null without one or when the store cannot say.</summary>
    public async Task<string?> ActiveSessionAsync()
    {
        try
        {
            // Reading the store creates it; where no session ever started there is none to name.
            return File.Exists(Lifecycle.Activities.Setup.LifecyclePaths.For(paths.Root).Database) &&
                   await store.GetLatestAsync(CancellationToken.None) is { State: SessionState.Active } session
                ? session.SessionId
                : null;
        }
        catch (Exception error) when (error is SessionException or IOException or Microsoft.Data.Sqlite.SqliteException)
        {
            return null;
        }
    }

    private async Task<bool> RecordFileAsync(string path, CancellationToken cancellationToken)
    {
        var outcome = await sessions.RecordEventAsync(new EventRequest(SessionEventTypes.FileModified, new JsonObject { ["path"] = path }), cancellationToken);
        Interlocked.Increment(ref outcome.Recorded is null ? ref _skipped : ref _recorded);
        return outcome.Recorded is not null;
    }
}
