using System.Runtime.InteropServices;

namespace Lifecycle.Activities.State;

/// <summary>
/// Flushes folders' entries to disk (<c>fsync</c> on the folder), so a file created, renamed or
/// replaced in it survives a power cut with its name, not only its content.
/// </summary>
/// <remarks>
/// On ext4 a file's fsync commits its folder entry too, but XFS and btrfs need the folder itself
/// flushed. Linux only (.NET cannot open a folder as a file, so this calls libc); elsewhere, and
/// where the file system refuses (some network ones do), it does nothing: a best effort on top of
/// the files' own fsync.
/// </remarks>
public static class FolderSync
{
    private const int ReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC (same value on x86-64 and arm64)

    /// <summary>Flushes each folder once, several at once (<see cref="ConcurrentFlush"/>); returns how many the file system flushed.</summary>
    public static int Flush(IEnumerable<string> folders)
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        try
        {
            return ConcurrentFlush.Run(folders.Distinct(StringComparer.Ordinal).ToList(), folder =>
            {
                var fd = open(folder, ReadOnlyCloseOnExec);
                if (fd < 0)
                {
                    return false;
                }

                var synced = fsync(fd) == 0;
                _ = close(fd);
                return synced;
            });
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to call (an unusual Linux): the files' own fsync is what there is.
            return 0;
        }
    }

    /// <summary>
    /// The folders holding <paramref name="files"/> and every folder above them up to and including
    /// <paramref name="root"/>: new folders made on the way have entries in their parents too.
    /// </summary>
    public static IEnumerable<string> HoldersUpTo(string root, IEnumerable<string> files)
    {
        var top = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            for (var folder = Path.GetDirectoryName(Path.GetFullPath(file));
                 folder is not null && (folder == top || folder.StartsWith(top + Path.DirectorySeparatorChar, StringComparison.Ordinal)) && seen.Add(folder);
                 folder = folder.Length == top.Length ? null : Path.GetDirectoryName(folder))
            {
                yield return folder;
            }
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
}
