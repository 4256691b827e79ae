using LibGit2Sharp;

namespace Lifecycle.Activities.Setup;

/// <summary>Where a repository keeps its git folders, worktrees and <c>core.hooksPath</c> included.</summary>
/// <param name="WorkingDirectory">The root of the work tree.</param>
/// <param name="GitDirectory">This work tree's git folder (a worktree has its own).</param>
/// <param name="CommonDirectory">The folder shared by all work trees (hooks, info/exclude, config).</param>
/// <param name="HooksDirectory">Where git looks for hooks: <c>core.hooksPath</c> when set, else common/hooks.</param>
public sealed record GitPaths(string WorkingDirectory, string GitDirectory, string CommonDirectory, string HooksDirectory)
{
    /// <summary>Reads the paths of the repository at <paramref name="path"/> (or above it).</summary>
    /// <exception cref="SessionException">Not inside a git work tree (exit 2).</exception>
    public static GitPaths Of(string path)
    {
        var discovered = Repository.Discover(path) ?? throw NotARepository(path);
        using var repository = new Repository(discovered);
        if (repository.Info.IsBare || repository.Info.WorkingDirectory is null)
        {
            throw NotARepository(path);
        }

        var root = Path.TrimEndingDirectorySeparator(repository.Info.WorkingDirectory);
        var gitDirectory = Path.TrimEndingDirectorySeparator(repository.Info.Path);
        var common = CommonDirectoryOf(gitDirectory);
        var hooksPath = repository.Config.Get<string>("core.hooksPath")?.Value;
        var hooks = string.IsNullOrWhiteSpace(hooksPath)
            ? Path.Combine(common, "hooks")
            : Path.GetFullPath(ExpandHome(hooksPath), root);
        return new GitPaths(root, gitDirectory, common, hooks);
    }

    /// <summary>The folder shared by all work trees, from a work tree's git folder (a linked worktree names it in <c>commondir</c>).</summary>
    internal static string CommonDirectoryOf(string gitDirectory)
    {
        var commonFile = Path.Combine(gitDirectory, "commondir");
        return Path.TrimEndingDirectorySeparator(File.Exists(commonFile)
            ? Path.GetFullPath(File.ReadAllText(commonFile).Trim(), gitDirectory)
            : gitDirectory);
    }

    private static string ExpandHome(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : path;

    private static SessionException NotARepository(string path) =>
        new($"'{path}' is not inside a git work tree. Run 'git init' there first, or pass --repo.", ErrorKind.InvalidInput);
}
