using Lifecycle.Activities.Setup;
using Lifecycle.Activities.Tracking;
using Lifecycle.Server.Sessions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lifecycle.Server.Watching;

/// <summary>
/// Ingests the git hooks' spool (<c>.lifecycle/events.spool</c>) as soon as a hook makes it, so a
/// commit made while the server runs is recorded within a second rather than at the next command:
/// a watch on the spool's name in its folder, debounced by <see cref="WatchingOptions.SpoolQuiet"/>
/// (a rebase's hooks append many lines in a row; they are ingested together). Each ingestion claims
/// (renames) the spool, so the next hook makes it anew. Once at start too, for what the hooks
/// spooled while no server ran.
/// </summary>
/// <remarks>
/// One ingestion at a time; a spool made during one schedules the next. A watch that cannot be made
/// (or fails) is replaced by ingesting every <see cref="WatchingOptions.ScanInterval"/>; commands
/// ingest first in any case (<see cref="SessionService"/>).
/// </remarks>
public sealed class SpoolWatcher(HookEventIngestion ingestion, LifecyclePaths paths, WatchingOptions options, TimeProvider time, ILogger<SpoolWatcher> logger)
    : IHostedService, IDisposable
{
    private readonly string _spoolName = Path.GetFileName(paths.EventSpool);
    private readonly SemaphoreSlim _ingesting = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Task, byte> _running = new();
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;
    private ITimer? _fallback;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _debounce = time.CreateTimer(_ => Ingest(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        try
        {
            Directory.CreateDirectory(paths.StateFolder);
            // Names only (the spool made, renamed, removed), not writes: the folder also holds the
            // database and its write-ahead log, and the kernel would hand every write of those to
            // this watch to be filtered out by name (a sixth of the server's time while it ran
            // workflows, docs/PERFORMANCE.md §4). Each ingestion claims (renames) the spool, so a
            // hook's next line makes it anew; lines appended before an ingestion are ingested with
            // it, and a spool left in place (an ingestion that failed) by the next command or checkpoint.
            _watcher = new FileSystemWatcher(paths.StateFolder, _spoolName)
            {
                NotifyFilter = NotifyFilters.FileName,
            };
            _watcher.Created += (_, _) => Appended();
            _watcher.Renamed += (_, _) => Appended();
            _watcher.Error += (_, e) => Unwatched(e.GetException().Message);
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception error) when (error is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            Unwatched(error.Message);
        }

        Ingest();
        return Task.CompletedTask;
    }

    /// <summary>Ingests what is spooled now, waiting for an ingestion already running first.</summary>
    public async Task IngestNowAsync(CancellationToken cancellationToken)
    {
        await _ingesting.WaitAsync(cancellationToken);
        try
        {
            await ingestion.IngestAsync(cancellationToken);
        }
        finally
        {
            _ingesting.Release();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
        _fallback?.Dispose();
        lock (_gate)
        {
            _stopping.Cancel();
        }

        await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
        _fallback?.Dispose();
        _stopping.Dispose();
        _ingesting.Dispose();
    }

    private void Appended() => _debounce?.Change(options.SpoolQuiet, Timeout.InfiniteTimeSpan);

    private void Unwatched(string reason)
    {
        WatchingLog.SpoolUnwatched(logger, paths.StateFolder, reason, options.ScanInterval);
        _fallback ??= time.CreateTimer(_ => Ingest(), null, options.ScanInterval, options.ScanInterval);
    }

    private void Ingest()
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            var running = IngestLoggedAsync();
            _running[running] = 0;
            running.ContinueWith(done => _running.TryRemove(done, out _), TaskScheduler.Default);
        }
    }

    private async Task IngestLoggedAsync()
    {
        try
        {
            await IngestNowAsync(_stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The server is stopping; the next command or start ingests what is left.
        }
        catch (Exception error)
        {
            // A watcher never takes the server down.
            WatchingLog.IngestFailed(logger, error);
        }
    }
}
