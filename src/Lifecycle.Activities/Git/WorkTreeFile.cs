using LibGit2Sharp;

namespace Lifecycle.Activities.Git;

/// <summary>Reads and writes work-tree files as raw bytes, bypassing git's filters, with their mode.</summary>
internal static class WorkTreeFile
{
    /// <summary>Files up to this size are read whole to store them; larger ones are streamed.</summary>
    private const long LargestInMemory = 64 * 1024 * 1024;

    private const UnixFileMode ExecuteBits = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public static string FullPath(string root, string relative) => Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>True when a file or a symbolic link (even a dangling one) is at the path.</summary>
    public static bool Exists(string full) => File.Exists(full) || new FileInfo(full).LinkTarget is not null;

    /// <summary>Stores the file's exact bytes (a link's target for a symbolic link) and returns the blob and its mode.</summary>
    public static StoredFile Store(Repository repo, string full, Mode? knownMode)
    {
        var info = new FileInfo(full);
        if (info.LinkTarget is { } target)
        {
            var link = System.Text.Encoding.UTF8.GetBytes(target.Replace(Path.DirectorySeparatorChar, '/'));
            return new StoredFile(repo.Lookup<Blob>(repo.ObjectDatabase.Write<Blob>(link)), Mode.SymbolicLink, FilterNeutral: true);
        }

        if (info.Length > LargestInMemory)
        {
            using var stream = File.OpenRead(full);
            return new StoredFile(repo.ObjectDatabase.CreateBlob(stream), knownMode ?? ModeOf(full), FilterNeutral: false) { LastWriteUtc = info.LastWriteTimeUtc };
        }

        // One native call per file; LibGit2Sharp's stream API copies chunk by chunk through managed code.
        var bytes = File.ReadAllBytes(full);
        var blob = repo.Lookup<Blob>(repo.ObjectDatabase.Write<Blob>(bytes));
        return new StoredFile(blob, knownMode ?? ModeOf(full), FilterNeutral: bytes.AsSpan().IndexOf((byte)'\r') < 0 && bytes.AsSpan().IndexOf("$Id"u8) < 0);
    }

    /// <summary>
    /// True when the file still holds what <see cref="Store"/> read: the same bytes (its git blob id,
    /// computed again) or link target; for a file too large to hold in memory, the same length and
    /// modification time. An editor's save or a build writing the file since makes it false.
    /// </summary>
    public static bool StillAsStored(string full, StoredFile stored)
    {
        var info = new FileInfo(full);
        if (stored.Mode == Mode.SymbolicLink)
        {
            return info.LinkTarget is { } target && target.Replace(Path.DirectorySeparatorChar, '/') == stored.Blob.GetContentText();
        }

        if (!info.Exists || info.LinkTarget is not null || info.Length != stored.Blob.Size)
        {
            return false;
        }

        if (info.Length > LargestInMemory)
        {
            return stored.LastWriteUtc == info.LastWriteTimeUtc;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(full);
        }
        catch (IOException)
        {
            return false;
        }

        return BlobId(bytes) == stored.Blob.Id;
    }

