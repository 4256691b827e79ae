namespace Lifecycle.Activities.Setup;

/// <summary>Keeps Lifecycle's state folder out of git without touching the user's .gitignore.</summary>
public static class GitExclude
{
    /// <summary>Adds <paramref name="pattern"/> to <c>info/exclude</c> unless a line already says it; true when added.</summary>
    public static bool Ensure(GitPaths paths, string pattern)
    {
        var file = Path.Combine(paths.CommonDirectory, "info", "exclude");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var existing = File.Exists(file) ? File.ReadAllText(file) : "";
        if (existing.Split('\n').Any(line => line.Trim() == pattern))
        {
            return false;
        }

        var separator = existing.Length == 0 || existing.EndsWith('\n') ? "" : "\n";
        File.AppendAllText(file, $"{separator}{pattern}\n");
        return true;
    }
}
