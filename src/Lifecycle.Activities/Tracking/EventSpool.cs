using Lifecycle.Activities.Setup;
using LibGit2Sharp;

namespace Lifecycle.Activities.Tracking;

/// <summary>
/// Ingests what the git hooks appended to <c>.lifecycle/events.spool</c>: claims the spool, turns
/// each line into a <see cref="SpooledEvent"/> and hands them over in order. Knows nothing of
/// sessions: the caller records the events where they belong.
/// </summary>
/// <remarks>
/// <para>
/// A claim holds <see cref="LifecyclePaths.EventSpoolLock"/>, so one process ingests at a time, then
/// renames the spool into <see cref="LifecyclePaths.EventsFolder"/>: hooks that run meanwhile start
/// a fresh spool, and no line is read twice or skipped. A claimed file keeps the number of bytes
/// delivered in its name until it is deleted; a claim reads every claimed file from there, so the
/// file a crashed ingester left is delivered by the next one.
/// </para>
/// <para>
/// A hook opens the spool, then writes: one that opened it just before the rename writes into the
/// claimed file. Claimed files are therefore read again by later claims, and deleted only
/// <see cref="LateWriteGrace"/> after their claim; a batch delivers lines up to the last complete
/// one, leaving a write still in progress for the next.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// using var batch = await new EventSpool(LifecyclePaths.For(root), timeProvider).ClaimAsync(cancellationToken);
/// foreach (var e in batch.Events)
/// {
///     await store.AppendEventAsync(new SessionEvent(session.SessionId, e.Type, e.Timestamp, e.Details), cancellationToken);
/// }
/// batch.Complete();
/// </code>
/// </example>
public sealed class EventSpool
{
    /// <summary>How long after its claim a claimed file may still receive a hook's line.</summary>
    public static readonly TimeSpan LateWriteGrace = TimeSpan.FromHours(1);

    /// <summary>How long a claim waits for another process's batch before it gives up.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(10);

    /// <summary>A folder modified this recently is listed again, whatever its time says (<see cref="ListedClaimedFiles"/>).</summary>
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    private readonly LifecyclePaths _paths;
    private readonly TimeProvider _timeProvider;
    private ClaimedListing? _listing;

    /// <param name="paths">The working tree whose spool to ingest.</param>
    /// <param name="timeProvider">The wall clock.</param>
    public EventSpool(LifecyclePaths paths, TimeProvider timeProvider)
    {
        _paths = paths;
        _timeProvider = timeProvider;
    }

    /// <summary>Claims the spool and every undelivered line of earlier claims; an empty batch when there is nothing.</summary>
    /// <exception cref="SessionException">Conflict: another process held the spool for <see cref="LockTimeout"/>; Failure: <c>.lifecycle/</c> cannot be written.</exception>
    public async Task<SpoolBatch> ClaimAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(_paths.StateFolder) || !HasWork())
        {
            return SpoolBatch.Empty;
        }

        var heldLock = await LockAsync(cancellationToken);
        try
        {
            var now = _timeProvider.GetUtcNow();
            ClaimLiveSpool(now);
            var clock = new SpoolClock(_paths, now, BootTime.Now());
            var reads = ClaimedFiles().Select(file => SpoolRead.Of(file, now)).Where(read => read is not null).Select(read => read!).ToList();
            using var git = reads.Any(r => r.Lines.Count > 0) ? OpenRepository() : null;
            var events = new List<SpooledEvent>();
            var skipped = 0;
            foreach (var read in reads)
            {
                skipped += read.Fragments;
                foreach (var (offset, text) in read.Lines)
                {
                    if (SpoolLine.Parse(text) is not { } line)
                    {
                        skipped++;
                    }
                    else if (GitHookEvents.Describe(line, git) is { } described)
                    {
                        var at = clock.Resolve(line.Clock) ?? read.LastWrite;
                        events.Add(new SpooledEvent($"{read.File.Stem}:{offset}", described.Type, at, described.Details));
                    }
                }
            }

            return new SpoolBatch(heldLock, events, skipped, reads.Select(r => r.Progress).ToList(), clock);
        }
        catch
        {
            await heldLock.DisposeAsync();
            throw;
        }
    }

    // Asked before every command and every event the server records: a stat of the spool, one of
    // the events folder, and one per claimed file, rather than a listing of the folder each time.
    private bool HasWork() =>
        File.Exists(_paths.EventSpool) || ListedClaimedFiles().Any(file => Length(file.Path) > file.Offset);

    /// <summary>
    /// The claimed files, listed again only when the events folder's modification time changed
    /// (its entries cannot change without it). A folder modified in the last
    /// <see cref="RacyWindow"/> is listed every time, as git treats a racily clean index: a change
    /// within its time's resolution would leave the time as it was.
    /// </summary>
    private IReadOnlyList<ClaimedSpool> ListedClaimedFiles()
    {
        var folder = new DirectoryInfo(_paths.EventsFolder);
        if (!folder.Exists)
        {
            return [];
        }

        var modified = folder.LastWriteTimeUtc;
        if (_listing is { } listed && listed.Modified == modified)
        {
            return listed.Files;
        }

        var files = ClaimedFiles().ToList();
        _listing = _timeProvider.GetUtcNow().UtcDateTime - modified > RacyWindow ? new ClaimedListing(modified, files) : null;
        return files;
    }

    private sealed record ClaimedListing(DateTime Modified, IReadOnlyList<ClaimedSpool> Files);

    private async Task<FileStream> LockAsync(CancellationToken cancellationToken)
    {
        CreateEventsFolder();
        var deadline = _timeProvider.GetUtcNow() + LockTimeout;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix: released by the OS if the process dies.
                return new FileStream(_paths.EventSpoolLock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (_timeProvider.GetUtcNow() < deadline)
            {
                await Task.Delay(LockRetry, _timeProvider, cancellationToken);
            }
            catch (IOException ex)
            {
                throw new SessionException(
                    $"Another lifecycle process has been recording the git hooks' events for {LockTimeout.TotalSeconds:0} s ({_paths.EventSpoolLock}); retry when it is done.", ErrorKind.Conflict, ex);
            }
        }
    }

    private void CreateEventsFolder()
    {
        try
        {
            Directory.CreateDirectory(_paths.EventsFolder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SessionException($"Cannot create {_paths.EventsFolder} ({ex.Message}); make {_paths.StateFolder} writable.", ErrorKind.Failure, ex);
        }
    }

    private void ClaimLiveSpool(DateTimeOffset now)
    {
        if (!File.Exists(_paths.EventSpool))
        {
            return;
        }

        try
        {
            File.Move(_paths.EventSpool, Path.Combine(_paths.EventsFolder, ClaimedSpool.NewName(now)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SessionException($"Cannot claim {_paths.EventSpool} ({ex.Message}); make {_paths.StateFolder} writable.", ErrorKind.Failure, ex);
        }
    }

    private IEnumerable<ClaimedSpool> ClaimedFiles() =>
        !Directory.Exists(_paths.EventsFolder)
            ? []
            : Directory.EnumerateFiles(_paths.EventsFolder, "claimed-*")
                .Select(ClaimedSpool.From)
                .Where(file => file is not null)
                .Select(file => file!)
                .OrderBy(file => file.ClaimedAt)
                .ThenBy(file => file.Stem, StringComparer.Ordinal);

    private static long Length(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private IRepository? OpenRepository()
    {
        try
        {
            return Repository.Discover(_paths.Root) is { } gitDirectory ? new Repository(gitDirectory) : null;
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }
}
