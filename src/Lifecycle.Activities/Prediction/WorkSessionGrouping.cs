namespace Lifecycle.Activities.Prediction;

/// <summary>
/// Groups commits into work sessions: one author's commits belong to the same session while each
/// follows the previous within <see cref="IdleGap"/>. A session lasts from its first commit to its
/// last plus <see cref="LeadIn"/>, the work done before the first commit that no commit shows.
/// </summary>
/// <remarks>
/// Two hours is the gap git-hours and similar estimators use: a lunch or a meeting does not split a
/// session, an evening does. The 30-minute lead-in is a deliberate under-estimate of the time before
/// a first commit (reading, building, the change itself): a one-commit session then counts 30
/// minutes, not zero. Both only need to be the same for every session: the backtest compares
/// predictions with sessions grouped the same way.
/// </remarks>
public static class WorkSessionGrouping
{
    /// <summary>The longest pause between two commits of one session.</summary>
    public static readonly TimeSpan IdleGap = TimeSpan.FromHours(2);

    /// <summary>Time counted before a session's first commit.</summary>
    public static readonly TimeSpan LeadIn = TimeSpan.FromMinutes(30);

    /// <summary>The work sessions of <paramref name="commits"/> (any order), ordered by their first commit.</summary>
    public static List<WorkSample> Group(IEnumerable<CommitFact> commits)
    {
        ArgumentNullException.ThrowIfNull(commits);
        var sessions = new List<WorkSample>();
        foreach (var byAuthor in commits.GroupBy(c => c.Author, StringComparer.Ordinal))
        {
            List<CommitFact>? current = null;
            foreach (var commit in byAuthor.OrderBy(c => c.When))
            {
                if (current is not null && commit.When - current[^1].When > IdleGap)
                {
                    sessions.Add(Session(current));
                    current = null;
                }

                (current ??= []).Add(commit);
            }

            if (current is not null)
            {
                sessions.Add(Session(current));
            }
        }

        return [.. sessions.OrderBy(s => s.Start).ThenBy(s => s.Author, StringComparer.Ordinal)];
    }

    private static WorkSample Session(List<CommitFact> commits)
    {
        var first = commits[0].When;
        var last = commits[^1].When;
        return new WorkSample(commits[0].Author, first, last, (last - first + LeadIn).TotalMinutes, commits.Count, commits.Sum(c => c.Lines));
    }
}
