namespace Lifecycle.Activities.Git.Stashing;

/// <summary>
/// What a stash must keep that git trees cannot hold, written as lines after a stash commit's
/// subject: permission bits other than those a new file or folder gets here (a <c>.env</c> at
/// 600, a key folder at 700; trees only record 644 or 755) and index entry flags
/// (<see cref="IndexEntryFlags"/>). The restore puts them back.
/// </summary>
/// <remarks>
/// <c>lifecycle-mode 600 path</c> for a file, <c>lifecycle-mode 700 path/</c> for a folder,
/// <c>lifecycle-flags skip-worktree,assume-unchanged path</c>. The untracked-files commit carries
/// its files' modes; the stash commit the tracked files', the folders' and the flags. Paths with a
/// line break are not recorded. Bits are recorded when they differ from what the process's umask
/// gives a new file (as the restore creates it), so an ordinary tree adds no line.
/// </remarks>
internal static class StashNotes
{
    private const string ModePrefix = "lifecycle-mode ";
    private const string FlagsPrefix = "lifecycle-flags ";
    private const UnixFileMode Permissions = (UnixFileMode)0x1FF;

    private static readonly (IndexEntryFlags Flag, string Name)[] FlagNames =
    [
        (IndexEntryFlags.AssumeUnchanged, "assume-unchanged"),
        (IndexEntryFlags.SkipWorktree, "skip-worktree"),
        (IndexEntryFlags.IntentToAdd, "intent-to-add"),
    ];

    /// <summary>A commit message: the subject (ending with a line break), then the notes after a blank line when there are any.</summary>
    public static string Message(string subject, string notes) => notes.Length == 0 ? subject : $"{subject}\n{notes}";

    /// <summary>The mode lines for these files and folders (a folder's path ends with '/'), full path by relative path.</summary>
    public static string ModeLines(IEnumerable<(string Path, string Full)> entries)
    {
        if (OperatingSystem.IsWindows())
        {
            return "";
        }

        var umask = Umask();
        var lines = new System.Text.StringBuilder();
        foreach (var (path, full) in entries)
        {
            if (!Recordable(path) || new FileInfo(full).LinkTarget is not null)
            {
                continue;
            }

            var folder = path.EndsWith('/');
            var mode = File.GetUnixFileMode(full) & Permissions;
            if (mode != DefaultMode(folder, executable: (mode & UnixFileMode.UserExecute) != 0, umask))
            {
                lines.Append(ModePrefix).Append(Convert.ToString((int)mode, 8)).Append(' ').Append(path).Append('\n');
            }
        }

        return lines.ToString();
    }

    /// <summary>The flag lines for these index entries.</summary>
    public static string FlagLines(IEnumerable<KeyValuePair<string, IndexEntryFlags>> entries)
    {
        var lines = new System.Text.StringBuilder();
        foreach (var (path, flags) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var names = FlagNames.Where(f => flags.HasFlag(f.Flag)).Select(f => f.Name).ToList();
            if (names.Count > 0 && Recordable(path))
            {
                lines.Append(FlagsPrefix).Append(string.Join(',', names)).Append(' ').Append(path).Append('\n');
            }
        }

        return lines.ToString();
    }

    /// <summary>The recorded modes in a commit message, by path (folders end with '/').</summary>
    public static Dictionary<string, UnixFileMode> Modes(string message)
    {
        var modes = new Dictionary<string, UnixFileMode>(StringComparer.Ordinal);
        foreach (var (value, path) in Lines(message, ModePrefix))
        {
            if (TryOctal(value, out var mode))
            {
                modes[path] = mode & Permissions;
            }
        }

        return modes;
    }

    /// <summary>The recorded index entry flags in a commit message, by path.</summary>
    public static Dictionary<string, IndexEntryFlags> Flags(string message)
    {
        var flags = new Dictionary<string, IndexEntryFlags>(StringComparer.Ordinal);
        foreach (var (value, path) in Lines(message, FlagsPrefix))
        {
            var parsed = value.Split(',').Select(name => FlagNames.FirstOrDefault(f => f.Name == name).Flag).Aggregate(IndexEntryFlags.None, (all, f) => all | f);
            if (parsed != IndexEntryFlags.None)
            {
                flags[path] = parsed;
            }
        }

        return flags;
    }

    /// <summary>The bits a new file or folder gets here: what a restore writes when no line says otherwise.</summary>
    /// <remarks>An executable file gets the read bits' execute bits, as <see cref="WorkTreeFile.Write"/> sets them.</remarks>
    private static UnixFileMode DefaultMode(bool folder, bool executable, UnixFileMode umask)
    {
        if (folder)
        {
            return Permissions & ~umask;
        }

        var file = (UnixFileMode)0x1B6 & ~umask;
        var readBits = (int)(file & (UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead));
        return executable ? file | (UnixFileMode)(readBits >> 2) | UnixFileMode.UserExecute : file;
    }

    /// <summary>
    /// The process's umask, read from <c>/proc/self/status</c> (Linux); elsewhere the usual 022.
    /// </summary>
    /// <remarks>Setting the umask to read it would change it for every thread meanwhile.</remarks>
    private static UnixFileMode Umask()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("Umask:", StringComparison.Ordinal) && TryOctal(line[6..].Trim(), out var umask))
                {
                    return umask & Permissions;
                }
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // No procfs (macOS): the usual umask.
        }

        return (UnixFileMode)0x12;
    }

    private static bool Recordable(string path) => path.Length > 0 && !path.Contains('\n') && !path.Contains('\r');

    private static IEnumerable<(string Value, string Path)> Lines(string message, string prefix)
    {
        foreach (var line in message.Split('\n'))
        {
            if (!line.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var space = line.IndexOf(' ', prefix.Length);
            if (space > prefix.Length && line.Length > space + 1)
            {
                yield return (line[prefix.Length..space], line[(space + 1)..]);
            }
        }
    }

    private static bool TryOctal(string text, out UnixFileMode mode)
    {
        mode = 0;
        if (text.Length is 0 or > 4 || text.Any(c => c is < '0' or > '7'))
        {
            return false;
        }

        mode = (UnixFileMode)Convert.ToInt32(text, 8);
        return true;
    }
}
