namespace Lifecycle.Activities.Git.Stashing;

/// <summary>Folders in a restore's way: the ones it creates with recorded bits, and the ones it may remove to put a file in their place.</summary>
internal static class RestoreFolders
{
    /// <summary>
    /// Creates the folders the notes give bits for that are missing (they held only put-away files),
    /// with those bits, parents first, before any file is written into them.
    /// </summary>
    public static void CreateMissing(string root, Dictionary<string, UnixFileMode> modes)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var (folder, bits) in modes.Where(m => m.Key.EndsWith('/')).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var full = WorkTreeFile.FullPath(root, folder.TrimEnd('/'));
            if (!Directory.Exists(full) && !WorkTreeFile.Exists(full))
            {
                Directory.CreateDirectory(full, bits | UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                File.SetUnixFileMode(full, bits);
            }
        }
    }

    /// <summary>
    /// True when <paramref name="path"/> is a folder (not a link) whose every file the restore
    /// deletes (<paramref name="deleted"/>) and every folder under it holds such a file (an empty
    /// one would stay and block the write): the deletions prune it before the file is written.
    /// </summary>
    public static bool InTheWayGoes(string root, string path, IReadOnlySet<string> deleted)
    {
        var full = WorkTreeFile.FullPath(root, path);
        if (!Directory.Exists(full) || new FileInfo(full).LinkTarget is not null)
        {
            return false;
        }

        var prefix = path + "/";
        string Relative(string entry) => prefix + Path.GetRelativePath(full, entry).Replace('\\', '/');
        var folders = Directory.EnumerateDirectories(full, "*", SearchOption.AllDirectories).Where(f => new FileInfo(f).LinkTarget is null).ToList();
        var files = Directory.EnumerateFileSystemEntries(full, "*", SearchOption.AllDirectories).Except(folders).Select(Relative).ToList();
        return files.Count > 0 && files.All(deleted.Contains)
            && folders.Select(f => Relative(f) + "/").All(folder => files.Any(file => file.StartsWith(folder, StringComparison.Ordinal)));
    }
}
