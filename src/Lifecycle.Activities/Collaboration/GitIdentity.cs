using LibGit2Sharp;

namespace Lifecycle.Activities.Collaboration;

/// <summary>
/// git's identity for a repository (<c>user.name</c>, <c>user.email</c>, from its configuration:
/// the repository's, then the global and system ones, as git resolves them), and the agents its
/// commits since a point name as co-authors.
/// </summary>
public static class GitIdentity
{
    /// <summary>The name and email git would commit with here; either is null when not set (or the folder is no repository).</summary>
    public static (string? Name, string? Email) Read(string repositoryRoot)
    {
        try
        {
            using var repo = new Repository(repositoryRoot);
            return (Value(repo, "user.name"), Value(repo, "user.email"));
        }
        catch (LibGit2SharpException)
        {
            return (null, null);
        }
    }

    /// <summary>
    /// The known agents named in <c>Co-authored-by</c> trailers of the commits reachable from HEAD
    /// and not from <paramref name="fromSha"/> (the session's commits), each once; empty when there
    /// is no start point to count from.
    /// </summary>
    public static IReadOnlyList<string> AgentsCoAuthoringSince(string repositoryRoot, string? fromSha)
    {
        if (fromSha is null)
        {
            return [];
        }

        try
        {
            using var repo = new Repository(repositoryRoot);
            if (repo.Head.Tip is not { } head || repo.Lookup<Commit>(fromSha) is not { } start)
            {
                return [];
            }

            var commits = repo.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = head, ExcludeReachableFrom = start });
            return [.. commits.Take(10_000).SelectMany(c => CoAuthorTrailers.AgentsIn(c.Message)).Distinct(StringComparer.Ordinal)];
        }
        catch (LibGit2SharpException)
        {
            return [];
        }
    }

    private static string? Value(Repository repo, string key) =>
        repo.Config.Get<string>(key)?.Value is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
