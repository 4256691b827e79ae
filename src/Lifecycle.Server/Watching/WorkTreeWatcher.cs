using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Lifecycle.Activities;
using Lifecycle.Activities.Git;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Sessions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lifecycle.Server.Watching;

/// <summary>
/// Records <c>file_modified</c> in the active session as the user's files change: one
/// <see cref="FileSystemWatcher"/> over the work tree, each path debounced
/// (<see cref="WatchingOptions.Quiet"/>), paths that are not the user's work left out
/// (<see cref="WorkTreePaths"/>). Without an active session nothing is recorded.
/// </summary>
/// <remarks>
/// <para>
/// When the watcher loses track (its buffer overflowed, the inotify watch limit was reached, the
/// work tree was deleted or moved away) it logs why and <see cref="NeedsScan"/> turns true: the
/// checkpoint calls <see cref="ScanIfNeededAsync"/>, which records the uncommitted files written
/// since, from git status. Its own timer (<see cref="WatchingOptions.ScanInterval"/>) does the same
/// when no checkpoint came, and makes the watch again once the work tree is back.
/// </para>
/// <para>
/// A file that is gone when its quiet window ends is recorded only when git tracks it (a deleted
/// file of the project), never when it was an editor's temporary file.
/// </para>
/// </remarks>
public sealed class WorkTreeWatcher : IHostedService, IDisposable
{
    private readonly SessionService _sessions;
    private readonly ISessionStore _store;
    private readonly WatchingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WorkTreeWatcher> _logger;
    private readonly WorkTreePaths _paths;
    private readonly PathDebouncer _debouncer;
    private readonly ConcurrentDictionary<Task, byte> _recording = new();
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _scanning = new(1, 1);
    private FileSystemWatcher? _watcher;
    private ITimer? _timer;
    private DateTimeOffset? _lostSince;
    private string? _lostReason;
    private bool _stopped;
    private long _recorded;
    private long _skipped;

    public WorkTreeWatcher(SessionService sessions, ISessionStore store, RepositoryContext repository, WatchingOptions options, TimeProvider time, ILogger<WorkTreeWatcher> logger)
    {
        _sessions = sessions;
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
        _paths = new WorkTreePaths(repository.Root, DocsFolder(repository));
        _debouncer = new PathDebouncer(options, time, path => Track(RecordAsync(path, CancellationToken.None)));
    }

    /// <summary>True when changes may have been missed since the last scan: the next checkpoint should call <see cref="ScanIfNeededAsync"/>.</summary>
    public bool NeedsScan
    {
        get
        {
            lock (_gate)
            {
                return _lostSince is not null;
            }
        }
    }

    /// <summary>True while the file system watch is up.</summary>
    public bool IsWatching
    {
        get
        {
            lock (_gate)
            {
                return _watcher is not null;
            }
        }
    }

    /// <summary>How many changed paths were recorded in a session.</summary>
    public long Recorded => Interlocked.Read(ref _recorded);

    /// <summary>How many changed paths were left unrecorded when their quiet window ended (no active session, a folder, a temporary file gone).</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Watch())
        {
            WatchingLog.Watching(_logger, _paths.Root);
        }

