namespace Lifecycle.Activities.State;

/// <summary>
/// A checksummed JSON snapshot on disk (such as <c>.lifecycle/state.json</c>) that survives crashes
/// and corruption: every write is atomic and keeps rotated backups, every read verifies the checksum
/// and falls back to the newest good backup.
/// </summary>
/// <remarks>
/// <para>
/// A write serializes the value into an envelope <c>{version, savedAt, sha256, payload}</c>, writes
/// it to <c>state.json.tmp</c> in the same folder, flushes it to disk, shifts the backups
/// (<c>state.json</c> becomes <c>state.json.1</c>, <c>.1</c> becomes <c>.2</c>, …, the oldest beyond
/// <see cref="StateFileOptions.BackupCount"/> is dropped) and renames the temp file over
/// <c>state.json</c>. A crash at any point leaves either the old file, the new one, or (between the
/// two renames) no main file and a good <c>state.json.1</c>, which a read restores. A leftover temp
/// file is never read and is overwritten by the next write.
/// </para>
/// <para>
/// A read that finds the main file missing or corrupt restores the newest good backup (copying it
/// back as <c>state.json</c>, keeping a corrupt main file as <c>state.json.corrupt</c>) and says so
/// in <see cref="StateReadResult{T}.Notice"/>. If the restored copy cannot be written back, the
/// value is still returned and the notice says so.
/// </para>
/// <para>
/// One instance serializes its own reads and writes, so share one instance per file. Writers in
/// other processes take the same lock file (<c>state.json.lock</c>, an advisory lock the kernel
/// drops with the process) for the length of a write, so two never interleave their temp files or
/// rotations. The folder is flushed after the renames (FolderSync, best effort).
/// </para>
/// </remarks>
/// <typeparam name="T">The snapshot type, serialized with System.Text.Json.</typeparam>
public sealed class StateFile<T>
    where T : notnull
{
    private readonly TimeProvider _timeProvider;
    private readonly StateFileOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates a state file at <paramref name="path"/>; nothing is touched until a read or write.</summary>
    /// <param name="path">The main file, e.g. <c>&lt;repo&gt;/.lifecycle/state.json</c>.</param>
    /// <param name="timeProvider">Supplies <c>savedAt</c>.</param>
    /// <param name="options">Backups and serialization; defaults when null.</param>
    public StateFile(string path, TimeProvider timeProvider, StateFileOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options ?? new StateFileOptions();
        _options.Validate();
        Path = System.IO.Path.GetFullPath(path);
        _timeProvider = timeProvider;
    }

    /// <summary>The full path of the main file.</summary>
    public string Path { get; }

    /// <summary>The path of backup <paramref name="number"/> (1 is the newest).</summary>
    public string BackupPath(int number) => $"{Path}.{number}";

    internal string TempPath => Path + ".tmp";

    /// <summary>Held by whoever writes the file (this process or another) for the length of a write.</summary>
    internal string LockPath => Path + ".lock";

    internal string CorruptPath => Path + ".corrupt";

    private string Name => System.IO.Path.GetFileName(Path);

    /// <summary>Saves <paramref name="value"/> atomically, rotating the previous file into the backups.</summary>
    /// <exception cref="IOException">The folder is not writable or another process is writing.</exception>
    public async Task WriteAsync(T value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = StateEnvelope.Encode(value, _timeProvider.GetUtcNow(), _options.SerializerOptions);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Other processes write the checkpoint too (a task command while another runs).
            using var held = FileLock.Acquire(LockPath);
            await WriteTempAsync(bytes, cancellationToken).ConfigureAwait(false);
            RotateBackups();
            File.Move(TempPath, Path, overwrite: true);
            FolderSync.Flush([System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!]);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Loads the saved value, restoring the newest good backup when the main file is missing or
    /// corrupt. Returns <see langword="null"/> when nothing was ever saved (first run).
    /// </summary>
    /// <exception cref="SessionException">Every copy is corrupt; the message names each file and why.</exception>
    public async Task<StateReadResult<T>?> ReadAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReadUnderGateAsync(restore: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Loads the newest good copy (the main file, else the newest good backup) like
    /// <see cref="ReadAsync"/>, but writes nothing: no backup is copied back, no corrupt file moved.
    /// For a caller that only looks (and must change nothing), such as a command refusing to run.
    /// </summary>
    /// <exception cref="SessionException">Every copy is corrupt; the message names each file and why.</exception>
    public async Task<StateReadResult<T>?> PeekAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReadUnderGateAsync(restore: false, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<StateReadResult<T>?> ReadUnderGateAsync(bool restore, CancellationToken cancellationToken)
    {
        var main = await LoadAsync(Path, cancellationToken).ConfigureAwait(false);
        if (main.Found && main.Problem is null)
        {
            return new StateReadResult<T>(main.Value, main.SavedAt, RestoredFrom: null, Notice: null);
        }

        var problems = new List<string>();
        if (main.Found)
        {
            problems.Add($"{Name} was corrupt ({main.Problem})");
        }

        for (var number = 1; number <= _options.BackupCount; number++)
        {
            var backupPath = BackupPath(number);
            var backup = await LoadAsync(backupPath, cancellationToken).ConfigureAwait(false);
            if (!backup.Found)
            {
                continue;
            }

            var backupName = System.IO.Path.GetFileName(backupPath);
            if (backup.Problem is not null)
            {
                problems.Add($"{backupName} was corrupt ({backup.Problem})");
                continue;
            }

            var notice = Notice(main.Found, problems, restore ? "restored from" : "read (not restored) from", backupName, backup.SavedAt);
            if (!restore)
            {
                return new StateReadResult<T>(backup.Value, backup.SavedAt, backupName, notice);
            }

            try
            {
                await RestoreAsync(backup.Bytes, keepCorrupt: main.Found, cancellationToken).ConfigureAwait(false);
                if (main.Found)
                {
                    notice += $" The corrupt file was kept as {System.IO.Path.GetFileName(CorruptPath)}.";
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                notice += $" It could not be written back as {Name} ({exception.Message}); the next checkpoint will try again.";
            }

            return new StateReadResult<T>(backup.Value, backup.SavedAt, backupName, notice);
        }

        if (!main.Found && problems.Count == 0)
        {
            return null;
        }

        if (!main.Found)
        {
            problems.Insert(0, $"{Name} is missing");
        }

        throw new SessionException(
            $"No good copy of {Name} in {System.IO.Path.GetDirectoryName(Path)}: {string.Join("; ", problems)}. " +
            "Run `lifecycle recover` to rebuild the state from the committed session docs.");
    }

    private string Notice(bool mainFound, List<string> problems, string done, string backupName, DateTimeOffset savedAt)
    {
        var what = mainFound ? string.Join("; ", problems) : string.Join("; ", problems.Prepend($"{Name} was missing"));
        return $"{what}; {done} {backupName} saved at {savedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.";
    }

    private async Task RestoreAsync(byte[] bytes, bool keepCorrupt, CancellationToken cancellationToken)
    {
        using var held = FileLock.Acquire(LockPath);

        // Judged without the lock: a writer in another process may have saved a good file since.
        if (await LoadAsync(Path, cancellationToken).ConfigureAwait(false) is { Found: true, Problem: null })
        {
            return;
        }

        await WriteTempAsync(bytes, cancellationToken).ConfigureAwait(false);
        if (keepCorrupt)
        {
            File.Move(Path, CorruptPath, overwrite: true);
        }

        File.Move(TempPath, Path, overwrite: true);
        FolderSync.Flush([System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!]);
    }

    private async Task WriteTempAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);

        // FileShare.None: a second writer fails here instead of interleaving with this one.
        await using var stream = new FileStream(
            TempPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 4096, useAsync: true);
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        stream.Flush(flushToDisk: true);
    }

    private void RotateBackups()
    {
        // Drop backups beyond the cap (left by a larger BackupCount earlier).
        for (var extra = _options.BackupCount + 1; File.Exists(BackupPath(extra)); extra++)
        {
            File.Delete(BackupPath(extra));
        }

        if (!File.Exists(Path))
        {
            return;
        }

        for (var number = _options.BackupCount - 1; number >= 1; number--)
        {
            if (File.Exists(BackupPath(number)))
            {
                File.Move(BackupPath(number), BackupPath(number + 1), overwrite: true);
            }
        }

        // Copied, not moved: the main file never disappears, so a reader in another process (which
        // takes no lock) always finds the old or the new version, never a gap it would "restore".
        File.Copy(Path, BackupPath(1), overwrite: true);
        using var backup = new FileStream(BackupPath(1), FileMode.Open, FileAccess.ReadWrite);
        backup.Flush(flushToDisk: true);
    }

    private async Task<Loaded> LoadAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return new Loaded(Found: false, [], default!, default, Problem: null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new Loaded(Found: true, [], default!, default, $"unreadable: {exception.Message}");
        }

        return StateEnvelope.TryDecode<T>(bytes, _options.SerializerOptions, out var value, out var savedAt, out var problem)
            ? new Loaded(Found: true, bytes, value, savedAt, Problem: null)
            : new Loaded(Found: true, bytes, default!, default, problem);
    }

    private sealed record Loaded(bool Found, byte[] Bytes, T Value, DateTimeOffset SavedAt, string? Problem);
}
