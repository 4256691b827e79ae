using LibGit2Sharp;

namespace Lifecycle.Activities.Prediction;

/// <summary>
/// The repository's recent commits as prediction needs them (author e-mail, author time, lines
/// changed), for predicting before enough Lifecycle sessions have closed.
/// </summary>
/// <remarks>
/// Only the newest <see cref="MaxCommits"/> non-merge commits reachable from HEAD are read: each
/// costs a diff, and a team's habits of years ago say little about its next session (the predictor
/// weighs recent sessions more anyway). Merges are left out, as the benchmark's histories do, and
/// so are Lifecycle's own commits of session documents (<see cref="IsSessionDocsCommit"/>): they are
/// the close's bookkeeping, not the session's work.
/// </remarks>
public static class GitWorkHistory
{
    /// <summary>How many commits back the history is read.</summary>
    public const int MaxCommits = 600;

    // The last history read, by repository, HEAD and depth: a server answers every plan and prediction
    // from it until HEAD moves (reading 600 diffs takes about a second).
    // A reference swapped whole, so concurrent requests never see one read's key with another's commits.
    private static Cached? _last;

    /// <summary>The commits of the repository at <paramref name="root"/>, oldest first; empty without commits.</summary>
    public static IReadOnlyList<CommitFact> Read(string root, int maxCommits = MaxCommits)
    {
        using var repo = new Repository(root);
        if (repo.Head.Tip is null)
        {
            return [];
        }

        var key = $"{Path.GetFullPath(root)}\n{repo.Head.Tip.Sha}\n{maxCommits}";
        if (_last is { } last && last.Key == key)
        {
            return last.Commits;
        }

        var filter = new CommitFilter { IncludeReachableFrom = repo.Head, SortBy = CommitSortStrategies.Time };
        var commits = new List<CommitFact>();
        foreach (var commit in repo.Commits.QueryBy(filter).Where(c => c.Parents.Count() <= 1 && !IsSessionDocsCommit(c.MessageShort)).Take(maxCommits))
        {
            var stats = repo.Diff.Compare<PatchStats>(commit.Parents.FirstOrDefault()?.Tree, commit.Tree);
            commits.Add(new CommitFact(commit.Author.Email, commit.Author.When, stats.TotalLinesAdded + stats.TotalLinesDeleted));
        }

        commits.Reverse();
        _last = new Cached(key, commits);
        return commits;
    }

    /// <summary>True for the subject the close gives the session documents' commit by default (<c>docs: session 00004 documents</c>).</summary>
    public static bool IsSessionDocsCommit(string subject) =>
        System.Text.RegularExpressions.Regex.IsMatch(subject ?? "", @"^docs: session \d+ documents$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>git's <c>user.email</c> for the repository: whose next session is predicted; null when unset.</summary>
    public static string? UserEmail(string root)
    {
        using var repo = new Repository(root);
        return repo.Config.Get<string>("user.email")?.Value;
    }

    private sealed record Cached(string Key, IReadOnlyList<CommitFact> Commits);
}
