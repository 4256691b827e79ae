namespace Lifecycle.Server.Cli;

/// <summary>Finds the repository a command works on, like git does.</summary>
public static class RepositoryLocator
{
    /// <summary>
    /// The nearest folder upward from <paramref name="repo"/> (when given) or <paramref name="start"/>
    /// holding <c>.lifecycle/</c> or <c>.git</c>, else that folder itself.
    /// </summary>
    public static string Locate(string? repo, string start)
    {
        if (repo is not null)
        {
            // A folder inside a repository names that repository, as git's own discovery does.
            start = Path.GetFullPath(repo, start);
            if (!Directory.Exists(start))
            {
                throw new UsageException($"--repo '{repo}' is not a folder. Give an existing folder.");
            }
        }

        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".lifecycle")) ||
                Directory.Exists(Path.Combine(dir.FullName, ".git")) ||
                File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return Path.GetFullPath(start);
    }
}