    /// <summary>git's id of a blob holding these bytes (SHA-1 of "blob LENGTH\0" and the bytes).</summary>
    internal static ObjectId BlobId(ReadOnlySpan<byte> bytes)
    {
        using var sha1 = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA1);
        sha1.AppendData(System.Text.Encoding.ASCII.GetBytes($"blob {bytes.Length}\0"));
        sha1.AppendData(bytes);
        return new ObjectId(sha1.GetHashAndReset());
    }

    /// <summary>
    /// Makes written files durable (fsync each), for content that exists nowhere else once the
    /// caller goes on, such as work restored from a stash that is then dropped, or a stash's objects
    /// before the files they copy are reset. Missing files are skipped.
    /// </summary>
    /// <remarks>
    /// One pass after all the writes rather than one fsync per write, the fsyncs issued together
    /// (<see cref="State.ConcurrentFlush"/>): the file system commits them in one journal
    /// transaction, where interleaved writes and fsyncs pay a journal commit each.
    /// </remarks>
    /// <param name="files">The files, full paths.</param>
    /// <param name="root">The top folder they were written under: their folders up to it are flushed too (<see cref="State.FolderSync"/>).</param>
    public static void FlushToDisk(IReadOnlyCollection<string> files, string root)
    {
        State.ConcurrentFlush.Run(files as IReadOnlyList<string> ?? [.. files], full =>
        {
            if (new FileInfo(full) is not { Exists: true, LinkTarget: null })
            {
                return false;
            }

            // Read access is enough for fsync, and git's object files are read-only.
            using var handle = File.OpenHandle(full, FileMode.Open, FileAccess.Read);
            RandomAccess.FlushToDisk(handle);
            return true;
        });

        State.FolderSync.Flush(State.FolderSync.HoldersUpTo(root, files));
    }

    /// <summary>The git mode of a regular file from its executable bit.</summary>
    public static Mode ModeOf(string full) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(full) & UnixFileMode.UserExecute) != 0
            ? Mode.ExecutableFile
            : Mode.NonExecutableFile;

    /// <summary>True when the file on disk holds exactly the blob's bytes with that mode.</summary>
    public static bool Matches(string full, Blob blob, Mode mode)
    {
        var info = new FileInfo(full);
        if (mode == Mode.SymbolicLink)
        {
            return info.LinkTarget is { } target && target.Replace(Path.DirectorySeparatorChar, '/') == blob.GetContentText();
        }

        if (info.LinkTarget is not null || !info.Exists || info.Length != blob.Size || ModeOf(full) != mode)
        {
            return false;
        }

        using var expected = blob.GetContentStream();
        using var actual = File.OpenRead(full);
        return StreamsEqual(expected, actual);
    }

    /// <summary>Writes a blob to the work tree, raw or through git's smudge filters, and sets its mode.</summary>
    /// <param name="full">The file's absolute path (replaced if present).</param>
    /// <param name="blob">The content.</param>
    /// <param name="mode">The git mode: a symbolic link, or a file with or without the executable bit.</param>
    /// <param name="smudge">git's filters to apply for that path, or null to write the bytes as stored.</param>
    /// <remarks>Not flushed to disk: see <see cref="FlushToDisk"/> for content that exists nowhere else.</remarks>
    /// <param name="privateMode">The file's exact permission bits when they were recorded (a file others may not read): it is created with them, never readable by others in between.</param>
    public static void Write(string full, Blob blob, Mode mode, FilteringOptions? smudge, UnixFileMode? privateMode = null)
    {
        Delete(full);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (mode == Mode.SymbolicLink)
        {
            File.CreateSymbolicLink(full, blob.GetContentText().Replace('/', Path.DirectorySeparatorChar));
            return;
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (privateMode is { } bits && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = bits | UnixFileMode.UserWrite;
        }

        using (var source = smudge is null ? blob.GetContentStream() : blob.GetContentStream(smudge))
        using (var target = new FileStream(full, options))
        {
            source.CopyTo(target);
        }

        if (privateMode is { } exact && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(full, exact);
        }
        else if (!OperatingSystem.IsWindows())
        {
            var current = File.GetUnixFileMode(full);
            var readBits = (int)(current & (UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead));
            var wanted = mode == Mode.ExecutableFile ? current | (UnixFileMode)(readBits >> 2) | UnixFileMode.UserExecute : current & ~ExecuteBits;
            if (wanted != current)
            {
                File.SetUnixFileMode(full, wanted);
            }
        }
    }

    /// <summary>Deletes a file or link if present.</summary>
    public static void Delete(string full)
    {
        if (Exists(full))
        {
            File.SetAttributes(full, FileAttributes.Normal);
            File.Delete(full);
        }
    }

    /// <summary>Removes the folders above a deleted file that are now empty, up to the root.</summary>
    public static void PruneEmptyFolders(string root, string full)
    {
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var folder = Path.GetDirectoryName(full);
        while (folder is not null
            && folder.Length > rootFull.Length
            && Directory.Exists(folder)
            && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder);
        }
    }

    private static bool StreamsEqual(Stream left, Stream right)
    {
        var a = new byte[81920];
        var b = new byte[81920];
        while (true)
        {
            var read = left.ReadAtLeast(a, a.Length, throwOnEndOfStream: false);
            var wanted = read == 0 ? 1 : read;
            var other = right.ReadAtLeast(b.AsSpan(0, wanted), wanted, throwOnEndOfStream: false);
            if (read != other || !a.AsSpan(0, read).SequenceEqual(b.AsSpan(0, other)))
            {
                return false;
            }

            if (read == 0)
            {
                return true;
            }
        }
    }
}
