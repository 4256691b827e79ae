using System.Collections.Concurrent;
using Lifecycle.Activities;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Sessions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lifecycle.Server.Watching;

/// <summary>
/// Records <c>file_modified</c> in the active session as the user's files change: a
/// <see cref="WatchSet"/> over the work tree (not .git/, .lifecycle/ or ignored top-level folders), each path debounced
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
    private readonly WatchingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WorkTreeWatcher> _logger;
    private readonly WorkTreePaths _paths;
    private readonly PathDebouncer _debouncer;
    private readonly ConcurrentDictionary<Task, byte> _recording = new();
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _scanning = new(1, 1);
    private readonly MissedChanges _missed;
    private readonly ChangeRecorder _recorder;
    private WatchSet? _watch;
    private ITimer? _timer;
    private ITimer? _resync;
    private bool _stopped;

    public WorkTreeWatcher(SessionService sessions, ISessionStore store, RepositoryContext repository, WatchingOptions options, TimeProvider time, ILogger<WorkTreeWatcher> logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _paths = new WorkTreePaths(repository.Root, DocsFolder(repository));
        _missed = new MissedChanges(options, time);
        _recorder = new ChangeRecorder(sessions, store, _paths, options, logger);
        _debouncer = new PathDebouncer(options, time, path => Track(_recorder.RecordAsync(path, CancellationToken.None)));
    }

    /// <summary>True when changes may have been missed since the last scan: the next checkpoint should call <see cref="ScanIfNeededAsync"/>.</summary>
    public bool NeedsScan => _missed.Any;

    /// <summary>True while the file system watch is up.</summary>
    public bool IsWatching
    {
        get
        {
            lock (_gate)
            {
                return _watch is not null;
            }
        }
    }

    /// <summary>The top-level folders watched (the work tree's own files are, always).</summary>
    internal IReadOnlyList<string> WatchedFolders
    {
        get
        {
            lock (_gate)
            {
                return _watch?.Folders ?? [];
            }
        }
    }

    /// <summary>How many changed paths were recorded in a session.</summary>
    public long Recorded => _recorder.Recorded;

    /// <summary>How many changed paths were left unrecorded when their quiet window ended (no active session, a folder, a temporary file gone).</summary>
    public long Skipped => _recorder.Skipped;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Watch())
        {
            WatchingLog.Watching(_logger, _paths.Root);
        }

        _timer = _time.CreateTimer(_ => Track(CheckAsync()), null, _options.ScanInterval, _options.ScanInterval);
        _resync = _time.CreateTimer(_ => ResyncFolders(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
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
            if (_missed.Take(IsWatching) is not { } since)
            {
                return 0;
            }

            try
            {
                return await _recorder.ScanAsync(since, cancellationToken);
            }
            catch (Exception error) when (error is SessionException or IOException or UnauthorizedAccessException or LibGit2Sharp.LibGit2SharpException)
            {
                _missed.Restore(since);
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
        _resync?.Dispose();
        // What was saved just before the stop is still recorded.
        foreach (var path in _debouncer.Drain())
        {
            Track(_recorder.RecordAsync(path, cancellationToken));
        }

        await Task.WhenAll(_recording.Keys).WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        Unwatch();
        _timer?.Dispose();
        _resync?.Dispose();
        _debouncer.Dispose();
        _paths.Dispose();
        _scanning.Dispose();
    }

    /// <summary>Loses track as an overflow would (for tests and diagnostics): the next checkpoint scans.</summary>
    internal void LoseTrack(string reason) => Track(LoseTrackAsync(reason, null));

    /// <summary>
    /// What the timer does: stops watching a work tree that is gone, watches it again once it is
    /// back, and scans when track was lost and no checkpoint scanned since.
    /// </summary>
    internal async Task CheckAsync()
    {
        var root = _paths.IsPresent;
        if (!root && IsWatching)
        {
            Unwatch();
            await LoseTrackAsync($"the work tree {_paths.Root} was deleted or moved away", null);
        }
        else if (root && !IsWatching)
        {
            // The repository and its ignore rules as they are now decide which folders are watched.
            _paths.Reset();
            if (Watch())
            {
                _missed.Resumed();
                WatchingLog.Resumed(_logger, _paths.Root);
            }
        }

        if (root && NeedsScan)
        {
            await ScanIfNeededAsync(CancellationToken.None);
        }
    }

    /// <summary>Makes the watch; false (and track lost, logged) when the system refuses it.</summary>
    private bool Watch()
    {
        WatchSet? watch = null;
        try
        {
            watch = new WatchSet(_paths.Root, WatchesFolder, Note, error => OnError(watch!, error));
            watch.Start();
            lock (_gate)
            {
                if (_stopped)
                {
                    watch.Dispose();
                    return false;
                }

                _watch = watch;
            }

            return true;
        }
        catch (Exception error) when (error is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // On Linux an IOException here is usually the inotify limit (fs.inotify.max_user_watches).
            watch?.Dispose();
            Track(LoseTrackAsync($"the watch could not be made ({error.Message})", error));
            return false;
        }
    }

    /// <summary>A top-level folder is watched unless nothing in it can be the user's work (.git, .lifecycle, a folder git ignores).</summary>
    private bool WatchesFolder(string name) => _paths.IsWork(name + "/");

    private void Unwatch()
    {
        WatchSet? watch;
        lock (_gate)
        {
            watch = _watch;
            _watch = null;
        }

        watch?.Dispose();
    }

    private void Note(string fullPath)
    {
        if (_paths.Relative(fullPath) is not { } relative)
        {
            return;
        }

        if (_paths.ForgetIgnoredIfRulesChanged(relative) && relative == ".gitignore")
        {
            // A top-level folder may have become ignored, or no longer be: checked once the file
            // is quiet, not while an editor or a checkout has it half written (which could un-ignore
            // node_modules/ for an instant and watch all of it).
            _resync?.Change(_options.Quiet, Timeout.InfiniteTimeSpan);
        }

        if (_paths.IsWork(relative))
        {
            _debouncer.Touch(relative);
        }
    }

    private void ResyncFolders()
    {
        WatchSet? watch;
        lock (_gate)
        {
            watch = _watch;
        }

        try
        {
            watch?.Resync();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
        {
            OnError(watch!, error);
        }
    }

    private void OnError(WatchSet source, Exception error)
    {
        lock (_gate)
        {
            // A watch already replaced or dropped has nothing more to say.
            if (!ReferenceEquals(source, _watch))
            {
                return;
            }
        }

        if (error is InternalBufferOverflowException)
        {
            // The watch itself still works; only the events in between are gone (top-level folders
            // made or removed among them too).
            Track(LoseTrackAsync("more changes at once than the watcher's buffer holds (overflow)", error));
            _resync?.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            return;
        }

        // Anything else (the inotify limit for a new folder, the work tree gone) ends this watch; the timer makes it again.
        Unwatch();
        Track(LoseTrackAsync($"the watch failed ({error.Message})", error));
    }

    private async Task LoseTrackAsync(string reason, Exception? error)
    {
        if (!_missed.Lose(reason))
        {
            return;
        }

        WatchingLog.Lost(_logger, await _recorder.ActiveSessionAsync(), reason, error);
    }

    private void Track(Task task)
    {
        _recording[task] = 0;
        task.ContinueWith(done => _recording.TryRemove(done, out _), TaskScheduler.Default);
    }

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
