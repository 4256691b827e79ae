namespace Lifecycle.Activities.Git;

/// <summary>
/// Permission bits of untracked files that others may not read (a <c>.env</c> at 600, a key at
/// 400), kept in the stash's untracked-files commit message, since git trees only record 644 or
/// 755: restore puts them back instead of leaving the file readable by everyone.
/// </summary>
/// <remarks>One line per file after the subject: <c>lifecycle-mode 600 path</c>. Paths with a line break are not recorded.</remarks>
internal static class PrivateModes
{
    private const string Prefix = "lifecycle-mode ";
    private const UnixFileMode Permissions = (UnixFileMode)0x1FF;
    private const UnixFileMode ReadableByOthers = UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>The lines to add to the commit message for these files (full path by relative path).</summary>
    public static string Lines(IEnumerable<(string Path, string Full)> files)
    {
        if (OperatingSystem.IsWindows())
        {
            return "";
        }

        var lines = new System.Text.StringBuilder();
        foreach (var (path, full) in files)
        {
            if (path.Contains('\n') || path.Contains('\r') || new FileInfo(full).LinkTarget is not null)
            {
                continue;
            }

            var mode = File.GetUnixFileMode(full) & Permissions;
            if ((mode & ReadableByOthers) != ReadableByOthers)
            {
                lines.Append(Prefix).Append(Convert.ToString((int)mode, 8)).Append(' ').Append(path).Append('\n');
            }
        }

        return lines.ToString();
    }

    /// <summary>The recorded modes in a commit message, by path.</summary>
    public static Dictionary<string, UnixFileMode> Parse(string message)
    {
        var modes = new Dictionary<string, UnixFileMode>(StringComparer.Ordinal);
        foreach (var line in message.Split('\n'))
        {
            if (!line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var space = line.IndexOf(' ', Prefix.Length);
            if (space > Prefix.Length && line.Length > space + 1 && TryOctal(line[Prefix.Length..space], out var mode))
            {
                modes[line[(space + 1)..]] = mode & Permissions;
            }
        }

        return modes;
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