        _timer = _time.CreateTimer(_ => Track(CheckAsync()), null, _options.ScanInterval, _options.ScanInterval);
        return Task.CompletedTask;
    }

    /// <summary>
    /// When the watcher lost track (<see cref="NeedsScan"/>), records <c>file_modified</c> for each
    /// uncommitted file of the user's written since then, from git status; returns how many.
    /// </summary>
    /// <remarks>While the watch cannot be made again, every scan stays due and covers the time since the previous one.</remarks>
    public async Task<int> ScanIfNeededAsync(CancellationToken cancellationToken)
    {
        await _scanning.WaitAsync(cancellationToken);
        try
        {
            DateTimeOffset since;
            lock (_gate)
            {
                if (_lostSince is not { } lost)
                {
                    return 0;
                }

                since = lost;
                _lostSince = _watcher is null ? _time.GetUtcNow() : null;
                _lostReason = _watcher is null ? _lostReason : null;
            }

            try
            {
                return await ScanAsync(since, cancellationToken);
            }
            catch (Exception error) when (error is SessionException or IOException or UnauthorizedAccessException or LibGit2Sharp.LibGit2SharpException)
            {
                lock (_gate)
                {
                    _lostSince = _lostSince is { } later && later < since ? later : since;
                }

                WatchingLog.ScanFailed(_logger, error);
                return 0;
            }
        }
        finally
        {
            _scanning.Release();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _stopped = true;
        }

        Unwatch();
        _timer?.Dispose();
        // What was saved just before the stop is still recorded.
        foreach (var path in _debouncer.Drain())
        {
            Track(RecordAsync(path, cancellationToken));
        }

        await Task.WhenAll(_recording.Keys).WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        Unwatch();
        _timer?.Dispose();
        _debouncer.Dispose();
        _paths.Dispose();
        _scanning.Dispose();
    }

    private async Task<int> ScanAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> uncommitted;
        using (var git = GitWorkspace.Open(_paths.Root, readOnly: true))
        {
            uncommitted = git.Status.UncommittedFiles();
        }

        var recorded = 0;
        foreach (var path in uncommitted.Where(_paths.IsWork))
        {
            var written = File.GetLastWriteTimeUtc(Path.Combine(_paths.Root, path));
            if (new DateTimeOffset(written, TimeSpan.Zero) >= since - _options.Quiet &&
                (await _sessions.RecordEventAsync(FileModified(path), cancellationToken)).Recorded is not null)
            {
                recorded++;
            }
        }

        WatchingLog.Scanned(_logger, (await _store.GetLatestAsync(cancellationToken))?.SessionId, recorded);
        return recorded;
    }

    /// <summary>Loses track as an overflow would (for tests and diagnostics): the next checkpoint scans.</summary>
    internal void LoseTrack(string reason) => Track(LoseTrackAsync(reason, null));

    /// <summary>
    /// What the timer does: stops watching a work tree that is gone, watches it again once it is
    /// back, and scans when track was lost and no checkpoint scanned since.
    /// </summary>
    internal async Task CheckAsync()
    {
        var root = Directory.Exists(_paths.Root);
        if (!root && IsWatching)
        {
            Unwatch();
            await LoseTrackAsync($"the work tree {_paths.Root} was deleted or moved away", null);
        }
        else if (root && !IsWatching && Watch())
        {
            lock (_gate)
            {
                _lostReason = null;
            }

            _paths.Reset();
            WatchingLog.Resumed(_logger, _paths.Root);
        }

        if (root && NeedsScan)
        {
            await ScanIfNeededAsync(CancellationToken.None);
        }
    }

    /// <summary>Makes the watch; false (and track lost, logged) when the system refuses it.</summary>
    private bool Watch()
    {
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(_paths.Root)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                InternalBufferSize = 64 * 1024,
            };
            watcher.Changed += OnChanged;
            watcher.Created += OnChanged;
            watcher.Deleted += OnChanged;
            watcher.Renamed += OnRenamed;
            watcher.Error += OnError;
            watcher.EnableRaisingEvents = true;
            lock (_gate)
            {
                if (_stopped)
                {
                    watcher.Dispose();
                    return false;
                }

                _watcher = watcher;
            }

            return true;
        }
        catch (Exception error) when (error is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // On Linux an IOException here is usually the inotify limit (fs.inotify.max_user_watches).
            watcher?.Dispose();
            Track(LoseTrackAsync($"the watch could not be made ({error.Message})", error));
            return false;
        }
    }

    private void Unwatch()
    {
        FileSystemWatcher? watcher;
        lock (_gate)
        {
            watcher = _watcher;
            _watcher = null;
        }

        if (watcher is not null)
        {
            watcher.EnableRaisingEvents = false;
            watcher.Dispose();
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => Note(e.FullPath);

    private void OnRenamed(object sender, RenamedEventArgs e)
    {
        Note(e.OldFullPath);
        Note(e.FullPath);
    }

    private void Note(string fullPath)
    {
        if (_paths.Relative(fullPath) is not { } relative)
        {
            return;
        }

        _paths.ForgetIgnoredIfRulesChanged(relative);
        if (_paths.IsWork(relative))
        {
            _debouncer.Touch(relative);
        }
    }

    private void OnError(object sender, ErrorEventArgs e)
    {
        var error = e.GetException();
        if (error is InternalBufferOverflowException)
        {
            // The watch itself still works; only the events in between are gone.
            Track(LoseTrackAsync("more changes at once than the watcher's buffer holds (overflow)", error));
            return;
        }

        // Anything else (the inotify limit for a new folder, the work tree gone) ends this watch; the timer makes it again.
        Unwatch();
        Track(LoseTrackAsync($"the watch failed ({error.Message})", error));
    }

    private async Task LoseTrackAsync(string reason, Exception? error)
    {
        lock (_gate)
        {
            // Writes just before the loss may be among the events that never came.
            _lostSince ??= _time.GetUtcNow() - _options.MaxDelay;

            // A watch that cannot be made again at every check is logged once, not every 30 s.
            if (reason == _lostReason)
            {
                return;
            }

            _lostReason = reason;
        }

        string? sessionId = null;
        try
        {
            sessionId = (await _store.GetLatestAsync(CancellationToken.None)) is { State: SessionState.Active } session ? session.SessionId : null;
        }
        catch (Exception storeError) when (storeError is SessionException or IOException or Microsoft.Data.Sqlite.SqliteException)
        {
            // The reason is logged without the session id.
        }

        WatchingLog.Lost(_logger, sessionId, reason, error);
    }

    private async Task RecordAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var full = Path.Combine(_paths.Root, path);
            if (Directory.Exists(full) || !File.Exists(full) && !_paths.IsTracked(path))
            {
                Interlocked.Increment(ref _skipped);
                return;
            }

            var outcome = await _sessions.RecordEventAsync(FileModified(path), cancellationToken);
            if (outcome.Recorded is null)
            {
                Interlocked.Increment(ref _skipped);
            }
            else
            {
                Interlocked.Increment(ref _recorded);
            }
        }
        catch (SessionException refused)
        {
            WatchingLog.NotRecorded(_logger, path, refused.Message);
        }
        catch (OperationCanceledException)
        {
            // The server is stopping.
        }
        catch (Exception error)
        {
            // A watcher never takes the server down; the error is logged with its stack.
            WatchingLog.RecordFailed(_logger, path, error);
        }
    }

    private void Track(Task task)
    {
        _recording[task] = 0;
        task.ContinueWith(done => _recording.TryRemove(done, out _), TaskScheduler.Default);
    }

    private static EventRequest FileModified(string path) => new(SessionEventTypes.FileModified, new JsonObject { ["path"] = path });

    private static string DocsFolder(RepositoryContext repository)
    {
        try
        {
            return repository.Config.DocsFolder;
        }
        catch (SessionException)
        {
            // A broken config.json fails the commands that need it; the watcher ignores the default folder.
            return Activities.Handoff.SessionDocs.DefaultFolder;
        }
    }
}
